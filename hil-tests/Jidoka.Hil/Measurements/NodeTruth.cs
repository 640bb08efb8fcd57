using System.Collections.Generic;

namespace Jidoka.Hil.Measurements;

/// <summary>
/// What one node did, as the rig saw it from the node's side of the wire: every event it handed to its
/// MQTT client, what its journal still held at the end, what was in its RAM when power was cut, the
/// stop output against each trigger, and its final state. Compared with what the bridge stored, this is
/// how "nothing lost" is measured instead of assumed. Serializable (the real-time simulated-nodes
/// process sends it as JSON).
/// </summary>
public sealed class NodeTruth
{
    /// <summary>Node id.</summary>
    public string NodeId { get; set; } = "";

    /// <summary>Distinct events the node published (first copy of each id).</summary>
    public List<EventFact> Published { get; set; } = new();

    /// <summary>Publishes of an event id whose content differed from the first publish of that id (an id reused: one of them is lost at the bridge).</summary>
    public List<EventFact> IdConflicts { get; set; } = new();

    /// <summary>Events still in the journal (unacknowledged) at the end.</summary>
    public List<EventFact> Unacknowledged { get; set; } = new();

    /// <summary>Events in the journal's RAM at each power cut (written or not).</summary>
    public List<EventFact> InRamAtCut { get; set; } = new();

    /// <summary>Trigger references and the stop output's answer.</summary>
    public List<TriggerObservation> Triggers { get; set; } = new();

    /// <summary><c>booting</c>, <c>armed</c>, <c>tripped</c>, or <c>off</c>.</summary>
    public string FinalState { get; set; } = "off";

    /// <summary>Active policy id at the end.</summary>
    public uint ActivePolicyId { get; set; }

    /// <summary>Staged policy id at the end, 0 none.</summary>
    public uint StagedPolicyId { get; set; }

    /// <summary>The node saw a bridge online at the end.</summary>
    public bool HostOnline { get; set; }

    /// <summary>Boots of the board (1 + reboots).</summary>
    public int Boots { get; set; }

    /// <summary>Frames the node dropped from its outage ring (all boots' last value summed is not kept: this is the current boot's).</summary>
    public long FramesDropped { get; set; }

    /// <summary>Loop overruns of the current boot.</summary>
    public long Overruns { get; set; }

    /// <summary>Longest loop step of the current boot, µs, as the node measured it (host scheduling and GC pauses included).</summary>
    public long MaxStepUs { get; set; }

    /// <summary>Frames the node published.</summary>
    public long FramesPublished { get; set; }
}

/// <summary>An event's identity and content as the node had it.</summary>
public sealed class EventFact
{
    /// <summary>Event id.</summary>
    public ulong EventId { get; set; }

    /// <summary>Boot it happened in.</summary>
    public uint BootId { get; set; }

    /// <summary>Node µs since that boot.</summary>
    public ulong MonoUs { get; set; }

    /// <summary>Event type name.</summary>
    public string Type { get; set; } = "";

    /// <summary>Same event (id, boot, time and type)?</summary>
    public bool SameAs(EventFact other) => other != null && EventId == other.EventId && BootId == other.BootId && MonoUs == other.MonoUs && Type == other.Type;

    /// <inheritdoc/>
    public override string ToString() => $"{Type} #{EventId} (boot {BootId}, {MonoUs} µs)";
}

/// <summary>One trigger of a scenario on one node: the input crossing and the stop output's answer.</summary>
public sealed class TriggerObservation
{
    /// <summary>Timeline step index.</summary>
    public int StepIndex { get; set; }

    /// <summary>Physical µs (rig clock) of the reference: the input crossing, or the action.</summary>
    public ulong ReferenceUs { get; set; }

    /// <summary>Physical µs the stop output went off, when it did.</summary>
    public ulong? StopOffUs { get; set; }

    /// <summary>Why it went off (write, power loss, watchdog), when it did.</summary>
    public string? StopOffCause { get; set; }

    /// <summary>Stop output off minus the reference, µs (the trip latency as the rig observes it), when it went off.</summary>
    public long? LatencyUs => StopOffUs.HasValue ? (long)StopOffUs.Value - (long)ReferenceUs : null;
}
