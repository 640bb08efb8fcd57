using System;
using System.Collections.Generic;
using System.Linq;
using Jidoka.Hil.Measurements;
using Jidoka.Node;
using Jidoka.Protocol;
using Jidoka.SimBoard.Io;
using Jidoka.SimBoard.Nodes;

namespace Jidoka.Hil.Simulation;

/// <summary>
/// Watches one simulated node from the rig's side: taps every publish (events by id, frames counted),
/// snapshots the journal's RAM at every power cut, and records trigger references. Thread-safe: in real
/// time the tap runs on the node's communication thread.
/// </summary>
public sealed class NodeObserver
{
    private readonly object _sync = new();
    private readonly SimulatedNode _node;
    private readonly Dictionary<ulong, EventFact> _published = new();
    private readonly List<EventFact> _conflicts = new();
    private readonly List<EventFact> _ram = new();
    private readonly List<(int Step, ulong ReferenceUs)> _triggers = new();
    private readonly EventMessage _decoded = new();
    private long _frames;

    /// <summary>Attaches to <paramref name="node"/> (before it is powered on, so nothing is missed).</summary>
    public NodeObserver(SimulatedNode node)
    {
        _node = node ?? throw new ArgumentNullException(nameof(node));
        node.Published += OnPublished;
        node.Store.PowerCut += _ => CaptureRamAtCut();
    }

    /// <summary>The node.</summary>
    public SimulatedNode Node => _node;

    /// <summary>Records a trigger reference (physical µs) of timeline step <paramref name="step"/>.</summary>
    public void AddTrigger(int step, ulong referenceUs)
    {
        lock (_sync)
        {
            _triggers.Add((step, referenceUs));
        }
    }

    /// <summary>Distinct event ids published so far.</summary>
    public int PublishedEvents
    {
        get
        {
            lock (_sync)
            {
                return _published.Count;
            }
        }
    }

    /// <summary>
    /// Call right after the rig cuts the node's power (power-cycle): what the dead core's journal held.
    /// Torn writes call it by themselves.
    /// </summary>
    public void CaptureRamAtCut()
    {
        NodeCore? core = _node.LastCore;
        if (core == null)
        {
            return;
        }

        List<EventFact> facts = Journal(core);
        lock (_sync)
        {
            _ram.AddRange(facts);
        }
    }

    /// <summary>The node's truth now (the run is over, or paused).</summary>
    public NodeTruth Snapshot()
    {
        var truth = new NodeTruth { NodeId = _node.NodeId, Boots = _node.Boots.Count };
        NodeCore? core = _node.Core;
        if (core != null)
        {
            truth.Unacknowledged = Journal(core);
            lock (core.Sync)
            {
                truth.FinalState = TripStateNames.Name(core.Context.Latch.State);
                truth.ActivePolicyId = core.Context.Policy.PolicyId;
                truth.StagedPolicyId = core.Context.HasStagedPolicy ? core.Context.StagedPolicy.PolicyId : 0;
                truth.FramesDropped = core.Context.Frames.Dropped;
                truth.Overruns = core.Context.Overruns;
                truth.MaxStepUs = core.Context.MaxStepUs;
            }

            truth.HostOnline = core.Comms.HostOnline;
        }

        lock (_sync)
        {
            truth.Published = _published.Values.OrderBy(e => e.EventId).ToList();
            truth.IdConflicts = _conflicts.ToList();
            truth.InRamAtCut = _ram.ToList();
            truth.FramesPublished = _frames;
            foreach ((int step, ulong reference) in _triggers)
            {
                var observation = new TriggerObservation { StepIndex = step, ReferenceUs = reference };
                // A trip cannot precede its cause by more than the sampling of noise around a limit; 20 ms
                // of look-back keeps a noisy slow crossing measurable (as a negative latency) without
                // reaching back to an earlier, unrelated stop.
                ulong from = reference > 20_000 ? reference - 20_000 : 0;
                if (_node.StopOutput.TryFindTransition(false, from, out OutputTransition off))
                {
                    observation.StopOffUs = off.PhysicalUs;
                    observation.StopOffCause = off.Cause.ToString();
                }

                truth.Triggers.Add(observation);
            }
        }

        return truth;
    }

    private static List<EventFact> Journal(NodeCore core)
    {
        var facts = new List<EventFact>();
        lock (core.Sync)
        {
            Jidoka.Node.Journal.EventJournal journal = core.Context.Journal;
            for (int i = 0; i < journal.Capacity; i++)
            {
                if (journal.IsUsed(i))
                {
                    EventMessage e = journal.At(i);
                    facts.Add(new EventFact { EventId = e.EventId, BootId = e.BootId, MonoUs = e.MonoUs, Type = EventTypeNames.Name(e.Type) });
                }
            }
        }

        return facts;
    }

    private void OnPublished(string topic, byte[] payload, int length)
    {
        if (!Topics.TryParse(topic, out string _, out string _, out TopicKind kind))
        {
            return;
        }

        lock (_sync)
        {
            if (kind == TopicKind.Frame)
            {
                _frames++;
                return;
            }

            if (kind != TopicKind.Event || !EventCodec.TryDecode(payload, 0, length, _decoded).IsAccepted)
            {
                return;
            }

            var fact = new EventFact { EventId = _decoded.EventId, BootId = _decoded.BootId, MonoUs = _decoded.MonoUs, Type = EventTypeNames.Name(_decoded.Type) };
            if (!_published.TryGetValue(fact.EventId, out EventFact? first))
            {
                _published[fact.EventId] = fact;
            }
            else if (!first.SameAs(fact))
            {
                _conflicts.Add(fact);
            }
        }
    }
}
