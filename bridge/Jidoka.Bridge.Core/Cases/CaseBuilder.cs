using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Cases;

/// <summary>
/// Turns trips into exception cases and keeps each case growing as its evidence arrives: the sample
/// window (frames may arrive after the trip event), near-misses that preceded it, the reset and who
/// made it, and the first good frame after the reset. Called by the ingest engine on its one thread,
/// inside a batch; every change goes into that batch's transaction.
/// </summary>
public sealed class CaseBuilder
{
    private const int ResetLookupLimit = 200;
    private readonly IBridgeStore _store;
    private readonly CaseOptions _options;
    private readonly Dictionary<string, List<CaseRecord>> _unfinished = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CaseRecord> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<long, CaseRecord> _changed = new();
    private readonly List<EventRecord> _batchNearMisses = new();
    private readonly List<EventRecord> _batchResets = new();
    private readonly HashSet<ulong> _linkedInBatch = new();
    private long _nextCaseId = 1;

    /// <summary>Creates a builder over <paramref name="store"/>.</summary>
    public CaseBuilder(IBridgeStore store, CaseOptions options)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Cases not finished yet (for diagnostics and tests).</summary>
    public int UnfinishedCount => _unfinished.Values.Sum(list => list.Count);

    /// <summary>(Re)loads the unfinished cases and the latest case per node from the store.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        _unfinished.Clear();
        _latest.Clear();
        _changed.Clear();
        foreach (CaseRecord record in await _store.ListUnfinishedCasesAsync(cancellationToken).ConfigureAwait(false))
        {
            UnfinishedOf(record.NodeId).Add(record);
        }

        foreach (CaseRecord record in await _store.ListLatestCasePerNodeAsync(cancellationToken).ConfigureAwait(false))
        {
            _latest[record.NodeId] = record;
        }

        _nextCaseId = await _store.GetMaxCaseIdAsync(cancellationToken).ConfigureAwait(false) + 1;
    }

    /// <summary>Starts a batch.</summary>
    public void BeginBatch()
    {
        _changed.Clear();
        _batchNearMisses.Clear();
        _batchResets.Clear();
        _linkedInBatch.Clear();
    }

    /// <summary>Handles a newly stored event (trip, reset or near-miss; others are ignored).</summary>
    public async Task OnEventAsync(EventRecord record, string cellId, long nowUnixUs, WriteBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(batch);
        switch (record.Type)
        {
            case EventType.Trip:
                await OnTripAsync(record, cellId, nowUnixUs, batch, cancellationToken).ConfigureAwait(false);
                break;
            case EventType.Reset:
                await OnResetAsync(record, cancellationToken).ConfigureAwait(false);
                break;
            case EventType.NearMiss:
                OnNearMiss(record, batch);
                break;
        }
    }

    /// <summary>Handles a stored frame: window completion and quality recovery.</summary>
    public void OnFrame(FrameRecord frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!_unfinished.TryGetValue(frame.NodeId, out List<CaseRecord>? cases))
        {
            return;
        }

        for (int i = 0; i < cases.Count; i++)
        {
            CaseRecord current = cases[i];
            CaseRecord next = current;
            if (!next.WindowComplete && (frame.BootId > next.BootId || (frame.BootId == next.BootId && frame.LastSampleMonoUs >= next.WindowToMonoUs)))
            {
                next = next with { WindowComplete = true };
            }

            if (next.Status == CaseStatus.Reset && frame.BootId == next.ResetBootId && frame.FirstSampleMonoUs >= next.ResetMonoUs && IsGood(frame))
            {
                next = Recover(next, frame);
            }

            if (!ReferenceEquals(next, current))
            {
                Change(next);
            }
        }
    }

    /// <summary>A node rebooted: windows of cases in earlier boots cannot grow any more.</summary>
    public void OnReboot(string nodeId, uint newBootId)
    {
        if (!_unfinished.TryGetValue(nodeId, out List<CaseRecord>? cases))
        {
            return;
        }

        foreach (CaseRecord record in cases.ToList())
        {
            if (!record.WindowComplete && record.BootId < newBootId)
            {
                Change(record with { WindowComplete = true });
            }
        }
    }

    /// <summary>Adds this batch's case changes to <paramref name="batch"/>.</summary>
    public void Flush(WriteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Cases.AddRange(_changed.Values.OrderBy(c => c.CaseId));
    }

    /// <summary>The batch committed: forget finished cases.</summary>
    public void Committed()
    {
        foreach (List<CaseRecord> cases in _unfinished.Values)
        {
            cases.RemoveAll(c => c.Status == CaseStatus.Recovered && c.WindowComplete);
        }

        _changed.Clear();
    }

    /// <summary>True for a frame that shows the node back to good quality: not tripped, not degraded.</summary>
    public static bool IsGood(FrameRecord frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return (frame.Flags & (FrameFlags.Tripped | FrameFlags.Degraded)) == 0;
    }

    private async Task OnTripAsync(EventRecord trip, string cellId, long nowUnixUs, WriteBatch batch, CancellationToken cancellationToken)
    {
        DecisionRecord decision = trip.Record;
        ulong detect = decision.DetectMonoUs;
        ulong beforeUs = (ulong)_options.WindowBeforeMs * 1000UL;
        ulong afterUs = (ulong)_options.WindowAfterMs * 1000UL;
        long detectWall = trip.WallSource == WallTimeSource.BridgeReceipt
            ? trip.WallUnixUs - (long)(trip.MonoUs - Math.Min(detect, trip.MonoUs))
            : trip.WallUnixUs - ((long)trip.MonoUs - (long)detect);
        var record = new CaseRecord
        {
            CaseId = _nextCaseId++,
            NodeId = trip.NodeId,
            CellId = cellId,
            TripEventId = trip.EventId,
            BootId = trip.BootId,
            Status = CaseStatus.Open,
            OpenedUnixUs = nowUnixUs,
            Decision = trip.Record,
            Provenance = trip.Provenance,
            TripWallUnixUs = detectWall,
            TripWallSource = trip.WallSource,
            Historical = trip.Historical,
            WindowFromMonoUs = detect > beforeUs ? detect - beforeUs : 0,
            WindowToMonoUs = detect + afterUs,
        };

        if (await _store.HasFrameReachingAsync(trip.NodeId, trip.BootId, record.WindowToMonoUs, cancellationToken).ConfigureAwait(false))
        {
            record = record with { WindowComplete = true };
        }

        // Near-misses of the same boot in the link window before detection that no case holds yet.
        ulong linkUs = (ulong)_options.NearMissLinkWindowMs * 1000UL;
        ulong from = detect > linkUs ? detect - linkUs : 0;
        var candidates = new List<EventRecord>(await _store.FindUnlinkedNearMissesAsync(trip.NodeId, trip.BootId, from, detect, cancellationToken).ConfigureAwait(false));
        candidates.AddRange(_batchNearMisses.Where(n => n.NodeId == trip.NodeId && n.BootId == trip.BootId && n.MonoUs >= from && n.MonoUs <= detect));
        int linked = 0;
        foreach (EventRecord nearMiss in candidates)
        {
            if (_linkedInBatch.Add(nearMiss.EventId))
            {
                batch.NearMissLinks.Add(new NearMissLink(trip.NodeId, nearMiss.EventId, record.CaseId));
                linked++;
            }
        }

        record = record with { NearMissCount = linked };
        UnfinishedOf(trip.NodeId).Add(record);
        Change(record);

        // A reset that reached the bridge before its trip (replays can reorder) is applied now.
        EventRecord? earlyReset = _batchResets.FirstOrDefault(r => r.NodeId == trip.NodeId && r.Record.RelatedEventId == trip.EventId);
        if (earlyReset == null)
        {
            IReadOnlyList<EventRecord> resets = await _store.QueryEventsAsync(new EventQuery(trip.NodeId, EventType.Reset, Limit: ResetLookupLimit), cancellationToken).ConfigureAwait(false);
            earlyReset = resets.FirstOrDefault(r => r.Record.RelatedEventId == trip.EventId);
        }

        if (earlyReset != null)
        {
            await ApplyResetAsync(record, earlyReset, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task OnResetAsync(EventRecord reset, CancellationToken cancellationToken)
    {
        _batchResets.Add(reset);
        if (!_unfinished.TryGetValue(reset.NodeId, out List<CaseRecord>? cases))
        {
            return;
        }

        ulong related = reset.Record.RelatedEventId;
        CaseRecord? target = related != 0
            ? cases.FirstOrDefault(c => c.TripEventId == related)
            : cases.LastOrDefault(c => c.Status == CaseStatus.Open);
        if (target != null && target.Status == CaseStatus.Open)
        {
            await ApplyResetAsync(target, reset, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ApplyResetAsync(CaseRecord target, EventRecord reset, CancellationToken cancellationToken)
    {
        CaseRecord next = target with
        {
            Status = CaseStatus.Reset,
            ResetEventId = reset.EventId,
            ResetBootId = reset.BootId,
            ResetMonoUs = reset.MonoUs,
            ResetSource = (ResetSource)reset.Record.ReasonCode,
            ResetBy = reset.Record.OperatorId,
            TimeToResetUs = Elapsed(target, reset.BootId, reset.MonoUs, reset.WallUnixUs, reset.WallSource),
        };

        FrameRecord? good = await _store.FindFirstGoodFrameAsync(reset.NodeId, reset.BootId, reset.MonoUs, cancellationToken).ConfigureAwait(false);
        if (good != null)
        {
            next = Recover(next, good);
        }

        Change(next);
    }

    private void OnNearMiss(EventRecord nearMiss, WriteBatch batch)
    {
        _batchNearMisses.Add(nearMiss);

        // A near-miss that arrives after the trip it preceded (replays can reorder) joins that case.
        if (_latest.TryGetValue(nearMiss.NodeId, out CaseRecord? latest)
            && latest.BootId == nearMiss.BootId
            && nearMiss.MonoUs <= latest.Decision.DetectMonoUs
            && latest.Decision.DetectMonoUs - nearMiss.MonoUs <= (ulong)_options.NearMissLinkWindowMs * 1000UL
            && _linkedInBatch.Add(nearMiss.EventId))
        {
            batch.NearMissLinks.Add(new NearMissLink(nearMiss.NodeId, nearMiss.EventId, latest.CaseId));
            Change(latest with { NearMissCount = latest.NearMissCount + 1 });
        }
    }

    private static CaseRecord Recover(CaseRecord record, FrameRecord frame) => record with
    {
        Status = CaseStatus.Recovered,
        RecoveredFrameSequence = frame.FrameSequence,
        RecoveredMonoUs = frame.FirstSampleMonoUs,
        TimeToRecoverQualityUs = Elapsed(record, frame.BootId, frame.FirstSampleMonoUs, frame.WallStartUnixUs, frame.WallSource),
    };

    // Node-measured time from detection: the monotonic clock when both lie in one boot (exact), wall
    // time when a reboot lies between and both ends were synced, otherwise unknown.
    private static long? Elapsed(CaseRecord record, uint bootId, ulong monoUs, long wallUnixUs, WallTimeSource source)
    {
        if (bootId == record.BootId)
        {
            return (long)monoUs - (long)record.Decision.DetectMonoUs;
        }

        bool bothSynced = source != WallTimeSource.BridgeReceipt && record.TripWallSource != WallTimeSource.BridgeReceipt;
        return bothSynced ? wallUnixUs - record.TripWallUnixUs : null;
    }

    private void Change(CaseRecord record)
    {
        _changed[record.CaseId] = record;
        List<CaseRecord> cases = UnfinishedOf(record.NodeId);
        int index = cases.FindIndex(c => c.CaseId == record.CaseId);
        if (index >= 0)
        {
            cases[index] = record;
        }

        if (!_latest.TryGetValue(record.NodeId, out CaseRecord? latest) || latest.CaseId <= record.CaseId)
        {
            _latest[record.NodeId] = record;
        }
    }

    private List<CaseRecord> UnfinishedOf(string nodeId)
    {
        if (!_unfinished.TryGetValue(nodeId, out List<CaseRecord>? cases))
        {
            cases = new List<CaseRecord>();
            _unfinished[nodeId] = cases;
        }

        return cases;
    }
}
