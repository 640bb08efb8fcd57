using System.Collections.Generic;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Storage;

/// <summary>
/// What the bridge knows about one node: identity, its last status, its session (boot) and the ingest
/// counts. The twin feed's "current state per node" reads this.
/// </summary>
public sealed record NodeRecord
{
    /// <summary>Node id.</summary>
    public required string NodeId { get; init; }

    /// <summary>Cell id from the node's topics.</summary>
    public required string CellId { get; init; }

    /// <summary>When the bridge first saw the node, Unix µs.</summary>
    public required long FirstSeenUnixUs { get; init; }

    /// <summary>When the bridge last received anything from the node, Unix µs.</summary>
    public required long LastSeenUnixUs { get; init; }

    /// <summary>Whether the node has published a status since the bridge knew it.</summary>
    public bool HasStatus { get; init; }

    /// <summary>Online flag of the node's last status (false after its last will).</summary>
    public bool Online { get; init; }

    /// <summary>Current boot id (highest seen), 0 when none seen yet.</summary>
    public uint BootId { get; init; }

    /// <summary>True when <see cref="LastFrameSequence"/> holds the highest frame sequence of the current boot.</summary>
    public bool HasFrameSequence { get; init; }

    /// <summary>Highest frame sequence seen in the current boot (gap tracking resumes from it after a bridge restart).</summary>
    public uint LastFrameSequence { get; init; }

    /// <summary>Firmware version from status.</summary>
    public string FirmwareVersion { get; init; } = "";

    /// <summary>Board name from status.</summary>
    public string Board { get; init; } = "";

    /// <summary>Trip state from status.</summary>
    public TripState TripState { get; init; }

    /// <summary>Cause of the latched trip from status.</summary>
    public TripRule TripCause { get; init; }

    /// <summary>Response class of the latched trip from status.</summary>
    public ResponseClass Response { get; init; }

    /// <summary>Event id of the latched trip from status.</summary>
    public ulong TripEventId { get; init; }

    /// <summary>Active policy, calibrations and time quality (from the last status or live frame).</summary>
    public RecordProvenance Provenance { get; init; }

    /// <summary>Policy staged until reset, 0 for none.</summary>
    public uint StagedPolicyId { get; init; }

    /// <summary>
    /// Bridge receive time minus node-mapped time, µs (positive: node behind or message delayed), as
    /// measured while the node was suspect or when it last became or stopped being suspect (kept off
    /// the per-frame path otherwise).
    /// </summary>
    public long LastClockSkewUs { get; init; }

    /// <summary>True while the last measured skew is beyond the threshold.</summary>
    public bool ClockSkewSuspect { get; init; }

    /// <summary>The node's last status JSON as received, empty when none.</summary>
    public string LastStatusJson { get; init; } = "";

    /// <summary>Ingest counts.</summary>
    public NodeCounters Counters { get; init; } = new NodeCounters();

    /// <summary>Rejected messages per reason.</summary>
    public IReadOnlyDictionary<RejectReason, long> Rejects { get; init; } = new Dictionary<RejectReason, long>();
}
