using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>Frames and events through the real broker into the real store.</summary>
public sealed class IngestTests
{
    [Fact]
    public async Task Frames_and_events_are_stored_with_their_fields()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartAsync(dir.File("bridge.db"));
        await using var node = new TestNode("cell-a", "press-01", bootId: 3);
        await node.ConnectAsync(bridge.Port);
        await node.PublishStatusAsync();

        for (uint seq = 0; seq < 20; seq++)
        {
            await node.PublishFrameAsync(Messages.Frame("press-01", 3, seq, 1_000_000 + (seq * 10_000), forceStartMilliNewtons: (int)seq * 100));
        }

        await node.SendEventAsync(Messages.NearMiss("press-01", 501, 3, 1_050_000));
        await node.SendEventAsync(Messages.Event("press-01", EventType.Tare, 502, 3, 1_060_000));
        await Eventually.UntilAsync(() => node.IsAcked(501) && node.IsAcked(502), "both events acknowledged");
        await Eventually.UntilAsync(async () => (await bridge.Runtime.Store.GetNodeAsync("press-01", default))?.Counters.FramesStored == 20, "20 frames stored");

        NodeRecord stored = (await bridge.Runtime.Store.GetNodeAsync("press-01", default))!;
        Assert.Equal("cell-a", stored.CellId);
        Assert.Equal(3u, stored.BootId);
        Assert.True(stored.Online);
        Assert.Equal("esp32-test", stored.Board);
        Assert.Equal(2, stored.Counters.EventsStored);
        Assert.Equal(0, stored.Counters.GapsDetected);

        IReadOnlyList<SampleRecord> samples = await bridge.Runtime.Store.GetSamplesAsync("press-01", 3, 0, ulong.MaxValue / 2, default);
        Assert.Equal(200, samples.Count);
        Assert.Equal(1_000_000UL, samples[0].MonoUs);
        Assert.Equal(1_000_000UL + (19 * 10_000) + (9 * 1000), samples[^1].MonoUs);
        Assert.Equal((19 * 100) + (9 * 1000), samples[^1].ForceMilliNewtons);
        Assert.All(samples, s => Assert.Equal(9500, s.VisionConfidence));

        EventRecord nearMiss = (await bridge.Runtime.Store.GetEventAsync("press-01", 501, default))!;
        Assert.Equal(EventType.NearMiss, nearMiss.Type);
        Assert.Equal(430000, nearMiss.Record.ObservedValue);
        Assert.Equal(Messages.PolicyHash, nearMiss.Provenance.PolicyHash);
        Assert.Equal(WallTimeSource.BridgeReceipt, nearMiss.WallSource);
        Assert.Equal(EventCodec.EncodedSize, nearMiss.Raw.Length);
        Assert.Equal(2, bridge.Runtime.Engine.Totals.EventsStored);
    }

    [Fact]
    public async Task Every_ack_arrives_after_its_event_is_committed()
    {
        using var dir = new TempDir();
        string file = dir.File("bridge.db");
        await using TestBridge bridge = await TestBridge.StartAsync(file);
        await using var node = new TestNode("cell-a", "press-02");
        var missingAtAck = new ConcurrentBag<ulong>();
        var checkedAcks = new ConcurrentBag<ulong>();

        // At the moment each ack arrives, an outside reader must already see the event in the file.
        node.OnAck = id =>
        {
            long rows = Db.Scalar(file, "SELECT COUNT(*) FROM events WHERE node_id = 'press-02' AND event_id = $id", ("$id", (long)id));
            if (rows != 1)
            {
                missingAtAck.Add(id);
            }

            checkedAcks.Add(id);
        };
        await node.ConnectAsync(bridge.Port);
        for (ulong id = 1; id <= 60; id++)
        {
            await node.SendEventAsync(Messages.NearMiss("press-02", id, 1, id * 1000));
        }

        await Eventually.UntilAsync(() => node.UnackedCount == 0, "all 60 events acknowledged");
        Assert.Equal(60, checkedAcks.Distinct().Count());
        Assert.Empty(missingAtAck);
    }
}
