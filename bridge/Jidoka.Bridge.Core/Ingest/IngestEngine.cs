using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
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
/// The bridge's ingest, free of any transport: give it a batch of received messages, it routes each to
/// the handler of its kind (frames, events, status, command results, time requests), settles what needs
/// the store (repeats of frames from ended boots, event de-duplication), lets the case builder follow,
/// stores everything in one transaction and returns the acks to publish once that transaction is durable.
/// The <see cref="Pump.BridgePump"/> feeds it, in the service and in the HIL rig's virtual-time mode
/// alike. Not thread-safe: one caller at a time.
/// </summary>
public sealed class IngestEngine
{
    private readonly IBridgeStore _store;
    private readonly TimeProvider _clock;
    private readonly NodeDirectory _directory;
    private readonly CommandTracker _commands;
    private readonly ILogger _logger;
    private readonly CaseBuilder _cases;
    private readonly NodeSessions _sessions;
    private readonly FrameMessageHandler _frames;
    private readonly EventMessageHandler _events;
    private readonly StatusMessageHandler _status;
    private readonly CommandResultHandler _results = new();
    private readonly TimeRequestHandler _timeRequests = new();
    private readonly AckEncoder _acks;

    /// <summary>Creates an engine. Call <see cref="LoadAsync"/> before the first batch.</summary>
    public IngestEngine(IBridgeStore store, BridgeOptions options, TimeProvider clock, NodeDirectory directory, CommandTracker commands, ILogger<IngestEngine> logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _commands = commands ?? throw new ArgumentNullException(nameof(commands));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _cases = new CaseBuilder(store, options.Cases);
        _sessions = new NodeSessions(options.Ingest, logger);
        var boots = new BootObserver(_cases, logger);
        var skew = new ClockSkewMonitor(options.Time.SkewThresholdMs * 1000L, logger);
        _frames = new FrameMessageHandler(store, boots, skew);
        _events = new EventMessageHandler(store, boots, skew, _cases);
        _status = new StatusMessageHandler(boots);
        _acks = new AckEncoder(Totals, logger);
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
            _sessions.Restore(node);
            _directory.Publish(node);
        }

        await _cases.LoadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Processes <paramref name="messages"/> as one durable batch. Returns once the batch is committed;
    /// the returned messages (acks) must only be published after that, which is why the engine returns
    /// them instead of publishing. Throws when the store fails; the engine then reloads its state from
    /// the store, nothing of the batch is acknowledged, and the nodes will resend.
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

        await _frames.SettleEarlierBootFramesAsync(_sessions, batch, work, cancellationToken).ConfigureAwait(false);
        await _events.SettleAsync(_sessions, batch, work, nowUs, cancellationToken).ConfigureAwait(false);
        foreach (FrameRecord frame in batch.Frames)
        {
            _cases.OnFrame(frame);
        }

        foreach (NodeSession session in _sessions.All)
        {
            session.Frames.Sweep(nowUs, session.Counters);
        }

        _cases.Flush(batch);
        var written = new List<NodeSession>();
        foreach (NodeSession session in _sessions.All)
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

        int acked = _acks.EncodeAll(work.Acks, work.Outbound);
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
        if (!_sessions.TryAdmit(nodeId, cellId, receivedUs, out NodeSession session))
        {
            work.Unroutable++;
            return;
        }

        session.Seen(receivedUs);
        byte[] payload = message.Payload;
        DecodeResult verdict = kind switch
        {
            TopicKind.Frame => _frames.Handle(session, payload, receivedUs, batch, work),
            TopicKind.Event => _events.Handle(session, payload, receivedUs, work),
            TopicKind.Status => _status.Handle(session, cellId, payload),
            TopicKind.CommandResult => _results.Handle(session, payload, receivedUs, batch),
            TopicKind.TimeRequest => _timeRequests.Handle(session, payload),

            // Bridge-to-node topics never come from a node; something is publishing where it must not.
            _ => DecodeResult.Reject(RejectReason.UnknownType, "topic"),
        };

        if (!verdict.IsAccepted)
        {
            _sessions.Reject(session, kind, verdict);
            work.Rejected++;
        }
    }
}
