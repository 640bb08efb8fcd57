using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>
/// OpenTelemetry meters are found by name process-wide, so two bridges in one test process would see
/// each other's instruments: the test that scrapes /metrics runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PrometheusCollection
{
    public const string Name = "prometheus";
}

/// <summary>
/// Governance metrics from a known sequence of trips, resets, near-misses, lost frames and a replay,
/// compared with values computed by hand, from the JSON API and from the Prometheus scrape.
/// </summary>
[Collection(PrometheusCollection.Name)]
public sealed class GovernanceMetricsTests
{
    [Fact]
    public async Task Metrics_from_a_known_sequence_equal_the_hand_computed_values()
    {
        using var dir = new TempDir();
        var settings = new Dictionary<string, string?>
        {
            ["Bridge:Cases:WindowBeforeMs"] = "100",
            ["Bridge:Cases:WindowAfterMs"] = "100",
            ["Bridge:Ingest:ReorderWindowFrames"] = "2",
        };
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"), settings);
        await using TestNode a = await Scenario.OnlineNodeAsync(bridge, "cell-g", "gov-a");
        await using TestNode b = await Scenario.OnlineNodeAsync(bridge, "cell-g", "gov-b");
        await using TestNode c = await Scenario.OnlineNodeAsync(bridge, "cell-h", "gov-c");

        // gov-a. Trip 1 at 2.0 s (100 µs to safe state), reset at 2.5 s, first good frame at 2.6 s;
        // window 1.9..2.1 s covered. Frames 3 and 4 never arrive: 2 frames lost.
        await Scenario.SendAckedAsync(a, Messages.NearMiss("gov-a", 100, 1, 1_000_000));
        await Scenario.FrameAsync(a, 0, 1_950_000);
        await Scenario.TripAsync(a, 101, 2_000_000, TripRule.ForceOverLimit, ResponseClass.Regrip, latencyUs: 100);
        await Scenario.FrameAsync(a, 1, 2_050_000, flags: FrameFlags.Tripped);
        await Scenario.FrameAsync(a, 2, 2_150_000, flags: FrameFlags.Tripped);
        await Scenario.FrameAsync(a, 5, 2_400_000, flags: FrameFlags.Tripped);
        await Scenario.SendAckedAsync(a, Messages.Reset("gov-a", 102, 1, 2_500_000, 101, "op-1"));
        await Scenario.FrameAsync(a, 6, 2_600_000);

        // A near-miss held over an outage and replayed; trip 2 at 4.0 s (300 µs), reset at 5.0 s, good frame at 5.2 s.
        EventMessage replayed = Messages.NearMiss("gov-a", 103, 1, 3_000_000);
        replayed.Flags = EventMessage.Replayed;
        await Scenario.SendAckedAsync(a, replayed);
        await Scenario.FrameAsync(a, 7, 3_950_000);
        await Scenario.TripAsync(a, 104, 4_000_000, TripRule.InterlockOpen, ResponseClass.Pause, latencyUs: 300);
        await Scenario.FrameAsync(a, 8, 4_150_000, flags: FrameFlags.Tripped);
        await Scenario.SendAckedAsync(a, Messages.Reset("gov-a", 105, 1, 5_000_000, 104, "op-1"));
        await Scenario.FrameAsync(a, 9, 5_200_000);

        // Trip 3 at 6.0 s (200 µs), never reset, and no frame after it: its window stays incomplete.
        await Scenario.TripAsync(a, 106, 6_000_000, TripRule.ForceOverLimit, ResponseClass.Regrip, latencyUs: 200);

        // gov-b: one vision trip (1000 µs), reset 1.5 s later, no frames at all. gov-c (another cell): three near-misses.
        await Scenario.TripAsync(b, 201, 1_000_000, TripRule.VisionLowConfidence, ResponseClass.Reinspect, latencyUs: 1000);
        await Scenario.SendAckedAsync(b, Messages.Reset("gov-b", 202, 1, 2_500_000, 201, "op-2"));
        for (ulong i = 0; i < 3; i++)
        {
            await Scenario.SendAckedAsync(c, Messages.NearMiss("gov-c", 301 + i, 1, 1_000_000 * (i + 1)));
        }

        await Eventually.UntilAsync(
            async () => bridge.Runtime.Directory.TryGet("gov-a", out NodeRecord n) && n.Counters.FramesLost == 2
                && (await bridge.Runtime.Store.QueryCasesAsync(new CaseQuery(Status: CaseStatus.Recovered), default)).Count == 2,
            "gov-a's gap confirmed and both reset trips recovered");

        GovernanceReport report = await bridge.GetAsync<GovernanceReport>("/api/v1/metrics");
        Assert.Equal(new[] { "cell-g", "cell-h" }, report.Cells.Select(x => x.CellId));
        Assert.Equal(new[] { "gov-a", "gov-b", "gov-c" }, report.Nodes.Select(x => x.NodeId));

        GovernanceFigures nodeA = report.Nodes[0];
        AssertTrips(nodeA, 3, ("force-over-limit", 2), ("interlock-open", 1));
        Assert.Equal(new Dictionary<string, long> { ["regrip"] = 2, ["pause"] = 1 }, nodeA.Trips.ByResponse);
        AssertStats(nodeA.TimeToSafeState, 3, 200.0, 300);                 // (100 + 300 + 200) / 3; nearest rank of 3 values = the largest
        AssertStats(nodeA.TimeToReset, 2, 750_000.0, 1_000_000);           // (500 000 + 1 000 000) / 2
        AssertStats(nodeA.TimeToRecoverQuality, 2, 900_000.0, 1_200_000);  // (600 000 + 1 200 000) / 2
        Assert.Equal(2, nodeA.NearMisses);
        Assert.Equal(2.0 / 3.0, nodeA.NearMissToTripRatio!.Value, 12);
        Assert.Equal(2, nodeA.CompleteDecisionRecords);                     // trip 3's window never completed
        Assert.Equal(2.0 / 3.0, nodeA.AuditCompleteness!.Value, 12);
        Assert.Equal(2, nodeA.FramesLostTotal);
        Assert.Equal(1, nodeA.EventsReplayedTotal);

        GovernanceFigures nodeB = report.Nodes[1];
        AssertTrips(nodeB, 1, ("vision-low-confidence", 1));
        AssertStats(nodeB.TimeToSafeState, 1, 1000.0, 1000);
        AssertStats(nodeB.TimeToReset, 1, 1_500_000.0, 1_500_000);
        AssertStats(nodeB.TimeToRecoverQuality, 0, null, null);
        Assert.Equal(0, nodeB.NearMisses);
        Assert.Equal(0.0, nodeB.NearMissToTripRatio);
        Assert.Equal(0.0, nodeB.AuditCompleteness);

        GovernanceFigures nodeC = report.Nodes[2];
        Assert.Equal(0, nodeC.Trips.Total);
        Assert.Equal(3, nodeC.NearMisses);
        Assert.Null(nodeC.NearMissToTripRatio);
        Assert.Null(nodeC.AuditCompleteness);
        AssertStats(nodeC.TimeToSafeState, 0, null, null);

        // The cell pools its nodes' trips; it does not average their averages.
        GovernanceFigures cellG = report.Cells[0];
        Assert.Null(cellG.NodeId);
        AssertTrips(cellG, 4, ("force-over-limit", 2), ("interlock-open", 1), ("vision-low-confidence", 1));
        Assert.Equal(new Dictionary<string, long> { ["regrip"] = 2, ["pause"] = 1, ["reinspect"] = 1 }, cellG.Trips.ByResponse);
        AssertStats(cellG.TimeToSafeState, 4, 400.0, 1000);                // (100 + 300 + 200 + 1000) / 4
        AssertStats(cellG.TimeToReset, 3, 1_000_000.0, 1_500_000);         // (500 000 + 1 000 000 + 1 500 000) / 3
        AssertStats(cellG.TimeToRecoverQuality, 2, 900_000.0, 1_200_000);
        Assert.Equal(2, cellG.NearMisses);
        Assert.Equal(0.5, cellG.NearMissToTripRatio);
        Assert.Equal(2, cellG.CompleteDecisionRecords);
        Assert.Equal(0.5, cellG.AuditCompleteness);
        Assert.Equal(2, cellG.FramesLostTotal);
        Assert.Equal(1, cellG.EventsReplayedTotal);
        GovernanceFigures cellH = report.Cells[1];
        Assert.Equal(3, cellH.NearMisses);
        Assert.Equal(0, cellH.Trips.Total);

        // Filters: one node (with its cell), one cell.
        GovernanceReport onlyB = await bridge.GetAsync<GovernanceReport>("/api/v1/metrics?node=gov-b");
        Assert.Equal("gov-b", Assert.Single(onlyB.Nodes).NodeId);
        Assert.Equal("cell-g", Assert.Single(onlyB.Cells).CellId);
        GovernanceReport onlyH = await bridge.GetAsync<GovernanceReport>("/api/v1/metrics?cell=cell-h");
        Assert.Equal("gov-c", Assert.Single(onlyH.Nodes).NodeId);

        // The same figures, exported through OpenTelemetry to the Prometheus scrape endpoint (seconds, ratios).
        string scrape = await bridge.Http.GetStringAsync("/metrics");
        Assert.Equal(2, Sample(scrape, "jidoka_node_trips_total", ("node", "gov-a"), ("cause", "force-over-limit"), ("response", "regrip")));
        Assert.Equal(1, Sample(scrape, "jidoka_node_trips_total", ("node", "gov-a"), ("cause", "interlock-open"), ("response", "pause")));
        Assert.Equal(1, Sample(scrape, "jidoka_cell_trips_total", ("cell", "cell-g"), ("cause", "vision-low-confidence"), ("response", "reinspect")));
        Assert.Equal(0.0002, Sample(scrape, "jidoka_node_time_to_safe_state_mean_seconds", ("node", "gov-a")), 12);
        Assert.Equal(0.0003, Sample(scrape, "jidoka_node_time_to_safe_state_p95_seconds", ("node", "gov-a")), 12);
        Assert.Equal(0.0004, Sample(scrape, "jidoka_cell_time_to_safe_state_mean_seconds", ("cell", "cell-g")), 12);
        Assert.Equal(0.001, Sample(scrape, "jidoka_cell_time_to_safe_state_p95_seconds", ("cell", "cell-g")), 12);
        Assert.Equal(1.0, Sample(scrape, "jidoka_cell_time_to_reset_mean_seconds", ("cell", "cell-g")), 12);
        Assert.Equal(0.9, Sample(scrape, "jidoka_cell_time_to_recover_quality_mean_seconds", ("cell", "cell-g")), 12);
        Assert.Equal(3, Sample(scrape, "jidoka_cell_near_misses_total", ("cell", "cell-h")));
        Assert.Equal(0.5, Sample(scrape, "jidoka_cell_near_miss_to_trip_ratio", ("cell", "cell-g")), 12);
        Assert.Equal(0.5, Sample(scrape, "jidoka_cell_audit_completeness", ("cell", "cell-g")), 12);
        Assert.Equal(0.0, Sample(scrape, "jidoka_node_audit_completeness", ("node", "gov-b")), 12);
        Assert.Equal(2, Sample(scrape, "jidoka_node_frames_lost_total", ("node", "gov-a")));
        Assert.Equal(1, Sample(scrape, "jidoka_node_events_replayed_total", ("node", "gov-a")));
        Assert.DoesNotContain("jidoka_node_audit_completeness{cell=\"cell-h\",node=\"gov-c\"", scrape, StringComparison.Ordinal);
        Assert.Equal(1, Sample(scrape, "jidoka_bridge_broker_connected"));
    }

    private static void AssertTrips(GovernanceFigures figures, long total, params (string Cause, long Count)[] byCause)
    {
        Assert.Equal(total, figures.Trips.Total);
        Assert.Equal(byCause.ToDictionary(p => p.Cause, p => p.Count), figures.Trips.ByCause);
        Assert.Equal(total, figures.Trips.ByCauseAndResponse.Sum(t => t.Count));
    }

    private static void AssertStats(DurationStats stats, int count, double? meanUs, long? p95Us)
    {
        Assert.Equal(count, stats.Count);
        Assert.Equal(meanUs, stats.MeanUs);
        Assert.Equal(p95Us, stats.P95Us);
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> carrying all <paramref name="labels"/>.</summary>
    private static double Sample(string scrape, string metric, params (string Name, string Value)[] labels)
    {
        string[] lines = scrape.Split('\n')
            .Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(l => labels.All(p => l.Contains($"{p.Name}=\"{p.Value}\"", StringComparison.Ordinal)))
            .ToArray();
        Assert.True(lines.Length == 1, $"{lines.Length} samples of {metric} with {string.Join(",", labels)} in:\n{scrape}");
        string line = lines[0];
        string value = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
        return double.Parse(value, CultureInfo.InvariantCulture);
    }
}
