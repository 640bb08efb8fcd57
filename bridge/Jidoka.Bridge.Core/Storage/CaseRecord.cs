using Jidoka.Protocol;

namespace Jidoka.Bridge.Storage;

/// <summary>
/// An exception case: one trip with its full decision record, the sample window around it, and what
/// happened after (reset, by whom, quality recovery). Durations are node-measured µs, taken from the
/// node's monotonic clock when trip and reset share a boot and from wall time otherwise.
/// </summary>
public sealed record CaseRecord
{
    /// <summary>Case id, 1 or more, assigned in the order trips are stored.</summary>
    public required long CaseId { get; init; }

    /// <summary>Node id.</summary>
    public required string NodeId { get; init; }

    /// <summary>Cell id.</summary>
    public required string CellId { get; init; }

    /// <summary>The trip event.</summary>
    public required ulong TripEventId { get; init; }

    /// <summary>Boot the trip happened in.</summary>
    public required uint BootId { get; init; }

    /// <summary>Where the case stands.</summary>
    public required CaseStatus Status { get; init; }

    /// <summary>When the bridge opened the case, Unix µs (bridge clock).</summary>
    public required long OpenedUnixUs { get; init; }

    /// <summary>The decision record of the trip event, every field as the node sent it (read from the event).</summary>
    public required DecisionRecord Decision { get; init; }

    /// <summary>Provenance of the trip event: which policy and calibrations applied, and the node's time quality.</summary>
    public required RecordProvenance Provenance { get; init; }

    /// <summary>Wall-clock time of detection, Unix µs.</summary>
    public required long TripWallUnixUs { get; init; }

    /// <summary>Where <see cref="TripWallUnixUs"/> came from.</summary>
    public required WallTimeSource TripWallSource { get; init; }

    /// <summary>True when the trip event reached the bridge as replayed (after an outage).</summary>
    public required bool Historical { get; init; }

    /// <summary>Start of the sample window, node µs since boot.</summary>
    public required ulong WindowFromMonoUs { get; init; }

    /// <summary>End of the sample window, node µs since boot.</summary>
    public required ulong WindowToMonoUs { get; init; }

    /// <summary>True once a frame reaching past the window end has been received (the window cannot grow further).</summary>
    public bool WindowComplete { get; init; }

    /// <summary>Time-to-safe-state: detection to stop output de-energized, µs, as the node measured it.</summary>
    public uint TimeToSafeStateUs => Decision.LatencyUs;

    /// <summary>Response class the policy mapped the rule to.</summary>
    public ResponseClass Response => Decision.Response;

    /// <summary>The reset event, 0 until reset.</summary>
    public ulong ResetEventId { get; init; }

    /// <summary>Boot of the reset event.</summary>
    public uint ResetBootId { get; init; }

    /// <summary>Node monotonic time of the reset, µs since boot.</summary>
    public ulong ResetMonoUs { get; init; }

    /// <summary>How the trip was reset (button or command).</summary>
    public ResetSource ResetSource { get; init; }

    /// <summary>Who reset it: the operator id of a command reset, empty for a local button without one.</summary>
    public string ResetBy { get; init; } = "";

    /// <summary>Detection to reset, µs; null until reset or when the two cannot be placed on one clock.</summary>
    public long? TimeToResetUs { get; init; }

    /// <summary>Sequence of the first good frame after the reset (boot = <see cref="ResetBootId"/>).</summary>
    public uint RecoveredFrameSequence { get; init; }

    /// <summary>Node monotonic time of the first good frame after the reset.</summary>
    public ulong RecoveredMonoUs { get; init; }

    /// <summary>Detection to the first good frame after the reset, µs; null until recovered.</summary>
    public long? TimeToRecoverQualityUs { get; init; }

    /// <summary>Near-miss events linked to this case (they preceded the trip).</summary>
    public int NearMissCount { get; init; }
}
