namespace Jidoka.BoardConfigs.Model;

/// <summary>What the trip loop can rely on from the target: its clock and the shortest period it holds.</summary>
public sealed record LoopTimingConfig
{
    /// <summary>The API the board's monotonic clock reads.</summary>
    public required string Clock { get; init; }

    /// <summary>The clock's step, µs (checked at boot by measuring it).</summary>
    public required int ClockResolutionUs { get; init; }

    /// <summary>Shortest loop period the runtime holds on this target, µs.</summary>
    public required int LoopPeriodUsMin { get; init; }

    /// <summary>Where the clock's resolution was read.</summary>
    public required string Source { get; init; }
}
