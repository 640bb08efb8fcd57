using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Jidoka.Bridge.Audit;
using Jidoka.Bridge.Storage;
using Jidoka.Hil.Scenarios;
using Jidoka.Protocol;

namespace Jidoka.Hil.Measurements;

/// <summary>What the run itself knows beyond the nodes and the store: which nodes the triggers touched, what the bridge refused.</summary>
public sealed class RunContext
{
    /// <summary><c>deterministic</c> or <c>realtime</c>.</summary>
    public string Mode { get; set; } = ScenarioLoader.Deterministic;

    /// <summary>Nodes a trigger step touched (all nodes when the scenario has no trigger).</summary>
    public HashSet<string> Touched { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Commands the bridge refused before sending, each "<c>reason: message</c>" with the reason in the
    /// twin feed's problem-type form (<c>invalid-policy</c>, <c>node-offline</c>…) in both modes.
    /// </summary>
    public List<string> BridgeRefusals { get; } = new();

    /// <summary>Records a refusal; <paramref name="reason"/> may be an error name (<c>InvalidPolicy</c>) or a problem type (<c>urn:jidoka:problem:invalid-policy</c>).</summary>
    public void AddRefusal(string reason, string message)
    {
        ArgumentNullException.ThrowIfNull(reason);
        BridgeRefusals.Add(ReasonName(reason) + ": " + message);
    }

    /// <summary>True when a refusal with <paramref name="reason"/> (problem-type form) was recorded.</summary>
    public bool WasRefused(string reason) => BridgeRefusals.Any(r => r.StartsWith(reason + ":", StringComparison.Ordinal));

    private static string ReasonName(string reason)
    {
        const string urn = "urn:jidoka:problem:";
        if (reason.StartsWith(urn, StringComparison.Ordinal))
        {
            return reason[urn.Length..];
        }

        var kebab = new System.Text.StringBuilder();
        foreach (char c in reason)
        {
            if (char.IsUpper(c) && kebab.Length > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(c));
        }

        return kebab.ToString();
    }

    /// <summary>Other observations of the run, copied to the measurement's notes.</summary>
    public List<string> Notes { get; } = new();
}

/// <summary>
/// Compares the nodes' truth with what the bridge stored, computes the per-run measurements (trip
/// latencies, events lost, duplicate cases, audit completeness, frames lost to gaps) and checks the
/// scenario's expectations. Used by both modes: the deterministic runner reads the running bridge's
/// store, the real-time runner opens the bridge process's SQLite file.
/// </summary>
public static class Assessment
{
    /// <summary>Fills <paramref name="m"/> from <paramref name="truths"/> and <paramref name="store"/> and checks <paramref name="scenario"/>'s expectations.</summary>
    public static void Measure(Scenario scenario, IReadOnlyList<NodeTruth> truths, IBridgeStore store, RunContext context, RunMeasurement m)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(truths);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(m);
        CancellationToken none = CancellationToken.None;
        var eventsByNode = new Dictionary<string, List<EventRecord>>(StringComparer.Ordinal);
        foreach (NodeTruth t in truths)
        {
            eventsByNode[t.NodeId] = store.QueryEventsAsync(new EventQuery(t.NodeId, Limit: 1_000_000), none).GetAwaiter().GetResult().OrderBy(e => e.EventId).ToList();
        }

        IReadOnlyList<CaseRecord> cases = store.QueryCasesAsync(new CaseQuery(Limit: 1_000_000), none).GetAwaiter().GetResult();
        IReadOnlyList<NodeRecord> nodes = store.ListNodesAsync(none).GetAwaiter().GetResult();
        IReadOnlyList<CommandRecord> commands = store.QueryCommandsAsync(null, 1_000_000, none).GetAwaiter().GetResult();
        List<AuditRecord> audit = ReadAudit(store);
        AuditVerification verification = AuditVerifier.VerifyAsync(store, none).GetAwaiter().GetResult();

        MeasureEvents(truths, eventsByNode, m);
        m.LongestLoopStepUs = truths.Count == 0 ? 0 : truths.Max(t => t.MaxStepUs);
        m.LoopOverruns = truths.Sum(t => t.Overruns);
        MeasureCases(cases, eventsByNode, m);
        MeasureAudit(eventsByNode, commands, audit, verification, m);
        foreach (NodeRecord n in nodes)
        {
            m.FramesStored += n.Counters.FramesStored;
            m.FramesLostToGaps += n.Counters.FramesLost;
            m.FramesDuplicate += n.Counters.FramesDuplicate;
            m.FramesReordered += n.Counters.FramesReordered;
            m.MessagesRejected += n.Counters.MessagesRejected;
            m.EventsDuplicateAtBridge += n.Counters.EventsDuplicate;
            m.EventsReplayed += n.Counters.EventsReplayed;
        }

        foreach (NodeTruth t in truths)
        {
            m.FramesPublished += t.FramesPublished;
            m.FramesDroppedByNodes += t.FramesDropped;
            m.NodeReboots += Math.Max(0, t.Boots - 1);
        }

        MeasureTrips(truths, eventsByNode, cases, m);
        m.Notes.AddRange(context.BridgeRefusals.Select(r => "bridge refused a command: " + r));
        m.Notes.AddRange(context.Notes);
        Check(scenario, truths, eventsByNode, cases, context, m);
    }

    private static List<AuditRecord> ReadAudit(IBridgeStore store)
    {
        var records = new List<AuditRecord>();
        long after = 0;
        while (true)
        {
            IReadOnlyList<AuditRecord> page = store.ReadAuditAsync(after, 5000, CancellationToken.None).GetAwaiter().GetResult();
            if (page.Count == 0)
            {
                return records;
            }

            records.AddRange(page);
            after = page[^1].Seq;
        }
    }

    private static void MeasureEvents(IReadOnlyList<NodeTruth> truths, Dictionary<string, List<EventRecord>> eventsByNode, RunMeasurement m)
    {
        foreach (NodeTruth t in truths)
        {
            Dictionary<ulong, EventRecord> stored = eventsByNode[t.NodeId].ToDictionary(e => e.EventId);
            m.EventsStored += stored.Count;
            m.EventsPublished += t.Published.Count;
            var expected = new Dictionary<ulong, EventFact>();
            foreach (EventFact f in t.Published.Concat(t.Unacknowledged))
            {
                expected.TryAdd(f.EventId, f);
            }

            var excusedGaps = new HashSet<ulong>();
            foreach (EventFact f in t.InRamAtCut)
            {
                if (expected.ContainsKey(f.EventId) || stored.ContainsKey(f.EventId))
                {
                    continue;
                }

                if (f.Type == EventTypeNames.Name(EventType.Trip))
                {
                    // A trip is protected evidence: the latch record carries it across a power cut.
                    expected.TryAdd(f.EventId, f);
                }
                else
                {
                    m.UnpublishedLostAtPowerCut++;
                    excusedGaps.Add(f.EventId);
                }
            }

            foreach (EventFact f in expected.Values.OrderBy(f => f.EventId))
            {
                if (!stored.TryGetValue(f.EventId, out EventRecord? s))
                {
                    Lost(m, $"{t.NodeId}: {f} not stored");
                }
                else if (s.BootId != f.BootId || s.MonoUs != f.MonoUs || EventTypeNames.Name(s.Type) != f.Type)
                {
                    Lost(m, $"{t.NodeId}: {f} stored as another event ({EventTypeNames.Name(s.Type)}, boot {s.BootId}, {s.MonoUs} µs)");
                }
            }

            foreach (EventFact f in t.IdConflicts)
            {
                Lost(m, $"{t.NodeId}: id {f.EventId} reused for {f}");
            }

            // Ids are assigned one by one within a boot: a hole in the stored ids of a boot is an event
            // the node made and the bridge never got (unless it died in RAM at a power cut).
            foreach (IGrouping<uint, EventRecord> boot in stored.Values.GroupBy(e => e.BootId))
            {
                ulong[] ids = boot.Select(e => e.EventId).OrderBy(id => id).ToArray();
                for (int i = 1; i < ids.Length; i++)
                {
                    for (ulong missing = ids[i - 1] + 1; missing < ids[i]; missing++)
                    {
                        if (!excusedGaps.Contains(missing) && !stored.ContainsKey(missing))
                        {
                            Lost(m, $"{t.NodeId}: event id {missing} of boot {boot.Key} missing between stored ids");
                        }
                    }
                }
            }
        }
    }

    private static void Lost(RunMeasurement m, string what)
    {
        m.EventsLost++;
        if (m.LostEvents.Count < 50)
        {
            m.LostEvents.Add(what);
        }
    }

    private static void MeasureCases(IReadOnlyList<CaseRecord> cases, Dictionary<string, List<EventRecord>> eventsByNode, RunMeasurement m)
    {
        m.Cases = cases.Count;
        m.DuplicateCases = cases.GroupBy(c => (c.NodeId, c.BootId, c.Decision.DetectMonoUs, c.Decision.Rule)).Sum(g => g.Count() - 1);
        var withCase = cases.Select(c => (c.NodeId, c.TripEventId)).ToHashSet();
        m.TripsWithoutCase = eventsByNode.Values.SelectMany(l => l).Count(e => e.Type == EventType.Trip && !withCase.Contains((e.NodeId, e.EventId)));
    }

    private static void MeasureAudit(Dictionary<string, List<EventRecord>> eventsByNode, IReadOnlyList<CommandRecord> commands, List<AuditRecord> audit, AuditVerification verification, RunMeasurement m)
    {
        var entries = audit.Select(a => (a.Entry.Kind, a.Entry.NodeId, a.Entry.Subject)).ToHashSet();
        int total = 0;
        int matched = 0;
        foreach (EventRecord e in eventsByNode.Values.SelectMany(l => l))
        {
            total++;
            matched += entries.Contains((AuditKinds.Event, e.NodeId, "event/" + e.EventId.ToString(CultureInfo.InvariantCulture))) ? 1 : 0;
        }

        foreach (CommandRecord c in commands)
        {
            total++;
            matched += entries.Contains((AuditKinds.Command, c.NodeId, "command/" + c.CommandId.ToString(CultureInfo.InvariantCulture))) ? 1 : 0;
        }

        m.AuditCompletenessPercent = total == 0 ? 100 : Math.Round(100.0 * matched / total, 3);
        m.AuditIntact = verification.IsIntact;
        if (!verification.IsIntact)
        {
            m.Notes.Add("audit findings: " + string.Join("; ", verification.Findings));
        }
    }

    private static void MeasureTrips(IReadOnlyList<NodeTruth> truths, Dictionary<string, List<EventRecord>> eventsByNode, IReadOnlyList<CaseRecord> cases, RunMeasurement m)
    {
        foreach (NodeTruth t in truths)
        {
            List<EventRecord> trips = eventsByNode[t.NodeId].Where(e => e.Type == EventType.Trip).OrderBy(e => e.EventId).ToList();
            int k = 0;
            foreach (TriggerObservation trigger in t.Triggers.OrderBy(o => o.ReferenceUs))
            {
                EventRecord? trip = k < trips.Count ? trips[k] : null;
                k++;
                CaseRecord? c = trip == null ? null : cases.FirstOrDefault(x => x.NodeId == t.NodeId && x.TripEventId == trip.EventId);
                m.Trips.Add(new TripMeasurement
                {
                    NodeId = t.NodeId,
                    Rule = trip == null ? "" : TripRuleNames.Name(trip.Record.Rule),
                    Response = trip == null ? "" : ResponseClassNames.Name(trip.Record.Response),
                    LatencyUs = trigger.LatencyUs,
                    NodeTimeToSafeStateUs = trip?.Record.LatencyUs,
                    StopOffCause = trigger.StopOffCause ?? "",
                    EventId = trip?.EventId ?? 0,
                    CaseId = c?.CaseId ?? 0,
                });
            }
        }
    }

    private static void Check(Scenario s, IReadOnlyList<NodeTruth> truths, Dictionary<string, List<EventRecord>> eventsByNode, IReadOnlyList<CaseRecord> cases, RunContext context, RunMeasurement m)
    {
        Expectation x = s.Expect;
        void Fail(string what) => m.Failures.Add(what);
        IEnumerable<string> touched = context.Touched.OrderBy(n => n, StringComparer.Ordinal);

        if (m.EventsLost != x.EventsLost)
        {
            Fail($"events lost: {m.EventsLost}, expected {x.EventsLost} ({string.Join("; ", m.LostEvents.Take(5))})");
        }

        if (m.DuplicateCases != x.DuplicateCases)
        {
            Fail($"duplicate cases: {m.DuplicateCases}, expected {x.DuplicateCases}");
        }

        if (m.TripsWithoutCase != 0)
        {
            Fail($"{m.TripsWithoutCase} stored trip(s) without a case");
        }

        if (m.AuditCompletenessPercent < x.AuditCompletenessPercent || !m.AuditIntact)
        {
            Fail($"audit completeness {m.AuditCompletenessPercent} % (expected {x.AuditCompletenessPercent} %), chain intact: {m.AuditIntact}");
        }

        if (x.Trip != null)
        {
            foreach (TripMeasurement trip in m.Trips)
            {
                if (trip.EventId == 0)
                {
                    Fail($"{trip.NodeId}: no trip stored for its trigger");
                    continue;
                }

                if (trip.Rule != x.Trip.Rule || trip.Response != x.Trip.Response)
                {
                    Fail($"{trip.NodeId}: tripped {trip.Rule}/{trip.Response}, expected {x.Trip.Rule}/{x.Trip.Response}");
                }

                if (trip.LatencyUs == null)
                {
                    Fail($"{trip.NodeId}: the stop output never went off after the trigger");
                }
                else if (context.Mode == ScenarioLoader.Deterministic && trip.LatencyUs > x.Trip.WithinUs)
                {
                    Fail($"{trip.NodeId}: trip latency {trip.LatencyUs} µs over the bound {x.Trip.WithinUs} µs");
                }
            }

            if (m.Trips.Count == 0)
            {
                Fail("no trigger reached a node");
            }

            if (x.Trip.Channel != null)
            {
                foreach (string node in touched)
                {
                    EventRecord? first = eventsByNode[node].FirstOrDefault(e => e.Type == EventType.Trip);
                    if (first != null && InputChannelNames.Name(first.Record.Channel) != x.Trip.Channel)
                    {
                        Fail($"{node}: trip channel {InputChannelNames.Name(first.Record.Channel)}, expected {x.Trip.Channel}");
                    }
                }
            }
        }

        if (x.NoTrip)
        {
            int trips = eventsByNode.Values.SelectMany(l => l).Count(e => e.Type == EventType.Trip);
            if (trips > 0 || cases.Count > 0)
            {
                Fail($"expected no trip, the bridge stored {trips} trip(s) and {cases.Count} case(s)");
            }
        }

        if (x.Cases != null)
        {
            foreach (string node in touched)
            {
                List<CaseRecord> mine = cases.Where(c => c.NodeId == node).ToList();
                if (mine.Count != x.Cases.PerNode)
                {
                    Fail($"{node}: {mine.Count} case(s), expected {x.Cases.PerNode}");
                }

                foreach (CaseRecord c in mine)
                {
                    if (x.Cases.Rule != null && TripRuleNames.Name(c.Decision.Rule) != x.Cases.Rule)
                    {
                        Fail($"{node}: case {c.CaseId} cause {TripRuleNames.Name(c.Decision.Rule)}, expected {x.Cases.Rule}");
                    }

                    if (x.Cases.Response != null && ResponseClassNames.Name(c.Response) != x.Cases.Response)
                    {
                        Fail($"{node}: case {c.CaseId} response {ResponseClassNames.Name(c.Response)}, expected {x.Cases.Response}");
                    }

                    if (x.Cases.Status != null && !string.Equals(c.Status.ToString(), x.Cases.Status, StringComparison.OrdinalIgnoreCase))
                    {
                        Fail($"{node}: case {c.CaseId} status {c.Status}, expected {x.Cases.Status}");
                    }

                    if (x.Cases.ResetBy != null && c.ResetBy != x.Cases.ResetBy)
                    {
                        Fail($"{node}: case {c.CaseId} reset by '{c.ResetBy}', expected '{x.Cases.ResetBy}'");
                    }

                    if (x.Cases.NearMissesLinkedMin is int linked && c.NearMissCount < linked)
                    {
                        Fail($"{node}: case {c.CaseId} links {c.NearMissCount} near-miss(es), expected at least {linked}");
                    }
                }
            }
        }

        if (x.NearMissesMin is int nearMisses)
        {
            foreach (string node in touched)
            {
                int n = eventsByNode[node].Count(e => e.Type == EventType.NearMiss);
                if (n < nearMisses)
                {
                    Fail($"{node}: {n} near-miss(es) stored, expected at least {nearMisses}");
                }
            }
        }

        foreach (KeyValuePair<string, int> pair in x.EventsMin ?? new Dictionary<string, int>())
        {
            int n = eventsByNode.Values.SelectMany(l => l).Count(e => EventTypeNames.Name(e.Type) == pair.Key);
            if (n < pair.Value)
            {
                Fail($"{n} {pair.Key} event(s) stored, expected at least {pair.Value}");
            }
        }

        if (x.Policy != null)
        {
            if (x.Policy.BridgeRefused && !context.WasRefused("invalid-policy"))
            {
                Fail("the bridge did not refuse the invalid policy");
            }

            foreach (string node in touched)
            {
                if (x.Policy.NodeOutcome != null)
                {
                    EventRecord? first = eventsByNode[node].FirstOrDefault(e => e.Type is EventType.PolicyApplied or EventType.PolicyStaged or EventType.PolicyRejected or EventType.CommandRejected);
                    string outcome = first?.Type switch
                    {
                        EventType.PolicyApplied => "applied",
                        EventType.PolicyStaged => "staged",
                        EventType.PolicyRejected or EventType.CommandRejected => "rejected",
                        _ => "none",
                    };
                    if (outcome != x.Policy.NodeOutcome)
                    {
                        Fail($"{node}: policy {outcome} at the node, expected {x.Policy.NodeOutcome}");
                    }
                }

                NodeTruth truth = truths.First(t => t.NodeId == node);
                if (x.Policy.ActivePolicyId is uint active && truth.ActivePolicyId != active)
                {
                    Fail($"{node}: policy {truth.ActivePolicyId} active at the end, expected {active}");
                }
            }
        }

        if (x.FinalState != null)
        {
            foreach (NodeTruth t in truths.Where(t => context.Touched.Contains(t.NodeId)))
            {
                if (t.FinalState != x.FinalState)
                {
                    Fail($"{t.NodeId}: {t.FinalState} at the end, expected {x.FinalState}");
                }
            }
        }

        if (x.RejectedMin is int rejected && m.MessagesRejected < rejected)
        {
            Fail($"the bridge rejected {m.MessagesRejected} message(s), expected at least {rejected}");
        }

        if (x.DuplicateEventsMin is int duplicates && m.EventsDuplicateAtBridge < duplicates)
        {
            Fail($"the bridge recognised {m.EventsDuplicateAtBridge} repeated event(s), expected at least {duplicates}");
        }

        if (x.RebootsMin is int reboots && m.NodeReboots < reboots)
        {
            Fail($"{m.NodeReboots} node reboot(s), expected at least {reboots}");
        }

        if (x.AllOnline)
        {
            foreach (NodeTruth t in truths.Where(t => !t.HostOnline))
            {
                Fail($"{t.NodeId}: does not see the bridge online at the end ({t.FinalState})");
            }
        }
    }
}
