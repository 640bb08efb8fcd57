using System.Collections.Generic;

namespace Jidoka.Hil.Scenarios;

/// <summary>
/// One scenario file of <c>hil-tests/scenarios</c>: the cell (nodes, their policy and settings, the
/// network), a timeline of stimuli and faults, and the outcome the rig must measure. The JSON Schema
/// <c>scenario.schema.json</c> beside the files is the format's reference; <see cref="ScenarioLoader"/>
/// checks every file against it and then against the rules a schema cannot state.
/// </summary>
public sealed class Scenario
{
    /// <summary>Scenario name, equal to the file name without <c>.json</c> (used to replay it).</summary>
    public string Name { get; set; } = "";

    /// <summary>What the scenario does and why it matters, for the report.</summary>
    public string Description { get; set; } = "";

    /// <summary>Modes it runs in: <c>deterministic</c> (virtual time, seeded) and/or <c>realtime</c> (real processes).</summary>
    public List<string> Modes { get; set; } = new();

    /// <summary>Seeds the deterministic sweep runs it with (seed 1 to this).</summary>
    public int Seeds { get; set; } = 10;

    /// <summary>The nodes of the cell.</summary>
    public NodeSetup Nodes { get; set; } = new();

    /// <summary>The simulated network's default path (virtual mode).</summary>
    public NetworkSetup? Network { get; set; }

    /// <summary>Virtual or real ms between the nodes being armed with the bridge online and timeline time 0.</summary>
    public int LeadInMs { get; set; } = 100;

    /// <summary>Timeline length, ms: the run lasts this long after time 0 before the rig lets things settle.</summary>
    public int DurationMs { get; set; } = 1000;

    /// <summary>Longest the rig waits after the timeline for every node's journal to drain (every event acknowledged), ms.</summary>
    public int SettleMaxMs { get; set; } = 30_000;

    /// <summary>Stimuli and faults, in any order (each has its own time).</summary>
    public List<ScenarioStep> Timeline { get; set; } = new();

    /// <summary>The outcome the rig must measure.</summary>
    public Expectation Expect { get; set; } = new();

    /// <summary>True when the scenario runs in <paramref name="mode"/>.</summary>
    public bool RunsIn(string mode) => Modes.Contains(mode);
}

/// <summary>The nodes of a scenario's cell.</summary>
public sealed class NodeSetup
{
    /// <summary>How many nodes (ids <c>{Prefix}-01</c>, <c>{Prefix}-02</c>, …).</summary>
    public int Count { get; set; } = 1;

    /// <summary>Node id prefix.</summary>
    public string Prefix { get; set; } = "press";

    /// <summary>Force front end: <c>adc</c> (1 kHz) or <c>hx711</c> (80 samples/s).</summary>
    public string FrontEnd { get; set; } = "adc";

    /// <summary>Changes to the simulated board's default policy (policy 1 of board-configs/simulated.json).</summary>
    public PolicySpec? Policy { get; set; }

    /// <summary>Milliseconds between sends of an unacknowledged event (node setting; default 10 s).</summary>
    public int? AckTimeoutMs { get; set; }

    /// <summary>Time-sync period once synced, ms (node setting; default 16 s).</summary>
    public int? TimeSyncPeriodMs { get; set; }

    /// <summary>Journal slots (node setting; default 64).</summary>
    public int? JournalCapacity { get; set; }
}

/// <summary>Policy fields a scenario sets; null fields keep the value they are applied to.</summary>
public sealed class PolicySpec
{
    /// <summary>Policy id (version).</summary>
    public uint? PolicyId { get; set; }

    /// <summary>Force limit, N.</summary>
    public double? ForceLimitN { get; set; }

    /// <summary>Start of the near-miss band, N.</summary>
    public double? ForceWarnN { get; set; }

    /// <summary>How long force must stay over the limit before it trips, ms.</summary>
    public int? ForceOverLimitMs { get; set; }

    /// <summary>How long the raw reading may repeat exactly before the sensor counts as stuck, ms.</summary>
    public int? ForceStuckMs { get; set; }

    /// <summary>Vision confidence below which the node trips, 1/10 000.</summary>
    public int? VisionMinConfidence { get; set; }

    /// <summary>Oldest vision score still trusted, ms.</summary>
    public int? VisionMaxAgeMs { get; set; }

    /// <summary>Channel disagreement that trips, ms.</summary>
    public int? DiscrepancyMs { get; set; }
}

/// <summary>Per-message faults of the simulated network's paths.</summary>
public sealed class NetworkSetup
{
    /// <summary>Smallest one-way latency, µs.</summary>
    public int? LatencyMinUs { get; set; }

    /// <summary>Largest one-way latency, µs.</summary>
    public int? LatencyMaxUs { get; set; }

    /// <summary>MQTT keep-alive, ms.</summary>
    public int? KeepAliveMs { get; set; }
}

/// <summary>Faults on one path (a node's, or the bridge's).</summary>
public sealed class LinkSpec
{
    /// <summary>Probability a QoS 0 message is lost.</summary>
    public double LossQos0 { get; set; }

    /// <summary>Probability a QoS 1 message is lost.</summary>
    public double LossQos1 { get; set; }

    /// <summary>Probability a message arrives twice.</summary>
    public double Duplicate { get; set; }

    /// <summary>Probability one bit of a message is flipped.</summary>
    public double Corrupt { get; set; }

    /// <summary>Messages may overtake each other.</summary>
    public bool Reorder { get; set; }

    /// <summary>Smallest one-way latency, µs.</summary>
    public int LatencyMinUs { get; set; } = 200;

    /// <summary>Largest one-way latency, µs.</summary>
    public int LatencyMaxUs { get; set; } = 2000;
}

/// <summary>One part of a force profile; the parts of a step are added.</summary>
public sealed class ForceSpec
{
    /// <summary><c>spike</c>, <c>step</c>, <c>ramp</c>, <c>drift</c>, <c>press</c>, <c>noise</c> or <c>zero</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Offset from the step's time, ms.</summary>
    public double OffsetMs { get; set; }

    /// <summary>Amplitude (spike, step, noise rms), N.</summary>
    public double Newtons { get; set; }

    /// <summary>Spike width, ramp duration, ms.</summary>
    public double WidthMs { get; set; }

    /// <summary>Ramp start, N.</summary>
    public double FromN { get; set; }

    /// <summary>Ramp end, N.</summary>
    public double ToN { get; set; }

    /// <summary>Drift rate, N/s.</summary>
    public double NewtonsPerSecond { get; set; }

    /// <summary>Press cycle: contact force, N.</summary>
    public double ContactN { get; set; }

    /// <summary>Press cycle: press force, N.</summary>
    public double PressN { get; set; }
}

/// <summary>The vision system's behaviour from a step on.</summary>
public sealed class VisionSpec
{
    /// <summary><c>nominal</c>, <c>degrading</c>, <c>dropout</c> or <c>silent</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Nominal score, or the degrading start score, 1/10 000.</summary>
    public int From { get; set; } = 9500;

    /// <summary>Degrading end score, 1/10 000.</summary>
    public int To { get; set; }

    /// <summary>Degrading or dropout duration, ms.</summary>
    public double DurationMs { get; set; }
}

/// <summary>
/// One stimulus or fault at a time on the timeline. <see cref="Action"/> says which; the other fields
/// belong to particular actions (the schema ties them together).
/// </summary>
public sealed class ScenarioStep
{
    /// <summary>Time after timeline 0, ms.</summary>
    public double AtMs { get; set; }

    /// <summary>The step's time moves later by a seeded 0..this µs (so seeds explore the phase against the loop).</summary>
    public int JitterUs { get; set; }

    /// <summary>Which nodes: <c>*</c> (all), a node id, or a 1-based index range <c>3-10</c>.</summary>
    public string Node { get; set; } = "*";

    /// <summary>The action (see the schema for the list).</summary>
    public string Action { get; set; } = "";

    /// <summary>This step is the one the trip latency is measured from (per node it touches).</summary>
    public bool Trigger { get; set; }

    /// <summary>What latency is measured from: <c>force-limit</c> (the force profile crossing the active limit), <c>vision-below-min</c>, or <c>action</c> (the step's time).</summary>
    public string? MeasureFrom { get; set; }

    /// <summary>Force profile parts (force).</summary>
    public List<ForceSpec>? Force { get; set; }

    /// <summary>Vision behaviour (vision).</summary>
    public VisionSpec? Vision { get; set; }

    /// <summary><c>guard</c>, <c>light-curtain</c> or <c>estop</c> (interlock-open, interlock-close).</summary>
    public string? Interlock { get; set; }

    /// <summary>Channel pin 0..5 (channel, stick, unstick).</summary>
    public int? Channel { get; set; }

    /// <summary>Contact closed (channel) or the level a pin sticks at (stick).</summary>
    public bool? Closed { get; set; }

    /// <summary>On or off (bounce, partition, hx711-stuck).</summary>
    public bool? On { get; set; }

    /// <summary><c>high</c>, <c>low</c> or <c>none</c> (adc-rail).</summary>
    public string? Rail { get; set; }

    /// <summary>Extra step time, µs (loop-stall).</summary>
    public int? StallUs { get; set; }

    /// <summary>Steps affected (loop-stall).</summary>
    public int? Steps { get; set; }

    /// <summary>Faults (link-faults) and whose path: <c>node</c> (default) or <c>bridge</c> in <see cref="Target"/>.</summary>
    public LinkSpec? Link { get; set; }

    /// <summary><c>node</c> or <c>bridge</c> (link-faults).</summary>
    public string? Target { get; set; }

    /// <summary>Time off, ms (power-cycle, bridge-restart, torn-write's power-off time).</summary>
    public double? OffMs { get; set; }

    /// <summary>The torn write falls within the next this many journal writes (torn-write).</summary>
    public int? WithinWrites { get; set; }

    /// <summary>Bridge wall-clock step, ms (clock-step).</summary>
    public double? DeltaMs { get; set; }

    /// <summary>Policy to push (policy-push): changes to the active default policy.</summary>
    public PolicySpec? Policy { get; set; }

    /// <summary>Push the policy even though it is invalid, bypassing the bridge's check (policy-push with <c>via: "wire"</c>).</summary>
    public string? Via { get; set; }

    /// <summary>Apply even while tripped (policy-push).</summary>
    public bool Changeover { get; set; }

    /// <summary>Operator id (reset, policy-push).</summary>
    public string? Operator { get; set; }

    /// <summary>How long the reset button is held, ms (reset-button).</summary>
    public double? HoldMs { get; set; }
}

/// <summary>The outcome a scenario must show. Absent parts are not checked; the invariants always are.</summary>
public sealed class Expectation
{
    /// <summary>Every node a trigger step touched trips this way, within the bound.</summary>
    public TripExpectation? Trip { get; set; }

    /// <summary>No node trips at all.</summary>
    public bool NoTrip { get; set; }

    /// <summary>Cases the bridge built.</summary>
    public CaseExpectation? Cases { get; set; }

    /// <summary>Near-miss events stored per touched node, at least.</summary>
    public int? NearMissesMin { get; set; }

    /// <summary>Event types stored, at least this many (type name → count, over all nodes).</summary>
    public Dictionary<string, int>? EventsMin { get; set; }

    /// <summary>Policy outcome.</summary>
    public PolicyExpectation? Policy { get; set; }

    /// <summary>Trip state of every node at the end: <c>tripped</c> or <c>armed</c>.</summary>
    public string? FinalState { get; set; }

    /// <summary>Events lost (published or journaled by a node, not stored by the bridge). Always 0.</summary>
    public int EventsLost { get; set; }

    /// <summary>Cases that describe a trip another case already describes. Always 0.</summary>
    public int DuplicateCases { get; set; }

    /// <summary>Stored events and commands with their audit entry, percent, and the chain intact. Always 100.</summary>
    public double AuditCompletenessPercent { get; set; } = 100;

    /// <summary>Messages the bridge rejected (corruption), at least.</summary>
    public int? RejectedMin { get; set; }

    /// <summary>Repeated events the bridge recognised and stored once, at least.</summary>
    public int? DuplicateEventsMin { get; set; }

    /// <summary>Node reboots (power loss, watchdog), at least.</summary>
    public int? RebootsMin { get; set; }

    /// <summary>Every node sees the bridge online at the end (after reconnecting).</summary>
    public bool AllOnline { get; set; } = true;
}

/// <summary>How a touched node must trip.</summary>
public sealed class TripExpectation
{
    /// <summary>Trip rule name (force-over-limit, interlock-open…).</summary>
    public string Rule { get; set; } = "";

    /// <summary>Response class name (pause, regrip…).</summary>
    public string Response { get; set; } = "";

    /// <summary>Stop output off within this many µs of the reference (virtual time); real-time runs record it only.</summary>
    public long WithinUs { get; set; }

    /// <summary>Channel name, when it matters (guard, estop…).</summary>
    public string? Channel { get; set; }
}

/// <summary>Cases the bridge must hold.</summary>
public sealed class CaseExpectation
{
    /// <summary>Cases per touched node.</summary>
    public int PerNode { get; set; } = 1;

    /// <summary>Cause (trip rule name).</summary>
    public string? Rule { get; set; }

    /// <summary>Response class name.</summary>
    public string? Response { get; set; }

    /// <summary>Case status at the end: open, reset, recovered.</summary>
    public string? Status { get; set; }

    /// <summary>The operator the case's reset names.</summary>
    public string? ResetBy { get; set; }

    /// <summary>Near-misses linked to the case, at least.</summary>
    public int? NearMissesLinkedMin { get; set; }
}

/// <summary>What became of a pushed policy.</summary>
public sealed class PolicyExpectation
{
    /// <summary><c>staged</c>, <c>applied</c> or <c>rejected</c>: the node's answer to the first push that reached it.</summary>
    public string? NodeOutcome { get; set; }

    /// <summary>True when the bridge must refuse a push itself (invalid policy, never sent).</summary>
    public bool BridgeRefused { get; set; }

    /// <summary>Policy id active on every touched node at the end.</summary>
    public uint? ActivePolicyId { get; set; }
}
