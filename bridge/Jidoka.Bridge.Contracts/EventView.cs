namespace Jidoka.Bridge.Contracts;

/// <summary>One stored node event (GET /api/v1/events, the "event" messages of the live stream).</summary>
public sealed record EventView
{
    /// <summary>Node id.</summary>
    public required string NodeId { get; init; }

    /// <summary>Event id, unique per node across reboots.</summary>
    public required ulong EventId { get; init; }

    /// <summary>Event type name ("trip", "reset", "near-miss"...).</summary>
    public required string Type { get; init; }

    /// <summary>Boot the event happened in.</summary>
    public required uint BootId { get; init; }

    /// <summary>Node monotonic time, µs since boot.</summary>
    public required ulong MonoUs { get; init; }

    /// <summary>Wall-clock time, Unix µs (see <see cref="Provenance"/>.WallSource).</summary>
    public required long WallUnixUs { get; init; }

    /// <summary>True when it reached the bridge as a replay (after an outage) or from an earlier boot.</summary>
    public required bool Historical { get; init; }

    /// <summary>When the bridge received it, Unix µs.</summary>
    public required long ReceivedUnixUs { get; init; }

    /// <summary>Case a near-miss is linked to; null for other events (a trip's case is found by its tripEventId in /api/v1/cases).</summary>
    public long? CaseId { get; init; }

    /// <summary>Policy, calibrations and clock quality at the event.</summary>
    public required ProvenanceView Provenance { get; init; }

    /// <summary>The decision record or event body.</summary>
    public required DecisionRecordView Record { get; init; }
}
