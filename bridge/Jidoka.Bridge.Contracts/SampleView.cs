namespace Jidoka.Bridge.Contracts;

/// <summary>One sample: the protocol's 10-byte sample record placed in node and wall time.</summary>
public sealed record SampleView
{
    /// <summary>Node monotonic time, µs since boot.</summary>
    public required ulong MonoUs { get; init; }

    /// <summary>Wall-clock time, Unix µs (see the frame's or case's wall source for how far to trust it).</summary>
    public required long WallUnixUs { get; init; }

    /// <summary>Force, milli-newtons.</summary>
    public required int ForceMilliNewtons { get; init; }

    /// <summary>Vision confidence, 1/10 000.</summary>
    public required ushort VisionConfidence { get; init; }

    /// <summary>Age of the vision confidence, ms.</summary>
    public required ushort VisionAgeMs { get; init; }

    /// <summary>Interlock channel bits (bit0 guard A ... bit5 e-stop B; 1 = closed, safe).</summary>
    public required byte InterlockBits { get; init; }

    /// <summary>Sample flags (bit0 force valid, bit1 vision valid, bit2 trip latched, bit3 warning band, bit4 vision stale).</summary>
    public required byte SampleFlags { get; init; }
}
