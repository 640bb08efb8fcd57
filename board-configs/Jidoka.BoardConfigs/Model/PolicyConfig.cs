using System.Collections.Generic;

namespace Jidoka.BoardConfigs.Model;

/// <summary>
/// Default limits as a board file spells them: the fields of <see cref="Jidoka.Protocol.PolicyRecord"/>,
/// with response classes by rule name. <see cref="BoardDefinition.ToPolicyRecord"/> converts it.
/// </summary>
public sealed record PolicyConfig
{
    /// <summary>Policy id, 1 or more.</summary>
    public required uint PolicyId { get; init; }

    /// <summary>Force at or above which a sample is over the limit, mN.</summary>
    public required int ForceLimitMilliNewtons { get; init; }

    /// <summary>Start of the near-miss band, mN.</summary>
    public required int ForceWarnMilliNewtons { get; init; }

    /// <summary>How long force stays at or over the limit before it trips, ms.</summary>
    public required ushort ForceOverLimitMs { get; init; }

    /// <summary>Lowest plausible reading, mN.</summary>
    public required int ForceRangeMinMilliNewtons { get; init; }

    /// <summary>Highest plausible reading, mN.</summary>
    public required int ForceRangeMaxMilliNewtons { get; init; }

    /// <summary>How long the raw reading may repeat exactly before the sensor counts as stuck, ms.</summary>
    public required ushort ForceStuckMs { get; init; }

    /// <summary>Vision confidence threshold, 1/10 000.</summary>
    public required ushort VisionMinConfidence { get; init; }

    /// <summary>Vision age limit, ms.</summary>
    public required ushort VisionMaxAgeMs { get; init; }

    /// <summary>Interlock debounce, ms.</summary>
    public required ushort InterlockDebounceMs { get; init; }

    /// <summary>Allowed channel disagreement, ms.</summary>
    public required ushort DiscrepancyMs { get; init; }

    /// <summary>Trip loop period, µs.</summary>
    public required uint LoopPeriodUs { get; init; }

    /// <summary>Loop step deadline, µs.</summary>
    public required uint LoopDeadlineUs { get; init; }

    /// <summary>Response class name per tripping rule name (TripRuleNames → ResponseClassNames).</summary>
    public required IReadOnlyDictionary<string, string> Responses { get; init; }
}
