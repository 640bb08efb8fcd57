using System.Collections.Generic;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Governance;

/// <summary>
/// The governance figures the domain computes, per cell and per node. Rules and response classes stay
/// enum values here; the twin feed turns them into names for its JSON report.
/// </summary>
/// <param name="FromUnixUs">Only trips and near-misses at or after this wall time were counted, Unix µs; null for no lower bound.</param>
/// <param name="ToUnixUs">Only trips and near-misses at or before this wall time were counted, Unix µs; null for no upper bound.</param>
/// <param name="ComputedUnixUs">When the figures were computed, Unix µs (bridge clock).</param>
/// <param name="Cells">One entry per cell (every node of the cell pooled, not averaged), by cell id.</param>
/// <param name="Nodes">One entry per node, by node id.</param>
public sealed record GovernanceSummary(long? FromUnixUs, long? ToUnixUs, long ComputedUnixUs, IReadOnlyList<ScopeFigures> Cells, IReadOnlyList<ScopeFigures> Nodes);

/// <summary>The governance figures of one node or of one cell.</summary>
public sealed record ScopeFigures
{
    /// <summary>Cell id.</summary>
    public required string CellId { get; init; }

    /// <summary>Node id; null for a cell's figures.</summary>
    public string? NodeId { get; init; }

    /// <summary>Trips per (rule, response class) pair that occurred, by rule then response class.</summary>
    public required IReadOnlyList<TripTally> Trips { get; init; }

    /// <summary>Detection to stop output de-energized, as the nodes measured it, over every trip.</summary>
    public required DurationSummary TimeToSafeState { get; init; }

    /// <summary>Detection to reset, over the trips that were reset (and could be placed on one clock).</summary>
    public required DurationSummary TimeToReset { get; init; }

    /// <summary>Detection to the first good frame after the reset, over the trips whose quality recovered.</summary>
    public required DurationSummary TimeToRecoverQuality { get; init; }

    /// <summary>Trips counted (the sum of <see cref="Trips"/>).</summary>
    public required long TripCount { get; init; }

    /// <summary>Near-miss events (force in the warning band that did not trip).</summary>
    public required long NearMisses { get; init; }

    /// <summary>Trips whose decision record is complete (<see cref="DecisionRecordCompleteness"/>).</summary>
    public required long CompleteDecisionRecords { get; init; }

    /// <summary>Frames lost to sequence gaps and never recovered, since the node was first seen.</summary>
    public required long FramesLostTotal { get; init; }

    /// <summary>Events that arrived replayed (held over an outage), since the node was first seen.</summary>
    public required long EventsReplayedTotal { get; init; }

    /// <summary>Near-misses per trip; null when there was no trip.</summary>
    public double? NearMissToTripRatio => TripCount == 0 ? null : (double)((decimal)NearMisses / TripCount);

    /// <summary>Share of trips with a complete decision record, 0..1; null when there was no trip.</summary>
    public double? AuditCompleteness => TripCount == 0 ? null : (double)((decimal)CompleteDecisionRecords / TripCount);
}

/// <summary>Trips of one rule that led to one response class.</summary>
/// <param name="Rule">The rule that fired.</param>
/// <param name="Response">The response class the policy gave it.</param>
/// <param name="Count">Trips.</param>
public readonly record struct TripTally(TripRule Rule, ResponseClass Response, long Count);

/// <summary>Count, mean and nearest-rank 95th percentile of a set of durations.</summary>
/// <param name="Count">Durations counted.</param>
/// <param name="MeanUs">Arithmetic mean, µs; null when <paramref name="Count"/> is 0.</param>
/// <param name="P95Us">95th percentile by the nearest-rank method (an observed duration), µs; null when <paramref name="Count"/> is 0.</param>
public readonly record struct DurationSummary(int Count, double? MeanUs, long? P95Us);
