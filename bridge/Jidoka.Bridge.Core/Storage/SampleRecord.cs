namespace Jidoka.Bridge.Storage;

/// <summary>One sample expanded from a stored frame, placed in node and wall time.</summary>
public sealed record SampleRecord
{
    /// <summary>Boot the sample belongs to.</summary>
    public required uint BootId { get; init; }

    /// <summary>Sequence of the frame that carried it.</summary>
    public required uint FrameSequence { get; init; }

    /// <summary>Node monotonic time, µs since boot.</summary>
    public required ulong MonoUs { get; init; }

    /// <summary>Wall-clock time, Unix µs (same source as the frame's).</summary>
    public required long WallUnixUs { get; init; }

    /// <summary>Force, milli-newtons.</summary>
    public required int ForceMilliNewtons { get; init; }

    /// <summary>Vision confidence, 1/10 000.</summary>
    public required ushort VisionConfidence { get; init; }

    /// <summary>Age of the vision confidence, ms.</summary>
    public required ushort VisionAgeMs { get; init; }

    /// <summary>Interlock channel bits (see Jidoka.Protocol.InterlockBits).</summary>
    public required byte InterlockBits { get; init; }

    /// <summary>Sample flags (see Jidoka.Protocol.SampleFlags).</summary>
    public required byte SampleFlags { get; init; }

    /// <summary>True when the frame was historical.</summary>
    public required bool Historical { get; init; }
}
