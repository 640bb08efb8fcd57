namespace Jidoka.Bridge.Storage;

/// <summary>
/// One stored frame: the header a reviewer needs to place its samples in time and to know which
/// policy and calibrations applied, and the samples themselves as the protocol's 10-byte sample
/// records (docs/storage.md).
/// </summary>
public sealed record FrameRecord
{
    /// <summary>Node id.</summary>
    public required string NodeId { get; init; }

    /// <summary>Boot counter of the node when the frame was sampled.</summary>
    public required uint BootId { get; init; }

    /// <summary>Frame sequence within the boot.</summary>
    public required uint FrameSequence { get; init; }

    /// <summary>Frame flags as sent (see Jidoka.Protocol.FrameFlags).</summary>
    public required byte Flags { get; init; }

    /// <summary>Node monotonic time of the first sample, µs since boot.</summary>
    public required ulong FirstSampleMonoUs { get; init; }

    /// <summary>Time between samples, µs.</summary>
    public required uint SamplePeriodUs { get; init; }

    /// <summary>Number of samples.</summary>
    public required int SampleCount { get; init; }

    /// <summary>Wall-clock time of the first sample, Unix µs (see <see cref="WallSource"/>).</summary>
    public required long WallStartUnixUs { get; init; }

    /// <summary>Where <see cref="WallStartUnixUs"/> came from.</summary>
    public required WallTimeSource WallSource { get; init; }

    /// <summary>The frame's provenance: time quality, policy and calibrations in force.</summary>
    public required RecordProvenance Provenance { get; init; }

    /// <summary>True for data sent after the fact: replayed by the node or from an earlier boot.</summary>
    public required bool Historical { get; init; }

    /// <summary>When the bridge received the frame, Unix µs (bridge clock).</summary>
    public required long ReceivedUnixUs { get; init; }

    /// <summary>The samples, <see cref="SampleCount"/> × 10 bytes in the protocol's sample layout.</summary>
    public required byte[] Samples { get; init; }

    /// <summary>Node monotonic time of the last sample, µs since boot.</summary>
    public ulong LastSampleMonoUs => FirstSampleMonoUs + ((ulong)(SampleCount - 1) * SamplePeriodUs);

    /// <summary>Wall-clock time of the last sample, Unix µs.</summary>
    public long WallEndUnixUs => WallStartUnixUs + ((long)(SampleCount - 1) * SamplePeriodUs);
}
