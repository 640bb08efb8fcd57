using System.Collections.Generic;

namespace Jidoka.Hil.Measurements;

/// <summary>What one run of one scenario (one seed, or one real-time run) measured, and whether it met the scenario's expectations.</summary>
public sealed class RunMeasurement
{
    /// <summary>Scenario name.</summary>
    public string Scenario { get; set; } = "";

    /// <summary><c>deterministic</c> or <c>realtime</c>.</summary>
    public string Mode { get; set; } = "";

    /// <summary>The run's seed.</summary>
    public ulong Seed { get; set; }

    /// <summary>True when every expectation held.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>Each expectation that did not hold, in words.</summary>
    public List<string> Failures { get; set; } = new();

    /// <summary>Trips measured at the triggers (one per touched node and trigger).</summary>
    public List<TripMeasurement> Trips { get; set; } = new();

    /// <summary>Distinct events the nodes published.</summary>
    public int EventsPublished { get; set; }

    /// <summary>Distinct events the bridge stored.</summary>
    public int EventsStored { get; set; }

    /// <summary>
    /// Events lost: published, still journaled, or persisted-then-recovered by a node, but not stored by
    /// the bridge with the same content; plus stored-id gaps inside a boot not explained by a power cut;
    /// plus trips that were in RAM at a power cut and never reached the bridge. Must be 0.
    /// </summary>
    public int EventsLost { get; set; }

    /// <summary>The lost events, named.</summary>
    public List<string> LostEvents { get; set; } = new();

    /// <summary>
    /// Non-trip events that were only in the node's RAM when its power was cut, never published and not
    /// recovered (the documented one-communication-round window; their ids are never reused). Reported, not a loss of evidence the bridge had.
    /// </summary>
    public int UnpublishedLostAtPowerCut { get; set; }

    /// <summary>Cases the bridge built.</summary>
    public int Cases { get; set; }

    /// <summary>Cases describing a trip (node, boot, detection time, rule) another case already describes. Must be 0.</summary>
    public int DuplicateCases { get; set; }

    /// <summary>Stored trip events without a case.</summary>
    public int TripsWithoutCase { get; set; }

    /// <summary>Stored events and commands that have their audit entry, percent.</summary>
    public double AuditCompletenessPercent { get; set; }

    /// <summary>The audit chain verified intact.</summary>
    public bool AuditIntact { get; set; }

    /// <summary>Frames the nodes published.</summary>
    public long FramesPublished { get; set; }

    /// <summary>Frames the bridge stored.</summary>
    public long FramesStored { get; set; }

    /// <summary>Frames the bridge declared lost (sequence gaps not filled within the reorder window).</summary>
    public long FramesLostToGaps { get; set; }

    /// <summary>Frames the nodes dropped from their outage rings.</summary>
    public long FramesDroppedByNodes { get; set; }

    /// <summary>Repeated frames the bridge recognised.</summary>
    public long FramesDuplicate { get; set; }

    /// <summary>Frames that arrived out of order.</summary>
    public long FramesReordered { get; set; }

    /// <summary>Messages the bridge rejected (bad CRC, impossible values).</summary>
    public long MessagesRejected { get; set; }

    /// <summary>Repeated events the bridge recognised and stored once.</summary>
    public long EventsDuplicateAtBridge { get; set; }

    /// <summary>Events that arrived flagged replayed.</summary>
    public long EventsReplayed { get; set; }

    /// <summary>Node reboots (boots beyond the first).</summary>
    public int NodeReboots { get; set; }

    /// <summary>Bridge starts (1 + restarts).</summary>
    public int BridgeStarts { get; set; }

    /// <summary>Simulated (virtual) or real seconds the run covered.</summary>
    public double RunSeconds { get; set; }

    /// <summary>Longest loop step any node measured in this run, µs (in real time: host scheduling and GC pauses included).</summary>
    public long LongestLoopStepUs { get; set; }

    /// <summary>Loop overruns the nodes counted (current boots), summed.</summary>
    public long LoopOverruns { get; set; }

    /// <summary>Wall-clock milliseconds the run took on the host.</summary>
    public double WallMs { get; set; }

    /// <summary>How to run this again.</summary>
    public string Replay { get; set; } = "";

    /// <summary>Notes (bridge refusals, policy outcomes).</summary>
    public List<string> Notes { get; set; } = new();
}

/// <summary>One trip as the rig measured it.</summary>
public sealed class TripMeasurement
{
    /// <summary>Node id.</summary>
    public string NodeId { get; set; } = "";

    /// <summary>Trip rule of the stored trip event (empty when none was stored).</summary>
    public string Rule { get; set; } = "";

    /// <summary>Response class of the stored trip event.</summary>
    public string Response { get; set; } = "";

    /// <summary>Input crossing (or action) → stop output off, µs, as the rig observed; null when the output never went off.</summary>
    public long? LatencyUs { get; set; }

    /// <summary>Detection → output de-energized, µs, as the node measured and reported in its decision record (the case's time-to-safe-state).</summary>
    public long? NodeTimeToSafeStateUs { get; set; }

    /// <summary>What turned the output off (write, power loss, watchdog).</summary>
    public string StopOffCause { get; set; } = "";

    /// <summary>The stored trip event id, 0 when none.</summary>
    public ulong EventId { get; set; }

    /// <summary>The case the bridge built for it, 0 when none.</summary>
    public long CaseId { get; set; }
}
