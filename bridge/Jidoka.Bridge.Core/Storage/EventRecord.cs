using Jidoka.Protocol;

namespace Jidoka.Bridge.Storage;

/// <summary>One stored event with its decision record, provenance and the exact bytes received.</summary>
public sealed record EventRecord
{
    /// <summary>Node id.</summary>
    public required string NodeId { get; init; }

    /// <summary>Event id, unique per node across reboots.</summary>
    public required ulong EventId { get; init; }

    /// <summary>What the event records.</summary>
    public required EventType Type { get; init; }

    /// <summary>Boot counter when it happened.</summary>
    public required uint BootId { get; init; }

    /// <summary>Node monotonic time, µs since boot.</summary>
    public required ulong MonoUs { get; init; }

    /// <summary>Wall-clock time, Unix µs.</summary>
    public required long WallUnixUs { get; init; }

    /// <summary>Where <see cref="WallUnixUs"/> came from.</summary>
    public required WallTimeSource WallSource { get; init; }

    /// <summary>The event's provenance: time quality, policy and calibrations in force.</summary>
    public required RecordProvenance Provenance { get; init; }

    /// <summary>The decision record or event body (a copy owned by this record).</summary>
    public required DecisionRecord Record { get; init; }

    /// <summary>True when the node resent it (replayed flag).</summary>
    public required bool Historical { get; init; }

    /// <summary>When the bridge received it, Unix µs.</summary>
    public required long ReceivedUnixUs { get; init; }

    /// <summary>The event exactly as received (161 bytes), the evidence the audit log hashes.</summary>
    public required byte[] Raw { get; init; }

    /// <summary>Case a near-miss is linked to, or the case a trip opened; null for none.</summary>
    public long? CaseId { get; init; }
}
