using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Audit;
using Jidoka.Bridge.Cases;
using Jidoka.Bridge.Commands;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.Time;
using Jidoka.Protocol;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Ingest;

/// <summary>
/// The bridge's ingest logic, free of any transport: give it a batch of received messages, it decodes
/// them, follows each node's session, builds cases and audit entries, stores everything in one
/// transaction and returns what to publish once that transaction is durable (event acks, time-sync
/// answers). The MQTT service feeds it from a queue; the HIL rig's virtual-time mode calls it directly
/// with a fake clock. Not thread-safe: one caller at a time.
/// </summary>
public sealed class IngestEngine
{
    private readonly IBridgeStore _store;
    private readonly BridgeOptions _options;
    private readonly TimeProvider _clock;
    private readonly NodeDirectory _directory;
    private readonly CommandTracker _commands;
    private readonly ILogger _logger;
    private readonly CaseBuilder _cases;
    private readonly TimeSyncResponder _timeSync;
    private readonly Dictionary<string, NodeSession> _sessions = new(StringComparer.Ordinal);
    private readonly HashSet<(string NodeId, RejectReason Reason)> _warned = new();
    private readonly FrameMessage _frame = new();
    private readonly EventMessage _event = new();
    private readonly StatusMessage _status = new();
    private readonly CommandResultMessage _result = new();
    private readonly long _reorderWindowUs;
    private readonly long _skewThresholdUs;

    /// <summary>Creates an engine. Call <see cref="LoadAsync"/> before the first batch.</summary>
    public IngestEngine(IBridgeStore store, BridgeOptions options, TimeProvider clock, NodeDirectory directory, CommandTracker commands, ILogger<IngestEngine> logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _commands = commands ?? throw new ArgumentNullException(nameof(commands));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _cases = new CaseBuilder(store, options.Cases);
        _timeSync = new TimeSyncResponder(clock);
        _reorderWindowUs = options.Ingest.ReorderWindowMs * 1000L;
        _skewThresholdUs = options.Time.SkewThresholdMs * 1000L;
    }

    /// <summary>Bridge-wide totals.</summary>
    public IngestTotals Totals { get; } = new();

    /// <summary>Raised on the ingest thread after each commit that stored events, cases or node changes; keep handlers short.</summary>
    public event System.Action<BatchCommitted>? Committed;

    /// <summary>Loads node sessions and unfinished cases from the store (start-up, and after a failed write).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        _sessions.Clear();
        foreach (NodeRecord node in await _store.ListNodesAsync(cancellationToken).ConfigureAwait(false))
        {
            _sessions[node.NodeId] = NewSession(node);
            _directory.Publish(node);
        }

        await _cases.LoadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Processes <paramref name="messages"/> as one durable batch. Returns once the batch is committed;
    /// the returned messages (acks in particular) must only be published after that, which is why the
    /// engine returns them instead of publishing. Throws when the store fails; the engine then reloads
    /// its state from the store, nothing of the batch is acknowledged, and the nodes will resend.
    /// </summary>
    public async Task<BatchResult> ProcessAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        long nowUs = UnixTime.ToUnixUs(_clock.GetUtcNow());
        var batch = new WriteBatch();
        var work = new BatchWork();
        _cases.BeginBatch();

        foreach (InboundMessage message in messages)
        {
            Route(message, batch, work);
        }

        await SettleEarlierBootFramesAsync(batch, work, cancellationToken).ConfigureAwait(false);
        await SettleEventsAsync(batch, work, nowUs, cancellationToken).ConfigureAwait(false);
        foreach (FrameRecord frame in batch.Frames)
        {
            _cases.OnFrame(frame);
        }

        foreach (NodeSession session in _sessions.Values)
        {
            session.Frames.Sweep(nowUs, session.Counters);
        }

        _cases.Flush(batch);
        var written = new List<NodeSession>();
        foreach (NodeSession session in _sessions.Values)
        {
            if (session.Dirty)
            {
                batch.Nodes.Add(session.ToRecord());
                written.Add(session);
            }
        }

        WriteOutcome outcome;
        try
        {
            outcome = await _store.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Storing a batch of {Count} messages failed; nothing of it is acknowledged, state is reloaded from the store.", messages.Count);
            await LoadAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return AfterCommit(messages.Count, batch, work, written, outcome);
    }

    private BatchResult AfterCommit(int messageCount, WriteBatch batch, BatchWork work, List<NodeSession> written, WriteOutcome outcome)
    {
        foreach (NodeSession session in written)
        {
            session.Dirty = false;
            _directory.Publish(session.Record);
        }

        foreach (EventRecord stored in batch.Events)
        {
            _sessions[stored.NodeId].RememberStored(stored.EventId);
        }

        // The sequence tracker drops repeats before the store sees them; frames it cannot judge (from an
        // earlier boot) meet the store's own guard, and the counts are corrected here.
        foreach (FrameRecord skipped in outcome.FramesAlreadyStored)
        {
            NodeSession session = _sessions[skipped.NodeId];
            session.Counters.FramesStored--;
            session.Counters.FramesDuplicate++;
            if (skipped.Historical)
            {
                session.Counters.FramesHistorical--;
            }

            session.Dirty = true;
        }

        _cases.Committed();
        foreach (CommandResultUpdate result in batch.CommandResults)
        {
            _commands.Complete(result);
        }

        int acked = 0;
        foreach (KeyValuePair<NodeSession, List<ulong>> pair in work.Acks)
        {
            acked += pair.Value.Count;
            AddAcks(pair.Key, pair.Value, work.Outbound);
        }

        long samples = 0;
        foreach (FrameRecord frame in batch.Frames)
        {
            samples += frame.SampleCount;
        }

        Totals.AddBatch(messageCount, outcome.FramesInserted, samples, outcome.EventsInserted, work.Rejected, work.Unroutable);
        if (batch.Events.Count > 0 || batch.Cases.Count > 0 || batch.Nodes.Count > 0)
        {
            Committed?.Invoke(new BatchCommitted(batch.Events, batch.Cases, batch.Nodes));
        }

        return new BatchResult(work.Outbound, outcome.FramesInserted, outcome.EventsInserted, acked, work.Rejected);
    }

    private void Route(InboundMessage message, WriteBatch batch, BatchWork work)
    {
        if (!Topics.TryParse(message.Topic, out string cellId, out string nodeId, out TopicKind kind) || kind == TopicKind.HostState)
        {
            work.Unroutable++;
            _logger.LogDebug("Ignored a message on {Topic}: not a node topic.", message.Topic);
            return;
        }

        long receivedUs = UnixTime.ToUnixUs(message.ReceivedAt);
        if (!_sessions.ContainsKey(nodeId) && _sessions.Count >= _options.Ingest.MaxNodes)
        {
            // A bound on memory: a flood of made-up node ids must not grow the bridge without limit.
            work.Unroutable++;
            if (_warned.Add((nodeId, RejectReason.None)))
            {
                _logger.LogWarning("Ignored node {Node}: the bridge already follows {Max} nodes (Bridge:Ingest:MaxNodes).", nodeId, _options.Ingest.MaxNodes);
            }

            return;
        }

        NodeSession session = SessionOf(nodeId, cellId, receivedUs);
        session.Seen(receivedUs);
        DecodeResult verdict = kind switch
        {
            TopicKind.Frame => OnFrame(session, message.Payload, receivedUs, batch, work),
            TopicKind.Event => OnEvent(session, message.Payload, receivedUs, work),
            TopicKind.Status => OnStatus(session, cellId, message.Payload),
            TopicKind.CommandResult => OnCommandResult(session, message.Payload, receivedUs, batch),
            TopicKind.TimeRequest => OnTimeRequest(session, cellId, message, work),

            // Bridge-to-node topics never come from a node; something is publishing where it must not.
            _ => DecodeResult.Reject(RejectReason.UnknownType, "topic"),
        };

        if (!verdict.IsAccepted)
        {
            Reject(session, kind, verdict, work);
        }
    }

    private DecodeResult OnFrame(NodeSession session, byte[] payload, long receivedUs, WriteBatch batch, BatchWork work)
    {
        FrameMessage frame = _frame;
        DecodeResult result = FrameCodec.TryDecode(payload, 0, payload.Length, frame);
        if (!result.IsAccepted)
        {
            return result;
        }

        if (!string.Equals(frame.NodeId, session.NodeId, StringComparison.Ordinal))
        {
            return DecodeResult.Reject(RejectReason.ImpossibleValue, "nodeId");
        }

        NodeCounterSet counters = session.Counters;
        counters.FramesReceived++;
        BootObservation boot = ObserveBoot(session, frame.BootId);
        bool historical = (frame.Flags & FrameFlags.Replayed) != 0 || boot == BootObservation.EarlierBoot;
        if (boot != BootObservation.EarlierBoot && session.Frames.Observe(frame.FrameSequence, receivedUs, counters) == FrameArrival.Duplicate)
        {
            counters.FramesDuplicate++;
            return result;
        }

        int count = frame.SampleCount;
        long spanUs = (long)(count - 1) * frame.SamplePeriodUs;
        long wallStart = WallClockMapper.Map(frame.FirstSampleMonoUs, frame.Provenance, receivedUs - spanUs, out WallTimeSource source);
        byte[] samples = new byte[count * SampleCodec.SizeBytes];
        Buffer.BlockCopy(payload, FrameCodec.HeaderBytes, samples, 0, samples.Length);
        Provenance p = frame.Provenance;
        var record = new FrameRecord
        {
            NodeId = session.NodeId,
            BootId = frame.BootId,
            FrameSequence = frame.FrameSequence,
            Flags = frame.Flags,
            FirstSampleMonoUs = frame.FirstSampleMonoUs,
            SamplePeriodUs = frame.SamplePeriodUs,
            SampleCount = count,
            WallStartUnixUs = wallStart,
            WallSource = source,
            Provenance = ProvenanceMapper.From(p),
            Historical = historical,
            ReceivedUnixUs = receivedUs,
            Samples = samples,
        };
        if (boot == BootObservation.EarlierBoot)
        {
            // No sequence tracker follows an ended boot, so the store says whether it is a repeat.
            work.EarlierBootFrames.Add(record);
            return result;
        }

        batch.Frames.Add(record);
        counters.FramesStored++;
        if (historical)
        {
            counters.FramesHistorical++;
            return result;
        }

        ObserveLiveProvenance(session, p);
        if (source != WallTimeSource.BridgeReceipt)
        {
            CheckSkew(session, receivedUs - (wallStart + spanUs), p.TimeUncertaintyUs, spanUs + frame.SamplePeriodUs);
        }

        return result;
    }

    private DecodeResult OnEvent(NodeSession session, byte[] payload, long receivedUs, BatchWork work)
    {
        EventMessage message = _event;
        DecodeResult result = EventCodec.TryDecode(payload, 0, payload.Length, message);
        if (!result.IsAccepted)
        {
            return result;
        }

        if (!string.Equals(message.NodeId, session.NodeId, StringComparison.Ordinal))
        {
            return DecodeResult.Reject(RejectReason.ImpossibleValue, "nodeId");
        }

        BootObservation boot = ObserveBoot(session, message.BootId);
        bool replayed = (message.Flags & EventMessage.Replayed) != 0;
        if (replayed)
        {
            session.Counters.EventsReplayed++;
        }

        long wall = WallClockMapper.Map(message.MonoUs, message.Provenance, receivedUs, out WallTimeSource source);
        var record = new DecisionRecord();
        record.CopyFrom(message.Record);
        Provenance p = message.Provenance;
        work.Events.Add(new EventRecord
        {
            NodeId = session.NodeId,
            EventId = message.EventId,
            Type = message.Type,
            BootId = message.BootId,
            MonoUs = message.MonoUs,
            WallUnixUs = wall,
            WallSource = source,
            Provenance = ProvenanceMapper.From(p),
            Record = record,
            Historical = replayed || boot == BootObservation.EarlierBoot,
            ReceivedUnixUs = receivedUs,
            Raw = payload,
        });

        if (!replayed && boot != BootObservation.EarlierBoot && source != WallTimeSource.BridgeReceipt)
        {
            CheckSkew(session, receivedUs - wall, p.TimeUncertaintyUs, 0);
        }

        return result;
    }

    private DecodeResult OnStatus(NodeSession session, string cellId, byte[] payload)
    {
        StatusMessage status = _status;
        DecodeResult result = status.TryDecode(payload, 0, payload.Length);
        if (!result.IsAccepted)
        {
            return result;
        }

        if (!string.Equals(status.NodeId, session.NodeId, StringComparison.Ordinal))
        {
            return DecodeResult.Reject(RejectReason.ImpossibleValue, "node");
        }

        if (!string.Equals(status.CellId, cellId, StringComparison.Ordinal))
        {
            return DecodeResult.Reject(RejectReason.ImpossibleValue, "cell");
        }

        string json = Encoding.ASCII.GetString(payload);
        if (!status.Online)
        {
            session.Update(n => n with { HasStatus = true, Online = false, LastStatusJson = json });
            return result;
        }

        if (status.BootId != 0)
        {
            ObserveBoot(session, status.BootId);
        }

        StatusMessage s = status;
        session.Update(n => n with
        {
            HasStatus = true,
            Online = true,
            FirmwareVersion = s.FirmwareVersion,
            Board = s.Board,
            TripState = s.TripState,
            TripCause = s.TripCause,
            Response = s.Response,
            TripEventId = s.TripEventId,
            Provenance = ProvenanceMapper.From(s),
            StagedPolicyId = s.StagedPolicyId,
            LastStatusJson = json,
        });
        return result;
    }

    private DecodeResult OnCommandResult(NodeSession session, byte[] payload, long receivedUs, WriteBatch batch)
    {
        CommandResultMessage message = _result;
        DecodeResult result = message.TryDecode(payload, 0, payload.Length);
        if (!result.IsAccepted)
        {
            return result;
        }

        if (!string.Equals(message.NodeId, session.NodeId, StringComparison.Ordinal))
        {
            return DecodeResult.Reject(RejectReason.ImpossibleValue, "nodeId");
        }

        batch.CommandResults.Add(new CommandResultUpdate
        {
            CommandId = message.CommandId,
            NodeId = session.NodeId,
            Outcome = message.Outcome,
            Reason = message.Reason,
            Detail = message.Detail,
            EventId = message.EventId,
            ReceivedUnixUs = receivedUs,
        });
        batch.Audit.Add(new AuditEntry
        {
            RecordedUnixUs = receivedUs,
            Kind = AuditKinds.CommandResult,
            NodeId = session.NodeId,
            Actor = "node",
            Subject = "command/" + message.CommandId,
            Details = $"type={CommandTypeNames.Name(message.CommandType)};outcome={CommandOutcomeNames.Name(message.Outcome)};reason={CommandReasonNames.Name(message.Reason)};detail={message.Detail};eventId={message.EventId};sha256={AuditHasher.Digest(payload)}",
        });
        return result;
    }

    private DecodeResult OnTimeRequest(NodeSession session, string cellId, InboundMessage message, BatchWork work)
    {
        DecodeResult result = _timeSync.TryRespond(message, cellId, session.NodeId, out OutboundMessage? response);
        if (result.IsAccepted && response != null && !message.TimeSyncAnswered)
        {
            work.Outbound.Add(response);
        }

        return result;
    }

    private async Task SettleEarlierBootFramesAsync(WriteBatch batch, BatchWork work, CancellationToken cancellationToken)
    {
        var inBatch = new HashSet<(string, uint, uint)>();
        foreach (IGrouping<(string NodeId, uint BootId), FrameRecord> group in work.EarlierBootFrames.GroupBy(f => (f.NodeId, f.BootId)))
        {
            IReadOnlySet<uint> stored = await _store.FindStoredFrameSequencesAsync(group.Key.NodeId, group.Key.BootId, group.Select(f => f.FrameSequence).Distinct().ToArray(), cancellationToken).ConfigureAwait(false);
            NodeCounterSet counters = _sessions[group.Key.NodeId].Counters;
            foreach (FrameRecord frame in group)
            {
                if (stored.Contains(frame.FrameSequence) || !inBatch.Add((frame.NodeId, frame.BootId, frame.FrameSequence)))
                {
                    counters.FramesDuplicate++;
                    continue;
                }

                batch.Frames.Add(frame);
                counters.FramesStored++;
                counters.FramesHistorical++;
            }
        }
    }

    private async Task SettleEventsAsync(WriteBatch batch, BatchWork work, long nowUs, CancellationToken cancellationToken)
    {
        if (work.Events.Count == 0)
        {
            return;
        }

        // Events the session does not remember are checked against the store in one query per node,
        // so a replay after a bridge restart is recognised without a look-up per event.
        var stored = new Dictionary<string, IReadOnlySet<ulong>>(StringComparer.Ordinal);
        foreach (IGrouping<string, EventRecord> group in work.Events.GroupBy(e => e.NodeId))
        {
            NodeSession session = _sessions[group.Key];
            ulong[] unknown = group.Select(e => e.EventId).Where(id => !session.RecentlyStored(id)).Distinct().ToArray();
            stored[group.Key] = unknown.Length == 0
                ? new HashSet<ulong>()
                : await _store.FindStoredEventIdsAsync(group.Key, unknown, cancellationToken).ConfigureAwait(false);
        }

        var inBatch = new HashSet<(string, ulong)>();
        foreach (EventRecord record in work.Events)
        {
            NodeSession session = _sessions[record.NodeId];
            work.Ack(session, record.EventId);
            if (session.RecentlyStored(record.EventId) || stored[record.NodeId].Contains(record.EventId) || !inBatch.Add((record.NodeId, record.EventId)))
            {
                session.Counters.EventsDuplicate++;
                continue;
            }

            batch.Events.Add(record);
            session.Counters.EventsStored++;
            batch.Audit.Add(new AuditEntry
            {
                RecordedUnixUs = record.ReceivedUnixUs,
                Kind = AuditKinds.Event,
                NodeId = record.NodeId,
                Actor = record.Record.OperatorId.Length != 0 ? record.Record.OperatorId : "node",
                Subject = "event/" + record.EventId,
                Details = $"type={EventTypeNames.Name(record.Type)};bootId={record.BootId};monoUs={record.MonoUs};historical={(record.Historical ? 1 : 0)};sha256={AuditHasher.Digest(record.Raw)}",
            });
            await _cases.OnEventAsync(record, session.CellId, nowUs, batch, cancellationToken).ConfigureAwait(false);
        }
    }

    private BootObservation ObserveBoot(NodeSession session, uint bootId)
    {
        BootObservation observation = session.ObserveBoot(bootId);
        if (observation == BootObservation.Rebooted)
        {
            _logger.LogInformation("Node {Node} rebooted: boot {Boot}.", session.NodeId, bootId);
            _cases.OnReboot(session.NodeId, bootId);
        }

        return observation;
    }

    private void ObserveLiveProvenance(NodeSession session, Provenance p)
    {
        RecordProvenance live = ProvenanceMapper.From(p);
        if (session.Record.Provenance != live)
        {
            session.Update(r => r with { Provenance = live });
        }
    }

    private void CheckSkew(NodeSession session, long skewUs, uint uncertaintyUs, long spanUs)
    {
        bool suspect = ClockSkewCheck.IsSuspect(skewUs, uncertaintyUs, _skewThresholdUs, spanUs);
        if (suspect)
        {
            session.Counters.ClockSkewFlags++;
            if (!session.Record.ClockSkewSuspect)
            {
                _logger.LogWarning("Node {Node} clock disagrees with the bridge by {SkewMs} ms (threshold {ThresholdMs} ms + uncertainty).", session.NodeId, skewUs / 1000, _skewThresholdUs / 1000);
            }
        }

        if (suspect != session.Record.ClockSkewSuspect || suspect)
        {
            session.Update(r => r with { LastClockSkewUs = skewUs, ClockSkewSuspect = suspect });
        }
    }

    private void Reject(NodeSession session, TopicKind kind, DecodeResult verdict, BatchWork work)
    {
        session.Reject(verdict.Reason);
        work.Rejected++;
        if (_warned.Add((session.NodeId, verdict.Reason)))
        {
            _logger.LogWarning("Rejected a {Kind} from node {Node}: {Verdict}. Further rejections for this reason are counted, not logged.", Topics.Suffix(kind), session.NodeId, verdict.ToString());
        }
    }

    private NodeSession SessionOf(string nodeId, string cellId, long receivedUs)
    {
        if (_sessions.TryGetValue(nodeId, out NodeSession? session))
        {
            if (!string.Equals(session.CellId, cellId, StringComparison.Ordinal))
            {
                session.Update(n => n with { CellId = cellId });
            }

            return session;
        }

        session = NewSession(new NodeRecord { NodeId = nodeId, CellId = cellId, FirstSeenUnixUs = receivedUs, LastSeenUnixUs = receivedUs });
        session.Dirty = true;
        _sessions[nodeId] = session;
        _logger.LogInformation("New node {Node} in cell {Cell}.", nodeId, cellId);
        return session;
    }

    private NodeSession NewSession(NodeRecord record) =>
        new(record, _options.Ingest.ReorderWindowFrames, _reorderWindowUs, _options.Ingest.RecentEventIdsPerNode);

    private static void AddAcks(NodeSession session, List<ulong> ids, List<OutboundMessage> outbound)
    {
        string topic = Topics.ForNode(session.CellId, session.NodeId, TopicKind.Ack);
        for (int start = 0; start < ids.Count; start += ProtocolLimits.MaxAckIdsPerMessage)
        {
            var ack = new EventAckMessage { NodeId = session.NodeId, Count = Math.Min(ProtocolLimits.MaxAckIdsPerMessage, ids.Count - start) };
            for (int i = 0; i < ack.Count; i++)
            {
                ack.EventIds[i] = ids[start + i];
            }

            byte[] buffer = new byte[EventAckMessage.EncodedSize(ack.Count)];
#pragma warning disable CA1806 // pump branch fixes this
            ack.TryEncode(buffer, 0);
#pragma warning restore CA1806
            outbound.Add(new OutboundMessage(topic, buffer, Topics.Qos(TopicKind.Ack), false));
        }
    }

    private sealed class BatchWork
    {
        public List<EventRecord> Events { get; } = new();

        public List<FrameRecord> EarlierBootFrames { get; } = new();

        public List<OutboundMessage> Outbound { get; } = new();

        public Dictionary<NodeSession, List<ulong>> Acks { get; } = new();

        public int Rejected { get; set; }

        public int Unroutable { get; set; }

        public void Ack(NodeSession session, ulong eventId)
        {
            if (!Acks.TryGetValue(session, out List<ulong>? ids))
            {
                ids = new List<ulong>();
                Acks[session] = ids;
            }

            if (!ids.Contains(eventId))
            {
                ids.Add(eventId);
            }
        }
    }
}
