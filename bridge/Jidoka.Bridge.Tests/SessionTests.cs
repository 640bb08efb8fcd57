using System.Collections.Generic;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>Per-node sessions over the real broker: duplicates, gaps, reordering, reboots, replayed data.</summary>
public sealed class SessionTests
{
    // Gaps are confirmed by sequence distance only (the time window is made long), so the counts do
    // not depend on how fast this machine is.
    private static readonly Dictionary<string, string?> FrameWindowOnly = new()
    {
        ["Bridge:Ingest:ReorderWindowFrames"] = "4",
        ["Bridge:Ingest:ReorderWindowMs"] = "600000",
    };

    [Fact]
    public async Task Duplicates_gaps_and_reordering_are_counted()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartAsync(dir.File("bridge.db"), FrameWindowOnly);
        await using var node = new TestNode("cell-a", "press-03");
        await node.ConnectAsync(bridge.Port);

        // 0..9 in order, 5 again, then 10 and 11 missing for good, 12, 14 before 13 (reordered), 15..30.
        var order = new List<uint>();
        for (uint s = 0; s <= 9; s++)
        {
            order.Add(s);
        }

        order.AddRange(new uint[] { 5, 12, 14, 13 });
        for (uint s = 15; s <= 30; s++)
        {
            order.Add(s);
        }

        foreach (uint seq in order)
        {
            await node.PublishFrameAsync(Messages.Frame("press-03", 1, seq, 1_000_000 + (seq * 10_000)));
        }

        // The same event twice: stored once, acknowledged both times. The node first sees the bridge online, so
        // its own replay-on-new-session (a real node's behaviour) cannot add a third copy on a slow machine.
        await Eventually.UntilAsync(() => node.HostOnline, "bridge online");
        await node.SendEventAsync(Messages.NearMiss("press-03", 900, 1, 1_200_000));
        await Eventually.UntilAsync(() => node.IsAcked(900), "first ack");
        int acks = node.AckCount(900);
        await node.PublishRawAsync(TopicKind.Event, Messages.Encode(Messages.NearMiss("press-03", 900, 1, 1_200_000)));
        await Eventually.UntilAsync(() => node.AckCount(900) == acks + 1, "second ack of the duplicate");
        await Eventually.UntilAsync(async () => (await bridge.Runtime.Store.GetNodeAsync("press-03", default))?.Counters.FramesReceived == order.Count, "every frame processed");

        NodeCounters counters = (await bridge.Runtime.Store.GetNodeAsync("press-03", default))!.Counters;
        Assert.Equal(order.Count, counters.FramesReceived);
        Assert.Equal(1, counters.FramesDuplicate);
        Assert.Equal(order.Count - 1, counters.FramesStored);
        Assert.Equal(1, counters.FramesReordered);
        Assert.Equal(1, counters.GapsDetected);
        Assert.Equal(2, counters.FramesLost);
        Assert.Equal(1, counters.EventsStored);
        Assert.Equal(1, counters.EventsDuplicate);
        Assert.Equal(order.Count - 1, Db.Scalar(dir.File("bridge.db"), "SELECT COUNT(*) FROM frames WHERE node_id = 'press-03'"));
        Assert.Equal(1, Db.Scalar(dir.File("bridge.db"), "SELECT COUNT(*) FROM events WHERE node_id = 'press-03'"));
    }

    [Fact]
    public async Task A_reboot_is_detected_and_late_data_from_the_old_boot_is_historical()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartAsync(dir.File("bridge.db"), FrameWindowOnly);
        await using var node = new TestNode("cell-a", "press-04", bootId: 7);
        await node.ConnectAsync(bridge.Port);
        await node.PublishStatusAsync();
        for (uint seq = 0; seq < 5; seq++)
        {
            await node.PublishFrameAsync(Messages.Frame("press-04", 7, seq, 1_000_000 + (seq * 10_000)));
        }

        // Reboot: new boot id, sequence restarts at 0 (no gap may be counted for that).
        node.BootId = 8;
        await node.PublishStatusAsync();
        for (uint seq = 0; seq < 5; seq++)
        {
            await node.PublishFrameAsync(Messages.Frame("press-04", 8, seq, 500_000 + (seq * 10_000)));
        }

        // A frame of the old boot replayed after the reboot, and a replayed event.
        await node.PublishFrameAsync(Messages.Frame("press-04", 7, 5, 1_050_000, flags: FrameFlags.Replayed));
        await node.PublishFrameAsync(Messages.Frame("press-04", 7, 5, 1_050_000, flags: FrameFlags.Replayed));
        EventMessage replayed = Messages.NearMiss("press-04", 77, 7, 1_040_000);
        replayed.Flags = EventMessage.Replayed;
        await node.SendEventAsync(replayed);
        await Eventually.UntilAsync(() => node.IsAcked(77), "replayed event acknowledged");
        await Eventually.UntilAsync(async () => (await bridge.Runtime.Store.GetNodeAsync("press-04", default))?.Counters.FramesReceived == 12, "every frame processed");

        NodeRecord stored = (await bridge.Runtime.Store.GetNodeAsync("press-04", default))!;
        Assert.Equal(8u, stored.BootId);
        Assert.Equal(1, stored.Counters.RebootsDetected);
        Assert.Equal(0, stored.Counters.GapsDetected);
        Assert.Equal(1, stored.Counters.FramesHistorical);
        Assert.Equal(1, stored.Counters.FramesDuplicate);
        Assert.Equal(11, stored.Counters.FramesStored);
        Assert.Equal(1, stored.Counters.EventsReplayed);
        IReadOnlyList<SampleRecord> late = await bridge.Runtime.Store.GetSamplesAsync("press-04", 7, 1_050_000, 1_050_000, default);
        Assert.True(Assert.Single(late).Historical);
        Assert.True((await bridge.Runtime.Store.GetEventAsync("press-04", 77, default))!.Historical);
        Assert.False(Assert.Single(await bridge.Runtime.Store.GetSamplesAsync("press-04", 8, 500_000, 500_000, default)).Historical);
    }
}
