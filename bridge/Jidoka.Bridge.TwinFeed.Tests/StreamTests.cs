using System;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>GET /api/v1/stream: a twin connected to the live stream sees a trip as it is stored.</summary>
public sealed class StreamTests
{
    [Fact]
    public async Task The_stream_delivers_a_trip_its_case_and_the_nodes_new_state()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-21");
        await using SseClient stream = await SseClient.OpenAsync(bridge.Http, "/api/v1/stream");
        Assert.Equal("text/event-stream", stream.ContentType);

        // On connect: the current state of every node, without an id.
        SseMessage snapshot = await stream.NextAsync();
        Assert.Equal(StreamMessageTypes.Node, snapshot.Type);
        Assert.Null(snapshot.Id);
        Assert.Equal("armed", snapshot.Read<NodeView>().TripState);

        await Scenario.TripAsync(node, 31, 5_000_000, TripRule.VisionLowConfidence, ResponseClass.Reinspect, latencyUs: 250);
        await node.PublishStatusAsync(TripState.Tripped, TripRule.VisionLowConfidence, ResponseClass.Reinspect);

        SseMessage trip = await stream.NextMatchingAsync(m => m.Type == StreamMessageTypes.Event, "the trip event");
        EventView e = trip.Read<EventView>();
        Assert.Equal("trip", e.Type);
        Assert.Equal(31UL, e.EventId);
        Assert.Equal("vision-low-confidence", e.Record.Rule);
        Assert.Equal(250u, e.Record.LatencyUs);
        long tripId = long.Parse(trip.Id!, System.Globalization.CultureInfo.InvariantCulture);

        SseMessage opened = await stream.NextMatchingAsync(m => m.Type == StreamMessageTypes.Case, "the case");
        CaseSummaryView c = opened.Read<CaseSummaryView>();
        Assert.Equal(31UL, c.TripEventId);
        Assert.Equal("open", c.Status);
        Assert.Equal("reinspect", c.Response);
        Assert.True(long.Parse(opened.Id!, System.Globalization.CultureInfo.InvariantCulture) > tripId);

        NodeView tripped = (await stream.NextMatchingAsync(m => m.Type == StreamMessageTypes.Node && m.Read<NodeView>().TripState == "tripped", "the tripped state")).Read<NodeView>();
        Assert.Equal("press-21", tripped.NodeId);
        Assert.Equal("vision-low-confidence", tripped.TripCause);
        Assert.Null(tripped.LastValues);
    }

    [Fact]
    public async Task A_filtered_stream_carries_only_its_node()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        await using TestNode watched = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-22");
        await using TestNode other = await Scenario.OnlineNodeAsync(bridge, "cell-b", "press-23");
        await using SseClient stream = await SseClient.OpenAsync(bridge.Http, "/api/v1/stream?node=press-22&snapshot=false");

        // The other node trips first; the first message the filtered stream carries must still be the watched node's.
        await Scenario.TripAsync(other, 41, 1_000_000);
        await Scenario.SendAckedAsync(watched, Messages.NearMiss("press-22", 42, 1, 2_000_000));
        SseMessage first = await stream.NextAsync();
        Assert.Equal(StreamMessageTypes.Event, first.Type);
        EventView e = first.Read<EventView>();
        Assert.Equal("press-22", e.NodeId);
        Assert.Equal("near-miss", e.Type);
    }

    [Fact]
    public async Task A_client_reconnecting_with_Last_Event_ID_gets_what_it_missed_and_no_snapshot()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-24");
        string lastSeen;
        await using (SseClient first = await SseClient.OpenAsync(bridge.Http, "/api/v1/stream?snapshot=false"))
        {
            await Scenario.SendAckedAsync(node, Messages.NearMiss("press-24", 51, 1, 1_000_000));
            lastSeen = (await first.NextMatchingAsync(m => m.Type == StreamMessageTypes.Event, "the near-miss")).Id!;
        }

        // While the twin is away: a trip, its case and the node's new state are stored.
        await Scenario.TripAsync(node, 52, 2_000_000);
        await node.PublishStatusAsync(TripState.Tripped, TripRule.ForceOverLimit, ResponseClass.Regrip);
        await Eventually.UntilAsync(async () => (await bridge.Http.GetStringAsync("/api/v1/nodes/press-24")).Contains("\"tripState\":\"tripped\"", StringComparison.Ordinal), "the tripped state stored");

        await using SseClient resumed = await SseClient.OpenAsync(bridge.Http, "/api/v1/stream", lastEventId: lastSeen);
        var replayed = new System.Collections.Generic.List<SseMessage>();
        while (replayed.Count == 0 || !(replayed[^1].Type == StreamMessageTypes.Node && replayed[^1].Read<NodeView>().TripState == "tripped"))
        {
            replayed.Add(await resumed.NextAsync());
        }

        // No snapshot (every message has an id), no gap and no repeat: ids run on from the last one seen.
        long expected = long.Parse(lastSeen, CultureInfo.InvariantCulture);
        foreach (SseMessage m in replayed)
        {
            Assert.Equal(++expected, long.Parse(m.Id!, CultureInfo.InvariantCulture));
        }

        int trip = replayed.FindIndex(m => m.Type == StreamMessageTypes.Event && m.Read<EventView>().EventId == 52);
        int opened = replayed.FindIndex(m => m.Type == StreamMessageTypes.Case && m.Read<CaseSummaryView>().TripEventId == 52);
        Assert.True(trip >= 0 && opened > trip, "the missed trip event, then its case, then the tripped state");

        // And the live messages follow the replayed ones.
        await Scenario.SendAckedAsync(node, Messages.NearMiss("press-24", 53, 1, 3_000_000));
        SseMessage live = await resumed.NextMatchingAsync(m => m.Type == StreamMessageTypes.Event, "the live near-miss");
        Assert.Equal(53UL, live.Read<EventView>().EventId);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("999999999999999999")]
    public async Task A_client_resuming_from_an_id_the_bridge_does_not_hold_gets_a_resync_then_the_snapshot(string lastEventId)
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-25");

        // Id 1 stands for a message of an earlier bridge run; the other is ahead of anything this bridge sent.
        await using SseClient stream = await SseClient.OpenAsync(bridge.Http, "/api/v1/stream?lastEventId=" + lastEventId);
        SseMessage resync = await stream.NextAsync();
        Assert.Equal(StreamMessageTypes.Resync, resync.Type);
        Assert.Null(resync.Id);
        JsonElement data = JsonDocument.Parse(resync.Data).RootElement;
        Assert.Equal(long.Parse(lastEventId, CultureInfo.InvariantCulture), data.GetProperty("lastEventId").GetInt64());
        Assert.False(string.IsNullOrEmpty(data.GetProperty("reason").GetString()));
        SseMessage snapshot = await stream.NextAsync();
        Assert.Equal(StreamMessageTypes.Node, snapshot.Type);
        Assert.Equal("press-25", snapshot.Read<NodeView>().NodeId);
    }
}
