using System.Collections.Generic;

namespace Jidoka.Bridge.Contracts;

/// <summary>
/// One node's current state as the bridge knows it (GET /api/v1/nodes, and the "node" messages of the
/// live stream). Names of protocol values are spelled as in the status JSON (docs/protocol.md).
/// </summary>
public sealed record NodeView
{
    /// <summary>Node id.</summary>
    public required string NodeId { get; init; }

    /// <summary>Cell id.</summary>
    public required string CellId { get; init; }

    /// <summary>
    /// Whether the node is online: its retained status says so (false after its MQTT last will), or,
    /// for a node that never sent status, it was heard from within Bridge:Ingest:NodeSilenceSeconds.
    /// </summary>
    public required bool Online { get; init; }

    /// <summary>Whether the node has published a status since the bridge knew it.</summary>
    public required bool HasStatus { get; init; }

    /// <summary>"booting", "armed" or "tripped", from the last status.</summary>
    public required string TripState { get; init; }

    /// <summary>Rule of the latched trip ("force-over-limit"...), "none" unless tripped.</summary>
    public required string TripCause { get; init; }

    /// <summary>Response class of the latched trip ("regrip"...), "none" unless tripped.</summary>
    public required string Response { get; init; }

    /// <summary>Event id of the latched trip, 0 for none.</summary>
    public required ulong TripEventId { get; init; }

    /// <summary>Active policy id.</summary>
    public required uint PolicyId { get; init; }

    /// <summary>Active policy hash, 8 lowercase hex digits.</summary>
    public required string PolicyHash { get; init; }

    /// <summary>Policy waiting for the trip to be reset, 0 for none.</summary>
    public required uint StagedPolicyId { get; init; }

    /// <summary>Force calibration as "{id}.{version}".</summary>
    public required string ForceCalibration { get; init; }

    /// <summary>Vision calibration as "{id}.{version}".</summary>
    public required string VisionCalibration { get; init; }

    /// <summary>"unsynced", "synced" or "holdover".</summary>
    public required string TimeQuality { get; init; }

    /// <summary>The node's bound on its clock offset error, µs.</summary>
    public required uint TimeUncertaintyUs { get; init; }

    /// <summary>True while the node's clock disagrees with the bridge's beyond the threshold.</summary>
    public required bool ClockSkewSuspect { get; init; }

    /// <summary>Last measured skew (bridge receive time minus node-mapped time), µs.</summary>
    public required long LastClockSkewUs { get; init; }

    /// <summary>Firmware version from status.</summary>
    public required string Firmware { get; init; }

    /// <summary>Board name from status.</summary>
    public required string Board { get; init; }

    /// <summary>Current boot id, 0 before any was seen.</summary>
    public required uint BootId { get; init; }

    /// <summary>When the bridge first heard from the node, Unix µs (bridge clock).</summary>
    public required long FirstSeenUnixUs { get; init; }

    /// <summary>When the bridge last heard from the node, Unix µs (bridge clock).</summary>
    public required long LastSeenUnixUs { get; init; }

    /// <summary>
    /// The newest stored sample of the current boot; null when none is stored, and always null in
    /// stream messages (the stream carries state changes, not samples).
    /// </summary>
    public SampleView? LastValues { get; init; }

    /// <summary>Ingest counts since the node was first seen.</summary>
    public required IngestCountsView Counts { get; init; }

    /// <summary>Rejected messages per reason ("BadCrc"...), only reasons that occurred.</summary>
    public required IReadOnlyDictionary<string, long> Rejects { get; init; }
}
