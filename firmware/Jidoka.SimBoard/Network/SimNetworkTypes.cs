using System;

namespace Jidoka.SimBoard.Network;

/// <summary>
/// Faults on one client's path to the broker, applied to each message in each direction. The defaults
/// behave like MQTT over a healthy TCP connection: latency only, in order, nothing lost, duplicated or
/// corrupted. Everything else is opt-in fault injection.
/// </summary>
public sealed record LinkFaults
{
    /// <summary>Smallest one-way latency, µs.</summary>
    public ulong LatencyMinUs { get; init; } = 200;

    /// <summary>Largest one-way latency, µs (uniform between min and max, seeded).</summary>
    public ulong LatencyMaxUs { get; init; } = 2000;

    /// <summary>Probability a QoS 0 message is lost.</summary>
    public double LossQos0 { get; init; }

    /// <summary>Probability a QoS 1 message is lost (TCP never does this within a session; a test of the bridge might).</summary>
    public double LossQos1 { get; init; }

    /// <summary>Probability a message is delivered twice (a QoS 1 retransmission after a lost PUBACK).</summary>
    public double Duplicate { get; init; }

    /// <summary>Probability one bit of the payload is flipped (a bug in a gateway; TCP's checksum would not let it through).</summary>
    public double Corrupt { get; init; }

    /// <summary>When true, messages on this path may overtake each other (latency is not clamped to keep order).</summary>
    public bool Reorder { get; init; }

    /// <summary>The healthy default.</summary>
    public static LinkFaults Healthy { get; } = new();
}

/// <summary>Broker and session timing of the simulated network.</summary>
public sealed record SimNetworkOptions
{
    /// <summary>MQTT keep-alive, µs. A client notices a dead path after it (no PINGRESP); the broker after 1.5× it and then publishes the will.</summary>
    public ulong KeepAliveUs { get; init; } = 5_000_000;

    /// <summary>How long a client takes to notice the broker process died (TCP reset), µs.</summary>
    public ulong BrokerDeathDetectUs { get; init; } = 1000;

    /// <summary>Reconnect back-off base, µs.</summary>
    public ulong ReconnectBaseUs { get; init; } = 100_000;

    /// <summary>Reconnect back-off cap, µs.</summary>
    public ulong ReconnectCapUs { get; init; } = 5_000_000;

    /// <summary>True when retained messages survive a broker restart (Mosquitto with persistence); false models an in-memory broker.</summary>
    public bool RetainSurvivesRestart { get; init; } = true;

    /// <summary>Faults of clients created without their own.</summary>
    public LinkFaults DefaultFaults { get; init; } = LinkFaults.Healthy;
}

/// <summary>A client's last will: published by the broker when the client vanishes without disconnecting.</summary>
/// <param name="Topic">Will topic.</param>
/// <param name="Payload">Will payload.</param>
/// <param name="Qos">Will QoS.</param>
/// <param name="Retain">Whether the will is retained.</param>
public sealed record SimWill(string Topic, byte[] Payload, int Qos, bool Retain);

/// <summary>A message as delivered to a client.</summary>
/// <param name="Topic">Topic.</param>
/// <param name="Payload">Payload (the receiver's own copy).</param>
/// <param name="Qos">Delivered QoS (the lower of publish and subscription).</param>
/// <param name="Retain">True when delivered from the broker's retained store on subscribe.</param>
/// <param name="FromClientId">Publisher ("$broker" for a will).</param>
/// <param name="PublishedUs">Simulation µs the publisher handed it over.</param>
/// <param name="DeliveredUs">Simulation µs it reached the receiver.</param>
/// <param name="Duplicate">True for the extra copy of an injected duplication.</param>
/// <param name="Corrupted">True when a bit was flipped on the way.</param>
public sealed record SimMessage(string Topic, byte[] Payload, int Qos, bool Retain, string FromClientId, ulong PublishedUs, ulong DeliveredUs, bool Duplicate, bool Corrupted);

/// <summary>What the simulated network did, since creation.</summary>
public sealed class SimNetworkCounters
{
    /// <summary>Messages clients handed to the network.</summary>
    public long Published { get; internal set; }

    /// <summary>Messages that reached a receiver (duplicates included).</summary>
    public long Delivered { get; internal set; }

    /// <summary>Messages lost by injected loss.</summary>
    public long Lost { get; internal set; }

    /// <summary>Messages lost because their connection died or the broker was down while they were in flight.</summary>
    public long DroppedInFlight { get; internal set; }

    /// <summary>Extra copies delivered.</summary>
    public long Duplicated { get; internal set; }

    /// <summary>Messages delivered with a flipped bit.</summary>
    public long Corrupted { get; internal set; }

    /// <summary>Wills the broker published.</summary>
    public long WillsPublished { get; internal set; }

    /// <summary>Successful connections (first connects and reconnects).</summary>
    public long Connects { get; internal set; }
}
