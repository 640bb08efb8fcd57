using System.Collections.Generic;
using System.Linq;
using Jidoka.Bridge.Governance;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>The pure parts of the governance figures: nearest-rank percentile, completeness, pooling.</summary>
public sealed class GovernanceCalculatorTests
{
    [Fact]
    public void The_95th_percentile_is_the_nearest_rank_an_observed_value()
    {
        // 1..20: ⌈0.95 × 20⌉ = 19, so the 19th smallest. 1..21: ⌈19.95⌉ = 20. 1..19: ⌈18.05⌉ = 19, the largest.
        Assert.Equal(19, Percentile.NearestRank(Enumerable.Range(1, 20).Select(i => (long)i).ToList(), 0.95));
        Assert.Equal(20, Percentile.NearestRank(Enumerable.Range(1, 21).Select(i => (long)i).ToList(), 0.95));
        Assert.Equal(19, Percentile.NearestRank(Enumerable.Range(1, 19).Select(i => (long)i).ToList(), 0.95));
        Assert.Equal(7, Percentile.NearestRank(new long[] { 7 }, 0.95));
        Assert.Equal(3, Percentile.NearestRank(new long[] { 1, 2, 3, 4 }, 0.5 + 0.25));
        Assert.Throws<System.ArgumentException>(() => Percentile.NearestRank(new long[0], 0.95));
    }

    [Fact]
    public void Twenty_trips_give_a_p95_below_the_worst_and_a_mean_over_all()
    {
        // Latencies 10, 20, ..., 200 µs: mean 105, p95 = 19th = 190.
        List<CaseRecord> cases = Enumerable.Range(1, 20).Select(i => Case(i, "n-1", (uint)(i * 10))).ToList();
        GovernanceSummary report = GovernanceCalculator.Compute(new[] { Node("n-1") }, cases, new List<EventRecord>(), null, null, 0);
        DurationSummary safe = Assert.Single(report.Nodes).TimeToSafeState;
        Assert.Equal(20, safe.Count);
        Assert.Equal(105.0, safe.MeanUs);
        Assert.Equal(190, safe.P95Us);
    }

    [Fact]
    public void A_decision_record_is_complete_only_with_rule_response_channel_policy_calibrations_and_window()
    {
        CaseRecord complete = Case(1, "n-1", 10);
        Assert.Equal("", DecisionRecordCompleteness.Missing(complete));
        Assert.Equal("window", DecisionRecordCompleteness.Missing(complete with { WindowComplete = false }));
        Assert.Equal("policy", DecisionRecordCompleteness.Missing(complete with { Provenance = complete.Provenance with { PolicyHash = 0 } }));
        Assert.Equal("calibration", DecisionRecordCompleteness.Missing(complete with { Provenance = complete.Provenance with { VisionCalibration = new CalibrationTag(0, 1) } }));
        var noChannel = new DecisionRecord();
        noChannel.CopyFrom(complete.Decision);
        noChannel.Channel = InputChannel.None;
        Assert.Equal("channel", DecisionRecordCompleteness.Missing(complete with { Decision = noChannel }));
    }

    private static NodeRecord Node(string id) => new() { NodeId = id, CellId = "cell-x", FirstSeenUnixUs = 0, LastSeenUnixUs = 0 };

    private static CaseRecord Case(long id, string node, uint latencyUs)
    {
        var d = new DecisionRecord { Rule = TripRule.ForceOverLimit, Response = ResponseClass.Regrip, Channel = InputChannel.Force, LatencyUs = latencyUs, DetectMonoUs = 1000 };
        return new CaseRecord
        {
            CaseId = id,
            NodeId = node,
            CellId = "cell-x",
            TripEventId = (ulong)id,
            BootId = 1,
            Status = CaseStatus.Open,
            OpenedUnixUs = 0,
            Decision = d,
            Provenance = new RecordProvenance
            {
                PolicyId = 7,
                PolicyHash = 0x1a2b3c4d,
                ForceCalibration = new CalibrationTag(12, 3),
                VisionCalibration = new CalibrationTag(2, 1),
                TimeQuality = TimeQuality.Synced,
                TimeUncertaintyUs = 500,
            },
            TripWallUnixUs = 0,
            TripWallSource = WallTimeSource.NodeSynced,
            Historical = false,
            WindowFromMonoUs = 0,
            WindowToMonoUs = 2000,
            WindowComplete = true,
        };
    }
}
