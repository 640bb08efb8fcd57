using System.Collections.Generic;

namespace Jidoka.Bridge.Contracts;

/// <summary>
/// Governance metrics (GET /api/v1/metrics): the numbers that say whether a cell is governable, per
/// cell and per node, computed from the stored cases, events and ingest counts.
/// </summary>
public sealed record GovernanceReport
{
    /// <summary>Only trips and near-misses at or after this wall time were counted, Unix µs; null for no lower bound.</summary>
    public long? FromUnixUs { get; init; }

    /// <summary>Only trips and near-misses at or before this wall time were counted, Unix µs; null for no upper bound.</summary>
    public long? ToUnixUs { get; init; }

    /// <summary>When the report was computed, Unix µs (bridge clock).</summary>
    public required long ComputedUnixUs { get; init; }

    /// <summary>One entry per cell (every node of the cell pooled, not averaged), by cell id.</summary>
    public required IReadOnlyList<GovernanceFigures> Cells { get; init; }

    /// <summary>One entry per node, by node id.</summary>
    public required IReadOnlyList<GovernanceFigures> Nodes { get; init; }
}

/// <summary>The governance figures of one node or one cell.</summary>
public sealed record GovernanceFigures
{
    /// <summary>Cell id.</summary>
    public required string CellId { get; init; }

    /// <summary>Node id; null for a cell's figures.</summary>
    public string? NodeId { get; init; }

    /// <summary>Trips by cause and response class.</summary>
    public required TripCounts Trips { get; init; }

    /// <summary>Detection to stop output de-energized, as the nodes measured it, over every trip.</summary>
    public required DurationStats TimeToSafeState { get; init; }

    /// <summary>Detection to reset, over the trips that were reset (and could be placed on one clock).</summary>
    public required DurationStats TimeToReset { get; init; }

    /// <summary>Detection to the first good frame after the reset, over the trips whose quality recovered.</summary>
    public required DurationStats TimeToRecoverQuality { get; init; }

    /// <summary>Near-miss events (force in the warning band that did not trip).</summary>
    public required long NearMisses { get; init; }

    /// <summary>Near-misses per trip; null when there was no trip. High means problems are caught before they stop the cell.</summary>
    public double? NearMissToTripRatio { get; init; }

    /// <summary>Trips whose decision record is complete (see docs/twin-feed.md, "Audit completeness").</summary>
    public required long CompleteDecisionRecords { get; init; }

    /// <summary>Share of trips with a complete decision record, 0..1; null when there was no trip.</summary>
    public double? AuditCompleteness { get; init; }

    /// <summary>Frames lost to sequence gaps and never recovered, since the node was first seen (not limited to the time range).</summary>
    public required long FramesLostTotal { get; init; }

    /// <summary>Events that arrived replayed (held over an outage), since the node was first seen (not limited to the time range).</summary>
    public required long EventsReplayedTotal { get; init; }
}

/// <summary>Trip counts.</summary>
public sealed record TripCounts
{
    /// <summary>All trips.</summary>
    public required long Total { get; init; }

    /// <summary>Trips per rule name; only rules that fired.</summary>
    public required IReadOnlyDictionary<string, long> ByCause { get; init; }

    /// <summary>Trips per response class name; only classes that occurred.</summary>
    public required IReadOnlyDictionary<string, long> ByResponse { get; init; }

    /// <summary>Trips per (rule, response class) pair, by rule then response.</summary>
    public required IReadOnlyList<TripCount> ByCauseAndResponse { get; init; }
}

/// <summary>Trips of one rule that led to one response class.</summary>
public sealed record TripCount
{
    /// <summary>Rule name.</summary>
    public required string Cause { get; init; }

    /// <summary>Response class name.</summary>
    public required string Response { get; init; }

    /// <summary>Trips.</summary>
    public required long Count { get; init; }
}

/// <summary>Mean and 95th percentile of a set of durations.</summary>
public sealed record DurationStats
{
    /// <summary>Durations counted.</summary>
    public required int Count { get; init; }

    /// <summary>Arithmetic mean, µs; null when <see cref="Count"/> is 0.</summary>
    public double? MeanUs { get; init; }

    /// <summary>95th percentile by the nearest-rank method (the ⌈0.95·n⌉-th smallest value, an observed duration), µs; null when <see cref="Count"/> is 0.</summary>
    public long? P95Us { get; init; }
}
