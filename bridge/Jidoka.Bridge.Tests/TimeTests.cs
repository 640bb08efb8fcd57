using System;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TestKit;
using Jidoka.Protocol;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>Time sync and time mapping, with the bridge on an injected (frozen) clock.</summary>
public sealed class TimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly long NowUs = UnixTime.ToUnixUs(Now);

    [Fact]
    public async Task A_time_sync_request_is_answered_with_t2_and_t3_from_the_bridge_clock()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartAsync(dir.File("bridge.db"), clock: new FakeTimeProvider(Now));
        await using var node = new TestNode("cell-a", "press-08");
        await node.ConnectAsync(bridge.Port);
        var request = new TimeSyncRequestMessage { NodeId = "press-08", RequestId = 31, T1NodeMonoUs = 5_000_123, TimeQuality = TimeQuality.Unsynced };
        await node.PublishRawAsync(TopicKind.TimeRequest, Messages.Encode(request), qos: 0);

        await Eventually.UntilAsync(() => !node.TimeResponses.IsEmpty, "time-sync response");
        Assert.True(node.TimeResponses.TryDequeue(out TimeSyncResponseMessage? response));
        Assert.Equal(31u, response.RequestId);
        Assert.Equal(5_000_123UL, response.T1NodeMonoUs);
        Assert.Equal(NowUs, response.T2ReceiveUnixUs);
        Assert.Equal(NowUs, response.T3TransmitUnixUs);
    }

    [Fact]
    public async Task Synced_node_time_maps_to_wall_time_and_a_skewed_clock_is_flagged()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartAsync(dir.File("bridge.db"), clock: new FakeTimeProvider(Now));
        await using var good = new TestNode("cell-a", "press-09");
        await using var skewed = new TestNode("cell-a", "press-10");
        await good.ConnectAsync(bridge.Port);
        await skewed.ConnectAsync(bridge.Port);

        // Both claim to be synced. The good node's newest sample maps to the bridge's "now"; the
        // skewed node's offset is 10 s ahead of the bridge.
        const ulong first = 2_000_000;
        long offset = NowUs - (long)first - (9 * 1000);
        await good.PublishFrameAsync(Messages.Frame("press-09", 1, 0, first, quality: TimeQuality.Synced, wallOffsetUs: offset));
        await skewed.PublishFrameAsync(Messages.Frame("press-10", 1, 0, first, quality: TimeQuality.Synced, wallOffsetUs: offset + 10_000_000));
        await Eventually.UntilAsync(async () => (await bridge.Runtime.Store.GetNodeAsync("press-10", default))?.Counters.FramesStored == 1 && (await bridge.Runtime.Store.GetNodeAsync("press-09", default))?.Counters.FramesStored == 1, "both frames stored");

        FrameRecord frame = Assert.Single(await bridge.Runtime.Store.QueryFramesAsync(new FrameQuery("press-09", NowUs - 1_000_000, NowUs), default));
        Assert.Equal(WallTimeSource.NodeSynced, frame.WallSource);
        Assert.Equal((long)first + offset, frame.WallStartUnixUs);
        NodeRecord goodNode = (await bridge.Runtime.Store.GetNodeAsync("press-09", default))!;
        NodeRecord skewedNode = (await bridge.Runtime.Store.GetNodeAsync("press-10", default))!;
        Assert.Equal(0, goodNode.Counters.ClockSkewFlags);
        Assert.False(goodNode.ClockSkewSuspect);
        Assert.Equal(1, skewedNode.Counters.ClockSkewFlags);
        Assert.True(skewedNode.ClockSkewSuspect);
        Assert.Equal(-10_000_000, skewedNode.LastClockSkewUs);
    }
}
