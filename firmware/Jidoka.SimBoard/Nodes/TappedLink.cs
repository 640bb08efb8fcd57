using System;
using Jidoka.Node.Hardware;

namespace Jidoka.SimBoard.Nodes;

/// <summary>The board's MQTT link as the core sees it, reporting every accepted publish to the node's <see cref="SimulatedNode.Published"/>.</summary>
internal sealed class TappedLink : IMqttLink
{
    private readonly IMqttLink _inner;
    private readonly Action<string, byte[], int> _published;

    public TappedLink(IMqttLink inner, Action<string, byte[], int> published)
    {
        _inner = inner;
        _published = published;
    }

    public bool IsConnected => _inner.IsConnected;

    public uint SessionCount => _inner.SessionCount;

    public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
    {
        bool accepted = _inner.Publish(topic, payload, length, qos, retain);
        if (accepted)
        {
            _published(topic, payload, length);
        }

        return accepted;
    }

    public bool Subscribe(string topicFilter, int qos) => _inner.Subscribe(topicFilter, qos);
}
