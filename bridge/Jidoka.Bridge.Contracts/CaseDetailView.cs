using System.Collections.Generic;

namespace Jidoka.Bridge.Contracts;

/// <summary>One case with its whole evidence (GET /api/v1/cases/{caseId}).</summary>
public sealed record CaseDetailView
{
    /// <summary>The case at a glance.</summary>
    public required CaseSummaryView Summary { get; init; }

    /// <summary>The trip's decision record, every field as the node sent it.</summary>
    public required DecisionRecordView Decision { get; init; }

    /// <summary>Policy, calibrations and clock quality at the trip.</summary>
    public required ProvenanceView Provenance { get; init; }

    /// <summary>The reset, null until reset.</summary>
    public CaseResetView? Reset { get; init; }

    /// <summary>The first good frame after the reset, null until recovered.</summary>
    public CaseRecoveryView? Recovery { get; init; }

    /// <summary>The samples around the trip.</summary>
    public required SampleWindowView Window { get; init; }

    /// <summary>Near-miss events linked to the case, oldest first.</summary>
    public required IReadOnlyList<EventView> NearMisses { get; init; }
}

/// <summary>How a case was reset.</summary>
public sealed record CaseResetView
{
    /// <summary>The reset event.</summary>
    public required ulong EventId { get; init; }

    /// <summary>Boot of the reset.</summary>
    public required uint BootId { get; init; }

    /// <summary>Node time of the reset, µs since boot.</summary>
    public required ulong MonoUs { get; init; }

    /// <summary>"button" or "command".</summary>
    public required string Source { get; init; }

    /// <summary>Operator id (required for a command reset), empty for a button without one.</summary>
    public required string By { get; init; }
}

/// <summary>When quality recovered after a reset.</summary>
public sealed record CaseRecoveryView
{
    /// <summary>Sequence of the first good frame (neither tripped nor degraded) after the reset.</summary>
    public required uint FrameSequence { get; init; }

    /// <summary>Node time of that frame's first sample, µs since boot.</summary>
    public required ulong MonoUs { get; init; }
}

/// <summary>The sample window kept with a case: detection − WindowBeforeMs .. detection + WindowAfterMs, node time of the trip's boot.</summary>
public sealed record SampleWindowView
{
    /// <summary>Window start, node µs since boot.</summary>
    public required ulong FromMonoUs { get; init; }

    /// <summary>Window end, node µs since boot.</summary>
    public required ulong ToMonoUs { get; init; }

    /// <summary>Detection time, node µs since boot (where to put the marker on a plot).</summary>
    public required ulong DetectMonoUs { get; init; }

    /// <summary>True once a frame past the window end arrived.</summary>
    public required bool Complete { get; init; }

    /// <summary>The stored samples inside the window, in time order (frames lost in gaps leave holes).</summary>
    public required IReadOnlyList<SampleView> Samples { get; init; }
}
