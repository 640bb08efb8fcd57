namespace Jidoka.Bridge.Contracts;

/// <summary>
/// The 17 fields of a decision record (docs/protocol.md, "Decision record"), enum values by name. For
/// a trip this is the evidence; for other events the fields mean what the event-type table says.
/// </summary>
public sealed record DecisionRecordView
{
    /// <summary>Rule that fired ("force-over-limit"...), "none" for events that are not rule outcomes.</summary>
    public required string Rule { get; init; }

    /// <summary>Response class ("pause"...); not "none" exactly on trips.</summary>
    public required string Response { get; init; }

    /// <summary>Input channel ("force", "vision", "guard", "light-curtain", "estop", "loop", "none").</summary>
    public required string Channel { get; init; }

    /// <summary>Reason code, per event type (sensor-fault kind, reset source, command reason...).</summary>
    public required byte ReasonCode { get; init; }

    /// <summary>The value that crossed, in the channel's unit (mN, 1/10 000, ms, µs).</summary>
    public required long ObservedValue { get; init; }

    /// <summary>The limit it crossed, same unit.</summary>
    public required long LimitValue { get; init; }

    /// <summary>How many samples the condition held when the rule fired.</summary>
    public required ushort ConsecutiveSamples { get; init; }

    /// <summary>Input snapshot at detection: force, mN.</summary>
    public required int ForceMilliNewtons { get; init; }

    /// <summary>Input snapshot at detection: vision confidence, 1/10 000.</summary>
    public required ushort VisionConfidence { get; init; }

    /// <summary>Input snapshot at detection: vision age, ms.</summary>
    public required ushort VisionAgeMs { get; init; }

    /// <summary>Input snapshot at detection: interlock bits.</summary>
    public required byte InterlockBits { get; init; }

    /// <summary>Input snapshot at detection: sample flags.</summary>
    public required byte SampleFlags { get; init; }

    /// <summary>When the condition was detected, node µs since boot.</summary>
    public required ulong DetectMonoUs { get; init; }

    /// <summary>Detection to stop output de-energized, µs, as the node measured it (time-to-safe-state).</summary>
    public required uint LatencyUs { get; init; }

    /// <summary>Related event (e.g. the trip a reset clears), 0 for none.</summary>
    public required ulong RelatedEventId { get; init; }

    /// <summary>Argument, per event type (policy id, calibration id and version...).</summary>
    public required uint Argument { get; init; }

    /// <summary>Who caused it (operator of a command reset, technician), empty for none.</summary>
    public required string OperatorId { get; init; }
}
