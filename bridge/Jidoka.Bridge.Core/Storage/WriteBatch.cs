using System.Collections.Generic;

namespace Jidoka.Bridge.Storage;

/// <summary>
/// Everything one store transaction writes. The store commits all of it or none of it; audit entries
/// are chained in list order inside the same transaction.
/// </summary>
public sealed class WriteBatch
{
    /// <summary>Frames to insert; a frame whose node, boot and sequence are already stored is skipped.</summary>
    public List<FrameRecord> Frames { get; } = new();

    /// <summary>Events to insert; an event whose node and id are already stored is skipped.</summary>
    public List<EventRecord> Events { get; } = new();

    /// <summary>Node state to insert or replace.</summary>
    public List<NodeRecord> Nodes { get; } = new();

    /// <summary>Cases to insert or replace (by case id).</summary>
    public List<CaseRecord> Cases { get; } = new();

    /// <summary>Near-miss events to link to cases.</summary>
    public List<NearMissLink> NearMissLinks { get; } = new();

    /// <summary>Commands to insert.</summary>
    public List<CommandRecord> Commands { get; } = new();

    /// <summary>Node results to write onto stored commands.</summary>
    public List<CommandResultUpdate> CommandResults { get; } = new();

    /// <summary>Policy versions to insert.</summary>
    public List<PolicyVersionRecord> Policies { get; } = new();

    /// <summary>Calibration versions to insert.</summary>
    public List<CalibrationVersionRecord> Calibrations { get; } = new();

    /// <summary>Audit entries to append, in order.</summary>
    public List<AuditEntry> Audit { get; } = new();

    /// <summary>True when there is nothing to write.</summary>
    public bool IsEmpty =>
        Frames.Count == 0 && Events.Count == 0 && Nodes.Count == 0 && Cases.Count == 0 && NearMissLinks.Count == 0
        && Commands.Count == 0 && CommandResults.Count == 0 && Policies.Count == 0 && Calibrations.Count == 0 && Audit.Count == 0;
}
