namespace Jidoka.Bridge.Contracts;

/// <summary>
/// An exception case at a glance (GET /api/v1/cases, and the "case" messages of the live stream):
/// one trip, what fired, how fast the node reached a safe state, and what happened after.
/// </summary>
public sealed record CaseSummaryView
{
    /// <summary>Case id.</summary>
    public required long CaseId { get; init; }

    /// <summary>Node id.</summary>
    public required string NodeId { get; init; }

    /// <summary>Cell id.</summary>
    public required string CellId { get; init; }

    /// <summary>"open" (tripped), "reset" (waiting for good quality) or "recovered".</summary>
    public required string Status { get; init; }

    /// <summary>The trip event.</summary>
    public required ulong TripEventId { get; init; }

    /// <summary>Boot the trip happened in.</summary>
    public required uint BootId { get; init; }

    /// <summary>Rule that fired.</summary>
    public required string Cause { get; init; }

    /// <summary>Response class the policy maps the rule to.</summary>
    public required string Response { get; init; }

    /// <summary>When the trip was detected, Unix µs (see <see cref="TripWallSource"/>).</summary>
    public required long TripWallUnixUs { get; init; }

    /// <summary>"node-synced", "node-holdover" or "bridge-receipt".</summary>
    public required string TripWallSource { get; init; }

    /// <summary>When the bridge opened the case, Unix µs (bridge clock).</summary>
    public required long OpenedUnixUs { get; init; }

    /// <summary>Detection to stop output de-energized, µs, as the node measured it.</summary>
    public required uint TimeToSafeStateUs { get; init; }

    /// <summary>Detection to reset, µs; null until reset or when the two cannot be placed on one clock.</summary>
    public long? TimeToResetUs { get; init; }

    /// <summary>Detection to the first good frame after the reset, µs; null until recovered.</summary>
    public long? TimeToRecoverQualityUs { get; init; }

    /// <summary>Who reset it (the operator id of a command reset), empty until reset or for a button.</summary>
    public required string ResetBy { get; init; }

    /// <summary>"button", "command", or "none" until reset.</summary>
    public required string ResetSource { get; init; }

    /// <summary>Near-misses linked to the case (they preceded the trip).</summary>
    public required int NearMissCount { get; init; }

    /// <summary>True when the trip reached the bridge as a replay.</summary>
    public required bool Historical { get; init; }

    /// <summary>True once a frame past the sample window's end arrived (the window cannot grow further).</summary>
    public required bool WindowComplete { get; init; }
}
