using System;
using Jidoka.Node.Hardware;

namespace Jidoka.SimBoard.Network;

/// <summary>
/// A node's <see cref="IMqttLink"/> over a <see cref="SimClient"/> of the simulated network (virtual
/// time). Received messages go to <see cref="Receiver"/>, which the simulated node points at its core's
/// inbox. Connecting, the last will and back-off live in the client, never near an output.
/// </summary>
public sealed class SimMqttLink : IMqttLink
{
    /// <summary>Wraps <paramref name="client"/>.</summary>
    public SimMqttLink(SimClient client)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
        Client.MessageReceived += m => Receiver?.Invoke(m.Topic, m.Payload, m.Payload.Length);
        Client.Connected += () => _sessions++;
    }

    private uint _sessions;

    /// <summary>The network client.</summary>
    public SimClient Client { get; }

    /// <summary>Where received messages go (the core's <c>Inbox.TryPost</c>); null drops them.</summary>
    public Action<string, byte[], int>? Receiver { get; set; }

    /// <inheritdoc/>
    public bool IsConnected => Client.IsConnected;

    /// <inheritdoc/>
    public uint SessionCount => _sessions;

    /// <inheritdoc/>
    public bool Publish(string topic, byte[] payload, int length, int qos, bool retain) => Client.Publish(topic, payload, length, qos, retain);

    /// <inheritdoc/>
    public bool Subscribe(string topicFilter, int qos) => Client.Subscribe(topicFilter, qos);
}
