using System;
using System.Collections.Generic;
using System.Linq;
using Jidoka.Protocol;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Nodes;

namespace Jidoka.SimBoard.Tests;

/// <summary>
/// Plays the bridge on a simulated network, as little as the tests need: announces itself online
/// (retained), records what the nodes publish, and acknowledges events when told to. Test-only; the
/// real bridge logic plugs into the same kind of client in part B.
/// </summary>
public sealed class TestBridge
{
    public const string HostId = "bridge-1";
    public readonly SimClient Client;
    public readonly List<(string Topic, byte[] Payload, ulong DeliveredUs, bool Retain)> Received = new();
    public bool AutoAck;
    private readonly SimulatedCell _cell;
    private long _session;

    public TestBridge(SimulatedCell cell, bool autoAck = true, LinkFaults? faults = null)
    {
        _cell = cell;
        AutoAck = autoAck;
        _session = cell.HostClock.UnixUs / 1000;
        Client = cell.CreateBridgeClient("jidoka-" + HostId, HostStatePublisher.Will(HostId, _session), faults);
        Client.MessageReceived += OnMessage;
        Client.Connected += () =>
        {
            Client.Subscribe(Topics.AllNodes(TopicKind.Event), 1);
            Client.Subscribe(Topics.AllNodes(TopicKind.Frame), 0);
            Client.Subscribe(Topics.AllNodes(TopicKind.Status), 1);
            HostStatePublisher.Publish(Client, HostId, true, _session);
        };
    }

    public void Start() => Client.Start();

    public List<EventMessage> Events(string? nodeId = null) => Decode<EventMessage>(TopicKind.Event, nodeId);

    public List<FrameMessage> Frames(string? nodeId = null) => Decode<FrameMessage>(TopicKind.Frame, nodeId);

    public List<StatusMessage> Status(string? nodeId = null) => Decode<StatusMessage>(TopicKind.Status, nodeId);

    private List<T> Decode<T>(TopicKind kind, string? nodeId) where T : IWireMessage, new()
    {
        var list = new List<T>();
        foreach (var r in Received)
        {
            if (Topics.TryParse(r.Topic, out _, out string node, out TopicKind k) && k == kind && (nodeId == null || node == nodeId))
            {
                var m = new T();
                if (m.TryDecode(r.Payload, 0, r.Payload.Length).IsAccepted)
                {
                    list.Add(m);
                }
            }
        }

        return list;
    }

    private void OnMessage(SimMessage m)
    {
        Received.Add((m.Topic, m.Payload, m.DeliveredUs, m.Retain));
        if (!AutoAck || !Topics.TryParse(m.Topic, out string cell, out string node, out TopicKind kind) || kind != TopicKind.Event)
        {
            return;
        }

        var e = new EventMessage();
        if (!e.TryDecode(m.Payload, 0, m.Payload.Length).IsAccepted)
        {
            return;
        }

        var ack = new EventAckMessage { NodeId = node, Count = 1 };
        ack.EventIds[0] = e.EventId;
        byte[] buffer = new byte[ProtocolLimits.MaxMessageBytes];
        EncodeResult r = ack.TryEncode(buffer, 0);
        Client.Publish(Topics.ForNode(cell, node, TopicKind.Ack), buffer, r.BytesWritten, 1, false);
    }
}
