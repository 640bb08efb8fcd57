using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jidoka.Bridge.Contracts;

/// <summary>
/// The policy file format (jidoka policy apply, POST /api/v1/nodes/{nodeId}/policy): the fields of the
/// protocol's 47-byte PolicyRecord by name, with the response class of each rule that trips spelled
/// by name. Every member is required; <see cref="PolicyFile"/> reads and checks it.
/// </summary>
public sealed record PolicyDocument
{
    /// <summary>Policy id, 1 or more: a new id for every change.</summary>
    public uint? PolicyId { get; init; }

    /// <summary>Force at or above which a sample is over the limit, mN.</summary>
    public int? ForceLimitMilliNewtons { get; init; }

    /// <summary>Force at or above which (below the limit) a sample is in the near-miss band, mN.</summary>
    public int? ForceWarnMilliNewtons { get; init; }

    /// <summary>How long force stays at or over the limit before it trips, ms, 1..1000 (the node counts it in readings at its period).</summary>
    public ushort? ForceOverLimitMs { get; init; }

    /// <summary>Lowest plausible force reading, mN; below it the sensor is faulted.</summary>
    public int? ForceRangeMinMilliNewtons { get; init; }

    /// <summary>Highest plausible force reading, mN; above it the sensor is faulted (saturated).</summary>
    public int? ForceRangeMaxMilliNewtons { get; init; }

    /// <summary>How long the raw reading may repeat exactly before the sensor counts as stuck, ms, 2 or more.</summary>
    public ushort? ForceStuckMs { get; init; }

    /// <summary>Vision confidence below which the vision rule trips, 1/10 000.</summary>
    public ushort? VisionMinConfidence { get; init; }

    /// <summary>Vision confidence older than this is stale, ms (1..60 000).</summary>
    public ushort? VisionMaxAgeMs { get; init; }

    /// <summary>Interlock closing debounce, ms (0..1000).</summary>
    public ushort? InterlockDebounceMs { get; init; }

    /// <summary>Two channels may disagree this long before a discrepancy trip, ms (1..10 000, above the debounce).</summary>
    public ushort? DiscrepancyMs { get; init; }

    /// <summary>Trip loop period, µs (100..100 000).</summary>
    public uint? LoopPeriodUs { get; init; }

    /// <summary>A loop step longer than this is an overrun, µs (1..loop period).</summary>
    public uint? LoopDeadlineUs { get; init; }

    /// <summary>
    /// Response class name ("pause", "regrip", "reinspect", "recalibrate", "maintenance") for each rule that
    /// trips: "force-over-limit", "vision-low-confidence", "vision-stale", "interlock-open",
    /// "channel-discrepancy", "sensor-fault", "loop-overrun".
    /// </summary>
    public IReadOnlyDictionary<string, string>? Responses { get; init; }

    /// <summary>
    /// The retired sample-count name of <see cref="ForceOverLimitMs"/>. Read only so that a file still using it
    /// is refused by name (a count of samples is not a window in ms); never written.
    /// </summary>
    [JsonPropertyName("forceOverLimitSamples")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? RetiredForceOverLimitSamples { get; init; }

    /// <summary>The retired sample-count name of <see cref="ForceStuckMs"/>, read only to refuse it by name.</summary>
    [JsonPropertyName("forceStuckSamples")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? RetiredForceStuckSamples { get; init; }
}
