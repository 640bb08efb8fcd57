using System.Collections.Generic;

namespace Jidoka.Bridge.Contracts;

/// <summary>One stored frame with its samples (GET /api/v1/nodes/{nodeId}/frames).</summary>
public sealed record FrameView
{
    /// <summary>Boot the frame belongs to.</summary>
    public required uint BootId { get; init; }

    /// <summary>Frame sequence within the boot.</summary>
    public required uint FrameSequence { get; init; }

    /// <summary>Frame flags as sent: bit0 replayed, bit1 tripped, bit2 degraded.</summary>
    public required byte Flags { get; init; }

    /// <summary>Node time of the first sample, µs since boot.</summary>
    public required ulong FirstSampleMonoUs { get; init; }

    /// <summary>Time between samples, µs.</summary>
    public required uint SamplePeriodUs { get; init; }

    /// <summary>Wall-clock time of the first sample, Unix µs.</summary>
    public required long WallStartUnixUs { get; init; }

    /// <summary>Policy, calibrations and clock quality of the frame.</summary>
    public required ProvenanceView Provenance { get; init; }

    /// <summary>True for data sent after the fact (replayed, or from an earlier boot).</summary>
    public required bool Historical { get; init; }

    /// <summary>When the bridge received it, Unix µs.</summary>
    public required long ReceivedUnixUs { get; init; }

    /// <summary>The samples, in time order.</summary>
    public required IReadOnlyList<SampleView> Samples { get; init; }
}
