using System;
using System.Collections.Generic;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Sessions;

/// <summary>
/// The bridge's working state for one node: its current boot and frame sequence, its last status, the
/// event ids it recently stored and its counters. Owned by the ingest engine (one thread); others see
/// it through <see cref="ToRecord"/> snapshots.
/// </summary>
public sealed class NodeSession
{
    private readonly int _recentEventCapacity;
    private readonly HashSet<ulong> _recentEventIds = new();
    private readonly Queue<ulong> _recentEventOrder = new();
    private readonly Dictionary<RejectReason, long> _rejects = new();
    private readonly int _windowFrames;
    private readonly long _windowUs;
    private NodeRecord _record;

    /// <summary>Creates the session from a stored (or new) node record.</summary>
    public NodeSession(NodeRecord record, int windowFrames, long windowUs, int recentEventCapacity)
    {
        ArgumentNullException.ThrowIfNull(record);
        _record = record;
        _windowFrames = windowFrames;
        _windowUs = windowUs;
        _recentEventCapacity = recentEventCapacity;
        Counters = new NodeCounterSet(record.Counters);
        Frames = new FrameSequenceTracker(windowFrames, windowUs);
        foreach (KeyValuePair<RejectReason, long> pair in record.Rejects)
        {
            _rejects[pair.Key] = pair.Value;
        }

        if (record.HasFrameSequence)
        {
            Frames.Restore(record.LastFrameSequence);
        }
    }

    /// <summary>Node id.</summary>
    public string NodeId => _record.NodeId;

    /// <summary>Cell id.</summary>
    public string CellId => _record.CellId;

    /// <summary>Current boot id, 0 before any was seen.</summary>
    public uint BootId => _record.BootId;

    /// <summary>The current boot's frame sequence.</summary>
    public FrameSequenceTracker Frames { get; private set; }

    /// <summary>The counters, bumped in place.</summary>
    public NodeCounterSet Counters { get; }

    /// <summary>True when something changed since the last stored snapshot.</summary>
    public bool Dirty { get; set; }

    /// <summary>The node's record as last changed (counters as of the last <see cref="ToRecord"/>).</summary>
    public NodeRecord Record => _record;

    /// <summary>Applies <paramref name="change"/> to the record and marks the session dirty.</summary>
    public void Update(Func<NodeRecord, NodeRecord> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _record = change(_record);
        Dirty = true;
    }

    /// <summary>Notes that a message from the node arrived at <paramref name="receivedUnixUs"/>.</summary>
    public void Seen(long receivedUnixUs)
    {
        if (receivedUnixUs > _record.LastSeenUnixUs)
        {
            _record = _record with { LastSeenUnixUs = receivedUnixUs };
        }

        Dirty = true;
    }

    /// <summary>Relates <paramref name="bootId"/> to the session; on a reboot the old boot's gaps are closed and a new sequence starts.</summary>
    public BootObservation ObserveBoot(uint bootId)
    {
        uint current = _record.BootId;
        if (bootId == current)
        {
            return BootObservation.Current;
        }

        if (current != 0 && bootId < current)
        {
            return BootObservation.EarlierBoot;
        }

        Frames.ConfirmAll(Counters);
        Frames = new FrameSequenceTracker(_windowFrames, _windowUs);
        bool first = current == 0;
        if (!first)
        {
            Counters.RebootsDetected++;
        }

        _record = _record with { BootId = bootId };
        Dirty = true;
        return first ? BootObservation.FirstBoot : BootObservation.Rebooted;
    }

    /// <summary>Counts a rejected message.</summary>
    public void Reject(RejectReason reason)
    {
        _rejects.TryGetValue(reason, out long count);
        _rejects[reason] = count + 1;
        Counters.MessagesRejected++;
        Dirty = true;
    }

    /// <summary>True when <paramref name="eventId"/> was stored recently (no database look-up needed).</summary>
    public bool RecentlyStored(ulong eventId) => _recentEventIds.Contains(eventId);

    /// <summary>Remembers <paramref name="eventId"/> as stored; call only after the commit.</summary>
    public void RememberStored(ulong eventId)
    {
        if (!_recentEventIds.Add(eventId))
        {
            return;
        }

        _recentEventOrder.Enqueue(eventId);
        while (_recentEventOrder.Count > _recentEventCapacity)
        {
            _recentEventIds.Remove(_recentEventOrder.Dequeue());
        }
    }

    /// <summary>A snapshot for the store and for readers, with live sequence, counters and rejections folded in.</summary>
    public NodeRecord ToRecord()
    {
        _record = _record with
        {
            HasFrameSequence = Frames.HasHighest,
            LastFrameSequence = Frames.Highest,
            Counters = Counters.ToRecord(),
            Rejects = new Dictionary<RejectReason, long>(_rejects),
        };
        return _record;
    }
}
