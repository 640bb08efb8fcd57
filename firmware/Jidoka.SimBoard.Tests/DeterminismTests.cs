using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Jidoka.Protocol;
using Jidoka.SimBoard.Io;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Nodes;
using Jidoka.SimBoard.Physics;
using Xunit;

namespace Jidoka.SimBoard.Tests;

public sealed class DeterminismTests
{
    private const ulong Ms = 1000;

    /// <summary>
    /// Three nodes, a lossy, duplicating, reordering network, bouncing interlocks, noisy force with
    /// spikes, a degrading vision system, a power cut and a broker outage: every random choice from the
    /// seed. Returns everything observable: what the bridge received (with delivery times), every output
    /// transition of every node, and the network's counters.
    /// </summary>
    private static (string Trace, int Events, int Frames) Run(ulong seed)
    {
        var faults = new LinkFaults { LatencyMinUs = 300, LatencyMaxUs = 4000, LossQos0 = 0.05, Duplicate = 0.02, Reorder = true };
        using var cell = new SimulatedCell(seed, network: new SimNetworkOptions { DefaultFaults = faults });
        var bridge = new TestBridge(cell, autoAck: true);
        bridge.Start();
        IReadOnlyList<SimulatedNode> nodes = cell.AddNodes(3, o => o with { Configure = c => c.SamplesPerFrame = 25 });
        var scenario = cell.Random.Fork("scenario");
        foreach (SimulatedNode node in nodes)
        {
            node.Interlocks.SetBounce(BounceSpec.Typical);
            ulong spike = 400 * Ms + (ulong)scenario.NextLong(300 * (long)Ms);
            node.Force.Profile = ForceProfile.Noise(scenario.NextUInt64(), 800)
                + ForceProfile.PressCycle(100 * Ms, PressCycleTiming.Typical, 40_000, 100_000)
                + ForceProfile.Spike(spike, 5 * Ms, 250_000);
        }

        nodes[1].Vision.Profile = VisionProfile.Degrading(9500, 5000, 300 * Ms, 400 * Ms);
        cell.PowerOnAll();
        cell.Scheduler.At(250 * Ms, () => nodes[2].Interlocks.Open(InputChannel.Guard));
        cell.Scheduler.At(900 * Ms, () => nodes[0].PowerCycle(50 * Ms));
        cell.Scheduler.At(1200 * Ms, () => cell.Network.StopBroker());
        cell.Scheduler.At(1500 * Ms, () => cell.Network.StartBroker());
        cell.RunFor(2500 * Ms);

        var trace = new StringBuilder();
        foreach (var r in bridge.Received)
        {
            trace.Append(r.DeliveredUs).Append(' ').Append(r.Topic).Append(' ').Append(Convert.ToHexString(r.Payload)).Append('\n');
        }

        foreach (SimulatedNode node in nodes)
        {
            foreach (OutputTransition t in node.StopOutput.Transitions)
            {
                trace.Append(node.NodeId).Append(" stop ").Append(t).Append('\n');
            }
        }

        SimNetworkCounters c = cell.Network.Counters;
        trace.Append($"net {c.Published} {c.Delivered} {c.Lost} {c.DroppedInFlight} {c.Duplicated} {c.Connects} {c.WillsPublished}\n");
        return (trace.ToString(), bridge.Events().Count, bridge.Frames().Count);
    }

    [Fact]
    public void The_same_seed_gives_identical_outputs_and_message_streams()
    {
        var first = Run(0xC0FFEE);
        var second = Run(0xC0FFEE);
        Assert.True(first.Events >= 7, "events " + first.Events);
        Assert.True(first.Frames > 50, "frames " + first.Frames);
        Assert.Equal(first.Trace, second.Trace);
    }

    [Fact]
    public void Different_seeds_give_different_runs()
    {
        var a = Run(1);
        var b = Run(2);
        Assert.NotEqual(a.Trace, b.Trace);
    }
}
