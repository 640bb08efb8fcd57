using System;
using System.Collections.Generic;
using System.Linq;
using Jidoka.Node.Config;
using Jidoka.Node.Engine;
using Jidoka.Node.TestKit;
using Jidoka.Protocol;

namespace Jidoka.Node.Tests;

/// <summary>
/// One node on fakes, with a bridge's-eye view: it steps the loop on a virtual clock, services the
/// communication side, plays the bridge (host state, acks, commands, time answers) through the inbox,
/// and decodes what the node published. A reboot keeps only the store, as a power cycle does.
/// </summary>
public sealed class NodeRig
{
    public const string Cell = StandardConfig.Cell;
    public const string Node = StandardConfig.Node;
    public const uint PeriodUs = StandardPolicy.LoopPeriodUs;

    public readonly FakeBoard Board = new();
    public readonly FakeClock Clock;
    public readonly FakePin[] Interlocks;
    public readonly FakePin Button;
    public readonly FakeOutput StopPin;
    public readonly FakeOutput AndonPin;
    public readonly FakeForce Force;
    public readonly FakeVision Vision;
    public readonly FakeWatchdog Watchdog;
    public readonly MemoryStore Store;
    public readonly FakeLink Link;
    public readonly NodeConfig Config;
    public NodeCore Core;
    private uint _commandId = 100;

    public NodeRig(MemoryStore? store = null, Action<NodeConfig>? configure = null)
    {
        (Clock, Interlocks, Button, StopPin, AndonPin) = (Board.Clock, Board.Interlocks, Board.Button, Board.StopPin, Board.AndonPin);
        (Force, Vision, Watchdog, Link) = (Board.Force, Board.Vision, Board.Watchdog, Board.Link);
        Config = StandardConfig.Create();
        configure?.Invoke(Config);
        Store = store ?? FakeBoard.StoreFor(Config.JournalCapacity);
        Core = new NodeCore(Config, Board.Hardware(Store));
    }

    public NodeContext C => Core.Context;

    /// <summary>Boots and runs steps until armed (interlocks need the debounce time to count as closed).</summary>
    public NodeRig BootAndArm()
    {
        Core.Boot(0, false);
        for (int i = 0; i < 20 && Core.State != TripState.Armed; i++)
        {
            Step();
        }

        if (Core.State != TripState.Armed)
        {
            throw new InvalidOperationException("rig did not arm");
        }

        return this;
    }

    public void Step(int count = 1)
    {
        for (int i = 0; i < count; i++)
        {
            Clock.Advance(PeriodUs);
            Core.Step();
        }
    }

    /// <summary>Steps every period until the step that runs exactly at <paramref name="stepAtUs"/> (a running loop, not a stalled one).</summary>
    public void StepUntil(ulong stepAtUs)
    {
        while (Clock.Now + PeriodUs < stepAtUs)
        {
            Step();
        }

        Clock.Now = stepAtUs;
        Core.Step();
    }

    public void Service() => Core.ServiceComms();

    public void SetForceMilliNewtons(int mn) => Force.Counts = mn; // unity gain, zero offset

    /// <summary>Connects the link and announces a bridge online, then services once.</summary>
    public void ConnectBridge(long session = 1)
    {
        Link.Connected = true;
        Service();
        PostHostState(true, session);
        Service();
    }

    public void PostHostState(bool online, long session = 1)
    {
        var m = new HostStateMessage { Online = online, HostId = "bridge-1", SessionStartUnixMs = session };
        Post(Topics.HostState("bridge-1"), m);
    }

    public void Post(string topic, IWireMessage message)
    {
        var buffer = new byte[1024];
        EncodeResult r = message.TryEncode(buffer, 0);
        if (!r.IsWritten)
        {
            throw new InvalidOperationException("test message did not encode: " + r.Field);
        }

        if (!Core.Inbox.TryPost(topic, buffer, 0, r.BytesWritten))
        {
            throw new InvalidOperationException("inbox full");
        }
    }

    public string TopicOf(TopicKind kind) => Topics.ForNode(Cell, Node, kind);

    /// <summary>Sends a command and returns the node's result (decoded from what it published).</summary>
    public CommandResultMessage Command(CommandType type, string operatorId = "op.kim", Action<CommandMessage>? fill = null)
    {
        if (!Link.Connected)
        {
            ConnectBridge();
        }

        var cmd = new CommandMessage { CommandType = type, NodeId = Node, CommandId = ++_commandId, IssuedUnixMs = 1_764_489_600_000, OperatorId = operatorId };
        fill?.Invoke(cmd);
        int before = Link.Sent.Count;
        Post(TopicOf(TopicKind.Command), cmd);
        Service();
        var result = Link.Sent.Skip(before).Last(p => p.Topic == TopicOf(TopicKind.CommandResult));
        var decoded = new CommandResultMessage();
        Assert(decoded.TryDecode(result.Payload, 0, result.Payload.Length).IsAccepted, "result decodes");
        Assert(decoded.CommandId == _commandId, "result answers the command");
        return decoded;
    }

    public void Ack(IEnumerable<ulong> ids)
    {
        foreach (var chunk in ids.Chunk(ProtocolLimits.MaxAckIdsPerMessage))
        {
            var ack = new EventAckMessage { NodeId = Node, Count = chunk.Length };
            for (int i = 0; i < chunk.Length; i++)
            {
                ack.EventIds[i] = chunk[i];
            }

            Post(TopicOf(TopicKind.Ack), ack);
            Service();
        }
    }

    /// <summary>Events as the bridge received them, in publish order.</summary>
    public List<EventMessage> PublishedEvents() => Link.Sent.Where(p => p.Topic == TopicOf(TopicKind.Event)).Select(p =>
    {
        var e = new EventMessage();
        Assert(e.TryDecode(p.Payload, 0, p.Payload.Length).IsAccepted, "published event decodes");
        return e;
    }).ToList();

    public List<FrameMessage> PublishedFrames() => Link.Sent.Where(p => p.Topic == TopicOf(TopicKind.Frame)).Select(p =>
    {
        var f = new FrameMessage();
        Assert(f.TryDecode(p.Payload, 0, p.Payload.Length).IsAccepted, "published frame decodes");
        return f;
    }).ToList();

    public List<StatusMessage> PublishedStatus() => Link.Sent.Where(p => p.Topic == TopicOf(TopicKind.Status)).Select(p =>
    {
        var s = new StatusMessage();
        Assert(s.TryDecode(p.Payload, 0, p.Payload.Length).IsAccepted, "published status decodes");
        Assert(p.Retain, "status is retained");
        return s;
    }).ToList();

    /// <summary>Events held in the journal, by id.</summary>
    public List<EventMessage> Journal()
    {
        lock (Core.Sync)
        {
            var list = new List<EventMessage>();
            for (int i = 0; i < C.Journal.Capacity; i++)
            {
                if (C.Journal.IsUsed(i))
                {
                    var e = new EventMessage();
                    e.CopyFrom(C.Journal.At(i));
                    list.Add(e);
                }
            }

            return list.OrderBy(e => e.EventId).ToList();
        }
    }

    public int CountJournaled(EventType type) => Journal().Count(e => e.Type == type);

    public EventMessage LastJournaled(EventType type) => Journal().Last(e => e.Type == type);

    /// <summary>A new node on the same store, as after a power cycle (monotonic time starts again).</summary>
    public NodeRig Reboot(Action<NodeConfig>? configure = null) => new NodeRig(Store, configure);

    private static void Assert(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(what);
        }
    }
}
