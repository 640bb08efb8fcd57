using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>GET /api/v1/cases (filters), /api/v1/cases/{id} (evidence) and /api/v1/events.</summary>
public sealed class CaseEndpointTests
{
    [Fact]
    public async Task Cases_filter_by_node_cause_status_time_and_limit_and_one_case_carries_its_evidence()
    {
        using var dir = new TempDir();
        var settings = new Dictionary<string, string?> { ["Bridge:Cases:WindowBeforeMs"] = "20", ["Bridge:Cases:WindowAfterMs"] = "20" };
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"), settings);
        await using TestNode a = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-05");
        await using TestNode b = await Scenario.OnlineNodeAsync(bridge, "cell-a", "robot-06");

        // press-05: a near-miss, frames around a force trip at node time 10 s, the trip, a reset and a good frame.
        await Scenario.SendAckedAsync(a, Messages.NearMiss("press-05", 40, 1, 9_990_000, peakMilliNewtons: 430_000));
        await Scenario.FrameAsync(a, 0, 9_980_000, count: 20, forceStartMilliNewtons: 400_000);
        await Scenario.FrameAsync(a, 1, 10_000_000, count: 21, flags: FrameFlags.Tripped, forceStartMilliNewtons: 420_000);
        await Scenario.FrameAsync(a, 2, 10_021_000, count: 5, flags: FrameFlags.Tripped);
        EventMessage forceTrip = await Scenario.TripAsync(a, 41, 10_000_000, latencyUs: 15, synced: true);
        await Scenario.SendAckedAsync(a, Messages.Reset("press-05", 42, 1, 12_000_000, 41, "op-7"));
        await Scenario.FrameAsync(a, 3, 12_500_000, count: 5);

        // robot-06: an interlock trip (synced, 5 s of node time later in wall time) that stays open.
        await Scenario.TripAsync(b, 71, 15_000_000, TripRule.InterlockOpen, ResponseClass.Pause, latencyUs: 40, synced: true);
        await Eventually.UntilAsync(async () => (await bridge.GetAsync<List<CaseSummaryView>>("/api/v1/cases?node=press-05")).SingleOrDefault()?.Status == "recovered", "press-05 case recovered");

        List<CaseSummaryView> all = await bridge.GetAsync<List<CaseSummaryView>>("/api/v1/cases");
        Assert.Equal(new[] { "robot-06", "press-05" }, all.Select(c => c.NodeId));

        CaseSummaryView press = all[1];
        Assert.Equal("force-over-limit", press.Cause);
        Assert.Equal("regrip", press.Response);
        Assert.Equal("recovered", press.Status);
        Assert.Equal(41UL, press.TripEventId);
        Assert.Equal(15u, press.TimeToSafeStateUs);
        Assert.Equal(2_000_000L, press.TimeToResetUs);
        Assert.Equal(2_500_000L, press.TimeToRecoverQualityUs);
        Assert.Equal("op-7", press.ResetBy);
        Assert.Equal("command", press.ResetSource);
        Assert.Equal(1, press.NearMissCount);
        Assert.True(press.WindowComplete);
        Assert.Equal(Scenario.WallOffsetUs + 10_000_000, press.TripWallUnixUs);
        Assert.Equal("node-synced", press.TripWallSource);

        CaseSummaryView robot = all[0];
        Assert.Equal("interlock-open", robot.Cause);
        Assert.Equal("pause", robot.Response);
        Assert.Equal("open", robot.Status);
        Assert.Null(robot.TimeToResetUs);

        async Task<string[]> Nodes(string query) => (await bridge.GetAsync<List<CaseSummaryView>>("/api/v1/cases" + query)).Select(c => c.NodeId).ToArray();
        Assert.Equal(new[] { "press-05" }, await Nodes("?node=press-05"));
        Assert.Equal(new[] { "robot-06" }, await Nodes("?cause=interlock-open"));
        Assert.Empty(await Nodes("?cause=vision-stale"));
        Assert.Equal(new[] { "robot-06" }, await Nodes("?status=open"));
        Assert.Equal(new[] { "press-05" }, await Nodes("?status=recovered"));
        Assert.Equal(new[] { "robot-06" }, await Nodes($"?from={Scenario.WallOffsetUs + 12_000_000}"));
        Assert.Equal(new[] { "press-05" }, await Nodes($"?to={Scenario.WallOffsetUs + 12_000_000}"));
        Assert.Equal(new[] { "press-05" }, await Nodes("?from=2025-06-15T00:00:09Z&to=2025-06-15T00:00:11Z"));
        Assert.Equal(new[] { "robot-06" }, await Nodes("?limit=1"));
        Assert.Empty(await Nodes("?node=press-05&cause=interlock-open"));

        CaseDetailView detail = await bridge.GetAsync<CaseDetailView>("/api/v1/cases/" + press.CaseId);
        Assert.Equal(press, detail.Summary);
        DecisionRecord sent = forceTrip.Record;
        Assert.Equal("force-over-limit", detail.Decision.Rule);
        Assert.Equal("force", detail.Decision.Channel);
        Assert.Equal(sent.ObservedValue, detail.Decision.ObservedValue);
        Assert.Equal(sent.LimitValue, detail.Decision.LimitValue);
        Assert.Equal(sent.ConsecutiveSamples, detail.Decision.ConsecutiveSamples);
        Assert.Equal(sent.ForceMilliNewtons, detail.Decision.ForceMilliNewtons);
        Assert.Equal(sent.VisionConfidence, detail.Decision.VisionConfidence);
        Assert.Equal(sent.DetectMonoUs, detail.Decision.DetectMonoUs);
        Assert.Equal(15u, detail.Decision.LatencyUs);
        Assert.Equal(sent.RelatedEventId, detail.Decision.RelatedEventId);
        Assert.Equal(sent.Argument, detail.Decision.Argument);
        Assert.Equal("cell-supervisor", detail.Decision.OperatorId);
        Assert.Equal("1a2b3c4d", detail.Provenance.PolicyHash);
        Assert.Equal("12.3", detail.Provenance.ForceCalibration);
        Assert.Equal("op-7", detail.Reset!.By);
        Assert.Equal(42UL, detail.Reset.EventId);
        Assert.Equal(3u, detail.Recovery!.FrameSequence);
        Assert.Equal(40UL, Assert.Single(detail.NearMisses).EventId);
        Assert.Equal(430_000, Assert.Single(detail.NearMisses).Record.ObservedValue);

        // The window is detection ± 20 ms at 1 ms: 41 samples, 9.98 s .. 10.02 s, force as the frames carried it.
        Assert.Equal(9_980_000UL, detail.Window.FromMonoUs);
        Assert.Equal(10_020_000UL, detail.Window.ToMonoUs);
        Assert.Equal(10_000_000UL, detail.Window.DetectMonoUs);
        Assert.True(detail.Window.Complete);
        Assert.Equal(41, detail.Window.Samples.Count);
        Assert.Equal(400_000, detail.Window.Samples[0].ForceMilliNewtons);
        Assert.Equal(420_000, detail.Window.Samples[20].ForceMilliNewtons);
        Assert.Equal(10_020_000UL, detail.Window.Samples[^1].MonoUs);
    }

    [Fact]
    public async Task Unknown_case_is_404_and_malformed_id_is_400()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        using HttpResponseMessage missing = await bridge.Http.GetAsync("/api/v1/cases/12345");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains(ProblemTypes.UnknownCase, await missing.Content.ReadAsStringAsync());
        foreach (string bad in new[] { "abc", "0", "-3", "1.5" })
        {
            using HttpResponseMessage response = await bridge.Http.GetAsync("/api/v1/cases/" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("is not a case id", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Events_filter_by_node_and_type()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        await using TestNode a = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-07");
        await using TestNode b = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-08");
        await Scenario.SendAckedAsync(a, Messages.NearMiss("press-07", 10, 1, 1_000_000));
        await Scenario.TripAsync(a, 11, 2_000_000);
        await Scenario.SendAckedAsync(b, Messages.NearMiss("press-08", 20, 1, 1_000_000));

        List<EventView> all = await bridge.GetAsync<List<EventView>>("/api/v1/events");
        Assert.Equal(3, all.Count);
        List<EventView> nearMisses = await bridge.GetAsync<List<EventView>>("/api/v1/events?type=near-miss");
        Assert.Equal(new[] { 10UL, 20UL }, nearMisses.Select(e => e.EventId).OrderBy(i => i));
        Assert.All(nearMisses, e => Assert.Equal("force-near-miss", e.Record.Rule));
        EventView trip = Assert.Single(await bridge.GetAsync<List<EventView>>("/api/v1/events?node=press-07&type=trip"));
        Assert.Equal("trip", trip.Type);
        Assert.Equal("regrip", trip.Record.Response);
        Assert.Equal("bridge-receipt", trip.Provenance.WallSource);
        Assert.Single(await bridge.GetAsync<List<EventView>>("/api/v1/events?node=press-07&limit=1"));
    }
}
