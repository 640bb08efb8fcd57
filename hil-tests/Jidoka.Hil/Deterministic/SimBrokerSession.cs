using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Pump;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Time;

namespace Jidoka.Hil.Deterministic;

/// <summary>
/// The deterministic rig's <see cref="IBrokerSession"/>: the bridge's <see cref="SimClient"/> on the
/// simulated network, in virtual time, for one run of the bridge (a restarted bridge gets a new one on the
/// same client). Everything happens in callbacks of the cell's scheduler on the caller's thread: a
/// subscription completes when the broker would have sent its SUBACK (the longest latency of the path
/// plus 1 ms), and the handler must queue each message without waiting (the pump's queue is unbounded
/// here: the simulated broker has no TCP back-pressure to apply).
/// </summary>
public sealed class SimBrokerSession : IBrokerSession
{
    private readonly SimClient _client;
    private readonly VirtualScheduler _scheduler;
    private readonly TimeProvider _clock;
    private IBrokerSessionHandler? _handler;
    private bool _detached;
    private readonly int _schedulerThread = Environment.CurrentManagedThreadId;
    private Task? _connecting;

    /// <summary>Creates the session on <paramref name="client"/> and starts listening to its connects and messages.</summary>
    public SimBrokerSession(SimClient client, VirtualScheduler scheduler, TimeProvider clock)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _client.Connected += OnConnected;
        _client.MessageReceived += OnMessage;
    }

    /// <summary>Raised after each message was handed to the handler (the rig schedules its next batch from it).</summary>
    public event Action? MessageQueued;

    /// <summary>
    /// The first failure of a connect's subscribe-and-announce, or the first call from a thread other than
    /// the scheduler's (the run would no longer be deterministic); a bug in the rig or the pump, which the
    /// run reports.
    /// </summary>
    public Exception? Fault { get; private set; }

    /// <inheritdoc/>
    public bool IsConnected => !_detached && _client.IsConnected;

    /// <inheritdoc/>
    public void Attach(IBrokerSessionHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_handler != null)
        {
            throw new InvalidOperationException("The session already has its handler.");
        }

        _handler = handler;
    }

    /// <summary>The bridge process is gone: this session hears nothing more and publishes nothing more.</summary>
    public void Detach()
    {
        _detached = true;
        _client.Connected -= OnConnected;
        _client.MessageReceived -= OnMessage;
    }

    /// <inheritdoc/>
    public Task SubscribeAsync(IReadOnlyList<TopicSubscription> subscriptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        CheckThread();
        foreach (TopicSubscription subscription in subscriptions)
        {
            _client.Subscribe(subscription.Filter, subscription.Qos);
        }

        // The service awaits its SUBACK; here that is one uplink and one downlink at most, plus a margin.
        var subacked = new TaskCompletionSource();
        ulong settleUs = Math.Max(_client.Faults.LatencyMaxUs, _client.Faults.LatencyMinUs) + 1000;
        _scheduler.At(_scheduler.NowUs + settleUs, () => CompleteInline(subacked));
        return subacked.Task;
    }

    /// <inheritdoc/>
    public Task PublishAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        CheckThread();
        return !_detached && _client.Publish(message.Topic, message.Payload, message.Payload.Length, message.Qos, message.Retain)
            ? Task.CompletedTask
            : Task.FromException(new InvalidOperationException("not connected to the broker"));
    }

    private void OnConnected()
    {
        IBrokerSessionHandler handler = _handler ?? throw new InvalidOperationException("Attach the bridge pump before starting the client.");
        OutboundMessage will = handler.BeginSession();
        _client.Will = new SimWill(will.Topic, will.Payload, will.Qos, will.Retain);

        _connecting = handler.OnConnectedAsync(CancellationToken.None);
        NoteIfFaulted(_connecting);
    }

    private void CompleteInline(TaskCompletionSource subacked)
    {
        // An awaiting continuation runs inline only where there is no synchronization context (a test
        // runner has one); inline is what keeps the run on the scheduler's thread, at this virtual time.
        SynchronizationContext? context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            subacked.TrySetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }

        if (_connecting != null)
        {
            NoteIfFaulted(_connecting);
        }
    }

    private void CheckThread()
    {
        if (Environment.CurrentManagedThreadId != _schedulerThread)
        {
            Fault ??= new InvalidOperationException("The simulated session was called off the scheduler's thread; the run is not deterministic.");
        }
    }

    private void NoteIfFaulted(Task task)
    {
        if (task.IsFaulted)
        {
            Fault ??= task.Exception;
        }
    }

    private void OnMessage(SimMessage message)
    {
        if (_handler == null)
        {
            return;
        }

        ValueTask queued = _handler.OnReceivedAsync(new InboundMessage(message.Topic, message.Payload, _clock.GetUtcNow()));
        if (!queued.IsCompleted)
        {
            throw new InvalidOperationException("The pump waited on a simulated message; its queue must be unbounded in virtual time.");
        }

        queued.GetAwaiter().GetResult();
        MessageQueued?.Invoke();
    }
}
