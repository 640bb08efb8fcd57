using System;
using System.Collections.Generic;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Network;

/// <summary>
/// An MQTT broker and the paths to it, in virtual time, for deterministic runs: many node links and a
/// bridge endpoint are <see cref="SimClient"/>s of one network. It keeps what a broker keeps (sessions,
/// subscriptions with '+' and '#', retained messages, last wills) and what the paths do (latency, and as
/// injected faults loss, duplication, corruption, reordering, partitions), plus whole-broker outages.
/// Every random choice comes from per-client streams forked from one seed, and every delivery is a
/// scheduler callback, so a run replays exactly.
/// </summary>
public sealed class SimNetwork
{
    /// <summary>Client id the broker uses as the publisher of wills.</summary>
    public const string BrokerId = "$broker";

    private readonly VirtualScheduler _scheduler;
    private readonly SimRandom _random;
    private readonly List<SimClient> _clients = new();
    private readonly SortedDictionary<string, SimMessage> _retained = new(StringComparer.Ordinal);

    /// <summary>Creates the network (broker up) on <paramref name="scheduler"/>.</summary>
    public SimNetwork(VirtualScheduler scheduler, SimRandom random, SimNetworkOptions? options = null)
    {
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        _random = random ?? throw new ArgumentNullException(nameof(random));
        Options = options ?? new SimNetworkOptions();
    }

    /// <summary>Timing and defaults.</summary>
    public SimNetworkOptions Options { get; }

    /// <summary>The scheduler the network runs on.</summary>
    public VirtualScheduler Scheduler => _scheduler;

    /// <summary>False while the broker is stopped.</summary>
    public bool BrokerUp { get; private set; } = true;

    /// <summary>What happened, since creation.</summary>
    public SimNetworkCounters Counters { get; } = new();

    /// <summary>Raised on every delivery to any client (a tap for traces and measurements).</summary>
    public event Action<string, SimMessage>? Delivered;

    /// <summary>Clients, in creation order.</summary>
    public IReadOnlyList<SimClient> Clients => _clients;

    /// <summary>
    /// Creates a client (not yet connected: call <see cref="SimClient.Start"/>). <paramref name="clock"/>
    /// gives the simulation time the client's CPU is at when it publishes (a board's
    /// <see cref="IBoardTime.PhysicalUs"/>); null uses the scheduler's time.
    /// </summary>
    public SimClient CreateClient(string clientId, SimWill? will, Func<ulong>? clock = null, LinkFaults? faults = null)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        foreach (SimClient c in _clients)
        {
            if (c.ClientId == clientId)
            {
                throw new ArgumentException("client id already used: " + clientId, nameof(clientId));
            }
        }

        var client = new SimClient(this, clientId, will, clock ?? (() => _scheduler.NowUs), faults ?? Options.DefaultFaults, _random.Fork("client:" + clientId));
        _clients.Add(client);
        return client;
    }

    /// <summary>The retained message on <paramref name="topic"/>, if any.</summary>
    public bool TryGetRetained(string topic, out SimMessage message) => _retained.TryGetValue(topic, out message!);

    /// <summary>Stops the broker: every connection dies at once (clients notice after <see cref="SimNetworkOptions.BrokerDeathDetectUs"/>); no wills are sent.</summary>
    public void StopBroker()
    {
        if (!BrokerUp)
        {
            return;
        }

        BrokerUp = false;
        if (!Options.RetainSurvivesRestart)
        {
            _retained.Clear();
        }

        foreach (SimClient c in _clients)
        {
            c.OnBrokerStopped();
        }
    }

    /// <summary>Starts the broker again; clients reconnect on their own back-off.</summary>
    public void StartBroker() => BrokerUp = true;

    internal ulong Now => _scheduler.NowUs;

    internal long At(ulong us, Action action) => _scheduler.At(us, action);

    internal void Arrive(SimClient sender, SimConnection connection, string topic, byte[] payload, int qos, bool retain, ulong publishedUs, bool corrupted, bool duplicate)
    {
        if (!BrokerUp || !connection.Alive)
        {
            Counters.DroppedInFlight++;
            return;
        }

        Route(sender.ClientId, topic, payload, qos, retain, publishedUs, corrupted, duplicate);
    }

    internal void PublishWill(SimWill will)
    {
        Counters.WillsPublished++;
        Route(BrokerId, will.Topic, will.Payload, will.Qos, will.Retain, Now, false, false);
    }

    internal void DeliverRetained(SimClient client, SimConnection connection, string filter, int qos)
    {
        foreach (KeyValuePair<string, SimMessage> entry in _retained)
        {
            if (TopicFilter.Matches(filter, entry.Key))
            {
                SimMessage m = entry.Value;
                client.Downlink(connection, m.Topic, m.Payload, Math.Min(qos, m.Qos), true, m.FromClientId, m.PublishedUs, m.Corrupted, false);
            }
        }
    }

    internal void OnDelivered(SimClient client, SimMessage message)
    {
        Counters.Delivered++;
        if (message.Duplicate)
        {
            Counters.Duplicated++;
        }

        if (message.Corrupted)
        {
            Counters.Corrupted++;
        }

        Delivered?.Invoke(client.ClientId, message);
    }

    private void Route(string from, string topic, byte[] payload, int qos, bool retain, ulong publishedUs, bool corrupted, bool duplicate)
    {
        if (retain)
        {
            if (payload.Length == 0)
            {
                _retained.Remove(topic);
            }
            else
            {
                _retained[topic] = new SimMessage(topic, payload, qos, true, from, publishedUs, 0, false, corrupted);
            }
        }

        foreach (SimClient c in _clients)
        {
            if (c.TryMatch(topic, out int subQos, out SimConnection? connection))
            {
                c.Downlink(connection!, topic, payload, Math.Min(qos, subQos), false, from, publishedUs, corrupted, duplicate);
            }
        }
    }
}
