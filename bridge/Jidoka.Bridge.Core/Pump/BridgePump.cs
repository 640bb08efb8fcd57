using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Jidoka.Bridge.Ingest;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Time;
using Jidoka.Protocol;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Pump;

/// <summary>
/// The one path every message takes through the bridge, whatever the transport: on each (re)connect it
/// subscribes to every node topic and then announces the bridge online (retained host state with a new
/// session start, the offline state as the connection's will); every received message is queued
/// (time-sync requests are answered first, here and only here, so t3 does not include queueing behind a
/// batch); queued messages are taken in batches into the <see cref="IngestEngine"/>, and what the engine
/// returns (event acks) is published only after the batch's store commit. The service runs it over
/// MQTTnet with <see cref="RunAsync"/> as its ingest loop; the HIL rig's deterministic mode runs the
/// same type over its simulated network and calls <see cref="ProcessNextBatchAsync"/> from its virtual
/// clock.
/// </summary>
public sealed class BridgePump : IBrokerSessionHandler
{
    private static readonly string TimeRequestSuffix = "/" + Topics.Suffix(TopicKind.TimeRequest);
    private readonly IBrokerSession _session;
    private readonly BridgeOptions _options;
    private readonly BridgePumpOptions _pump;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly TimeSyncResponder _timeSync;
    private readonly Channel<InboundMessage> _queue;
    private readonly Lock _sessionLock = new();
    private long _sessionStartUnixMs;
    private long _batches;
    private long _timeSyncAnswers;

    /// <summary>Creates the pump and attaches it to <paramref name="session"/> (not yet connected).</summary>
    public BridgePump(IBrokerSession session, IngestEngine engine, BridgeOptions options, BridgePumpOptions pumpOptions, TimeProvider clock, ILogger<BridgePump> logger)
    {
        _session = session ?? throw new ArgumentNullException(nameof(session));
        Engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _pump = pumpOptions ?? throw new ArgumentNullException(nameof(pumpOptions));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _timeSync = new TimeSyncResponder(clock);
        _queue = _pump.QueueCapacity > 0
            ? Channel.CreateBounded<InboundMessage>(new BoundedChannelOptions(_pump.QueueCapacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait })
            : Channel.CreateUnbounded<InboundMessage>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true }); // the single-reader kind cannot count
        session.Attach(this);
    }

    /// <summary>The ingest engine the pump feeds.</summary>
    public IngestEngine Engine { get; }

    /// <summary>Unix ms of the current session start, as published in the host state (0 before the first).</summary>
    public long SessionStartUnixMs => Interlocked.Read(ref _sessionStartUnixMs);

    /// <summary>Messages received and not yet taken into a batch.</summary>
    public int Pending => _queue.Reader.Count;

    /// <summary>Batches committed (and their acks handed to the session).</summary>
    public long BatchesCommitted => Interlocked.Read(ref _batches);

    /// <summary>Time-sync requests answered.</summary>
    public long TimeSyncAnswers => Interlocked.Read(ref _timeSyncAnswers);

    /// <summary>The filters the bridge subscribes to: every node's frames, events, status, command results and time requests.</summary>
    public IReadOnlyList<TopicSubscription> Subscriptions => new[]
    {
        new TopicSubscription(Topics.AllNodes(TopicKind.Frame), _pump.FrameSubscriptionQos),
        new TopicSubscription(Topics.AllNodes(TopicKind.Event), Topics.Qos(TopicKind.Event)),
        new TopicSubscription(Topics.AllNodes(TopicKind.Status), Topics.Qos(TopicKind.Status)),
        new TopicSubscription(Topics.AllNodes(TopicKind.CommandResult), Topics.Qos(TopicKind.CommandResult)),
        new TopicSubscription(Topics.AllNodes(TopicKind.TimeRequest), Topics.Qos(TopicKind.TimeRequest)),
    };

    /// <inheritdoc/>
    public OutboundMessage BeginSession()
    {
        long session;
        lock (_sessionLock)
        {
            // Strictly later than the last one: nodes replay on a session start they have not seen, and
            // two connects within one millisecond must still be two sessions.
            session = Math.Max(_sessionStartUnixMs + 1, _clock.GetUtcNow().ToUnixTimeMilliseconds());
            Interlocked.Exchange(ref _sessionStartUnixMs, session);
        }

        return HostState(online: false, session);
    }

    /// <inheritdoc/>
    public async Task OnConnectedAsync(CancellationToken cancellationToken)
    {
        // Subscribe first, then announce: a node that replays on seeing the announcement must find the
        // bridge already listening.
        await _session.SubscribeAsync(Subscriptions, cancellationToken).ConfigureAwait(false);
        if (!_session.IsConnected)
        {
            // Lost again while subscribing; the next connect announces.
            return;
        }

        await _session.PublishAsync(HostState(online: true, SessionStartUnixMs), cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Bridge {HostId} online; session start {Session}.", _options.HostId, SessionStartUnixMs);
    }

    /// <inheritdoc/>
    public async ValueTask OnReceivedAsync(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);

        // The suffix test first: full topic parsing for every frame would cost more than the check saves.
        if (message.Topic.EndsWith(TimeRequestSuffix, StringComparison.Ordinal)
            && Topics.TryParse(message.Topic, out string cellId, out string nodeId, out TopicKind kind) && kind == TopicKind.TimeRequest)
        {
            await AnswerTimeSyncAsync(message, cellId, nodeId).ConfigureAwait(false);
        }

        if (_queue.Writer.TryWrite(message))
        {
            return;
        }

        try
        {
            // Queue full: wait here, which holds back the broker instead of dropping accepted data.
            await _queue.Writer.WriteAsync(message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // Stopping: the receive side is already closed; the node resends what it needs acknowledged.
            _logger.LogDebug("A message on {Topic} arrived after the receive queue closed.", message.Topic);
        }
    }

    /// <summary>
    /// Takes up to Bridge:Ingest:MaxBatchMessages queued messages as one batch, has the engine store it,
    /// then publishes the engine's acks. Null when nothing was queued. Throws when the store fails
    /// (nothing of the batch is acknowledged; the nodes resend).
    /// </summary>
    public async Task<BatchResult?> ProcessNextBatchAsync(CancellationToken cancellationToken)
    {
        int max = _options.Ingest.MaxBatchMessages;
        var batch = new List<InboundMessage>(Math.Min(max, Math.Max(1, Pending)));
        while (batch.Count < max && _queue.Reader.TryRead(out InboundMessage? message))
        {
            batch.Add(message);
        }

        if (batch.Count == 0)
        {
            return null;
        }

        BatchResult result = await Engine.ProcessAsync(batch, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _batches);
        foreach (OutboundMessage outbound in result.Outbound)
        {
            try
            {
                await _session.PublishAsync(outbound, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // An ack that is not delivered makes the node resend; the resend is recognised as a duplicate and acknowledged again.
                _logger.LogWarning(ex, "Could not publish to {Topic}.", outbound.Topic);
            }
        }

        return result;
    }

    /// <summary>
    /// The service's ingest loop: takes whatever queued up while the previous batch was committing, so
    /// batches grow with load and latency stays one commit when idle. Runs until the queue is completed
    /// and drained (<see cref="CompleteReceiving"/>) or <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await _queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await ProcessNextBatchAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Its frames are lost and show up as gaps; its events are resent by the nodes.
                _logger.LogError(ex, "A batch was not stored.");
                await Task.Delay(_pump.StoreRetryDelay, _clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Closes the receive queue: what is queued is still processed, nothing new is taken.</summary>
    public void CompleteReceiving() => _queue.Writer.TryComplete();

    /// <summary>
    /// Publishes the offline host state (a clean disconnect does not fire the last will); false when it
    /// could not. Tried even when the session no longer counts as connected: at a clean stop the receiving
    /// side is already closed while the publishing side is still up.
    /// </summary>
    public async Task<bool> AnnounceOfflineAsync()
    {
        try
        {
            await _session.PublishAsync(HostState(online: false, SessionStartUnixMs), CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Could not publish the offline state; the broker's last will covers it.");
            return false;
        }
    }

    private OutboundMessage HostState(bool online, long sessionStartUnixMs)
    {
        var state = new HostStateMessage { Online = online, HostId = _options.HostId, SessionStartUnixMs = sessionStartUnixMs };
        byte[] buffer = new byte[HostStateMessage.EncodedSize];
        EncodeResult encoded = state.TryEncode(buffer, 0);
        if (!encoded.IsWritten)
        {
            // A host state of zeros would tell every node nothing, or worse; refuse to announce at all.
            Engine.Totals.CountEncodeRefused();
            _logger.LogError("The host state of {HostId} does not encode ({Field}); the bridge cannot announce itself.", _options.HostId, encoded.Field);
            throw new InvalidOperationException($"The host state of '{_options.HostId}' does not encode: {encoded.Field}.");
        }

        return new OutboundMessage(Topics.HostState(_options.HostId), buffer, Topics.Qos(TopicKind.HostState), true);
    }

    private async Task AnswerTimeSyncAsync(InboundMessage request, string cellId, string nodeId)
    {
        // A refused request is not answered here; the engine counts it against the node.
        if (!_timeSync.TryRespond(request, cellId, nodeId, out OutboundMessage? response).IsAccepted || response == null || !_session.IsConnected)
        {
            return;
        }

        try
        {
            await _session.PublishAsync(response, CancellationToken.None).ConfigureAwait(false);
            Interlocked.Increment(ref _timeSyncAnswers);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogDebug(ex, "A time-sync answer to {Node} was not sent.", nodeId);
        }
    }
}
