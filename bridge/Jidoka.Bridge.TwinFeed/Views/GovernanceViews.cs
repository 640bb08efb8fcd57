using System;
using System.Collections.Generic;
using System.Linq;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Governance;
using Jidoka.Protocol;

namespace Jidoka.Bridge.TwinFeed.Views;

/// <summary>The domain's governance figures as the twin feed's JSON report (rule and response names, per-rule and per-class totals).</summary>
public static class GovernanceViews
{
    /// <summary>The report of <paramref name="summary"/>.</summary>
    public static GovernanceReport Report(GovernanceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new GovernanceReport
        {
            FromUnixUs = summary.FromUnixUs,
            ToUnixUs = summary.ToUnixUs,
            ComputedUnixUs = summary.ComputedUnixUs,
            Cells = summary.Cells.Select(Figures).ToList(),
            Nodes = summary.Nodes.Select(Figures).ToList(),
        };
    }

    private static GovernanceFigures Figures(ScopeFigures f) => new()
    {
        CellId = f.CellId,
        NodeId = f.NodeId,
        Trips = Counts(f),
        TimeToSafeState = Stats(f.TimeToSafeState),
        TimeToReset = Stats(f.TimeToReset),
        TimeToRecoverQuality = Stats(f.TimeToRecoverQuality),
        NearMisses = f.NearMisses,
        NearMissToTripRatio = f.NearMissToTripRatio,
        CompleteDecisionRecords = f.CompleteDecisionRecords,
        AuditCompleteness = f.AuditCompleteness,
        FramesLostTotal = f.FramesLostTotal,
        EventsReplayedTotal = f.EventsReplayedTotal,
    };

    private static TripCounts Counts(ScopeFigures f) => new()
    {
        Total = f.TripCount,
        ByCause = Totals(f.Trips, t => t.Rule, TripRuleNames.Name),
        ByResponse = Totals(f.Trips, t => t.Response, ResponseClassNames.Name),
        ByCauseAndResponse = f.Trips.Select(t => new TripCount { Cause = TripRuleNames.Name(t.Rule), Response = ResponseClassNames.Name(t.Response), Count = t.Count }).ToList(),
    };

    // Ordered by the enum value, as the JSON has always listed them.
    private static Dictionary<string, long> Totals<TKey>(IReadOnlyList<TripTally> tallies, Func<TripTally, TKey> key, Func<TKey, string> name) => tallies
        .GroupBy(key)
        .OrderBy(g => g.Key)
        .ToDictionary(g => name(g.Key), g => g.Sum(t => t.Count), StringComparer.Ordinal);

    private static DurationStats Stats(DurationSummary d) => new() { Count = d.Count, MeanUs = d.MeanUs, P95Us = d.P95Us };
}
