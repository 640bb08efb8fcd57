using System;
using System.Buffers;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Time;
using Jidoka.Protocol;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace Jidoka.Bridge.Hosting;

/// <summary>
/// The bridge's two MQTT client connections. The inbound one subscribes to every node topic and hands
/// messages to the ingest queue; the outbound one publishes acks, commands, time-sync answers and the
/// bridge's retained online state, with the offline state as its last will.
/// </summary>
/// <remarks>
/// Two connections because MQTTnet runs a client's receive handler on its receive loop: when the
/// ingest queue is full the handler waits (back-pressure to the broker), and a QoS-1 publish on the
/// same client would then wait forever for its PUBACK. Time-sync requests are answered straight from
/// the receive handler so t3 does not include queueing behind a batch.
/// Every (re)connect publishes a new session start: nodes replay unacknowledged events when they see
/// one, which covers whatever was published while the bridge was not subscribed.
/// </remarks>
public sealed class MqttBridgeConnection : IMessagePublisher, IAsyncDisposable
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);
    private static readonly string TimeRequestSuffix = "/" + Topics.Suffix(TopicKind.TimeRequest);
    private readonly ReconnectLogLimiter _reconnectLog = new();
    private readonly BridgeOptions _bridge;
    private readonly BrokerOptions _broker;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly TimeSyncResponder _timeSync;
    private readonly IMqttClient _inbound;
    private readonly IMqttClient _outbound;
    private readonly SemaphoreSlim _reconnectGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private ChannelWriter<InboundMessage>? _sink;
    private string _host = "";
    private int _port;
    private int _disposed;

    /// <summary>Creates the (unconnected) connections.</summary>
    public MqttBridgeConnection(BridgeOptions bridge, BrokerOptions broker, TimeProvider clock, ILogger<MqttBridgeConnection> logger)
    {
        _bridge = bridge ?? throw new ArgumentNullException(nameof(bridge));
        _broker = broker ?? throw new ArgumentNullException(nameof(broker));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _timeSync = new TimeSyncResponder(clock);
        var factory = new MqttClientFactory();
        _inbound = factory.CreateMqttClient();
        _outbound = factory.CreateMqttClient();
        _inbound.ApplicationMessageReceivedAsync += OnMessageAsync;
        _inbound.DisconnectedAsync += _ => OnDisconnectedAsync();
        _outbound.DisconnectedAsync += _ => OnDisconnectedAsync();
    }

    /// <inheritdoc/>
    public bool IsConnected => _outbound.IsConnected && _inbound.IsConnected;

    /// <summary>Unix ms of the current session start, as published in the host state.</summary>
    public long SessionStartUnixMs { get; private set; }

    /// <summary>Connects both clients to <paramref name="host"/>:<paramref name="port"/>, subscribes, and announces the bridge online.</summary>
    public async Task ConnectAsync(string host, int port, ChannelWriter<InboundMessage> sink, CancellationToken cancellationToken)
    {
        _host = host;
        _port = port;
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        await ConnectBothAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task PublishAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        MqttApplicationMessage mqtt = new MqttApplicationMessageBuilder()
            .WithTopic(message.Topic)
            .WithPayload(message.Payload)
            .WithQualityOfServiceLevel(message.Qos == 0 ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(message.Retain)
            .Build();
        MqttClientPublishResult result = await _outbound.PublishAsync(mqtt, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"The broker refused a publish to {message.Topic}: {result.ReasonCode}.");
        }
    }

    /// <summary>Stops receiving (first step of a clean stop: nothing new enters the queue).</summary>
    public async Task StopReceivingAsync()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_inbound.IsConnected)
        {
            await DisconnectQuietlyAsync(_inbound).ConfigureAwait(false);
        }
    }

    /// <summary>Publishes the offline state (a clean disconnect does not fire the last will) and disconnects.</summary>
    public async Task GoOfflineAsync()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (!_outbound.IsConnected)
        {
            return;
        }

        try
        {
            await PublishAsync(HostState(online: false), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Could not publish the offline state; the broker's last will covers it.");
        }

        await DisconnectQuietlyAsync(_outbound).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // The runtime disposes it in its stop order and the container again at the end.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _inbound.Dispose();
        _outbound.Dispose();
        _stopping.Dispose();
        _reconnectGate.Dispose();
    }

    private async Task DisconnectQuietlyAsync(IMqttClient client)
    {
        try
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException ex)
        {
            // The connection broke while stopping (the broker went first): there is nothing left to
            // disconnect, and a stop must finish its remaining steps (audit, store) regardless.
            _logger.LogDebug(ex, "The broker connection was already broken at stop.");
        }
    }

    private async Task ConnectBothAsync(CancellationToken cancellationToken)
    {
        // Subscribe first, then announce: a node that replays on seeing the announcement must find
        // the bridge already listening.
        if (!_inbound.IsConnected)
        {
            await _inbound.ConnectAsync(ClientOptions("-in", will: false), cancellationToken).ConfigureAwait(false);
            MqttClientSubscribeOptions subscriptions = new MqttClientFactory().CreateSubscribeOptionsBuilder()
                .WithTopicFilter(Topics.AllNodes(TopicKind.Frame), (MqttQualityOfServiceLevel)_broker.FrameSubscriptionQos)
                .WithTopicFilter(Topics.AllNodes(TopicKind.Event), MqttQualityOfServiceLevel.AtLeastOnce)
                .WithTopicFilter(Topics.AllNodes(TopicKind.Status), MqttQualityOfServiceLevel.AtLeastOnce)
                .WithTopicFilter(Topics.AllNodes(TopicKind.CommandResult), MqttQualityOfServiceLevel.AtLeastOnce)
                .WithTopicFilter(Topics.AllNodes(TopicKind.TimeRequest), MqttQualityOfServiceLevel.AtMostOnce)
                .Build();
            await _inbound.SubscribeAsync(subscriptions, cancellationToken).ConfigureAwait(false);
        }

        SessionStartUnixMs = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (!_outbound.IsConnected)
        {
            await _outbound.ConnectAsync(ClientOptions("", will: true), cancellationToken).ConfigureAwait(false);
        }

        await PublishAsync(HostState(online: true), cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Connected to the broker at {Host}:{Port}; session start {Session}.", _host, _port, SessionStartUnixMs);
    }

    private MqttClientOptions ClientOptions(string suffix, bool will)
    {
        MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_host, _port)
            .WithClientId("jidoka-" + _bridge.HostId + suffix)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (_broker.Username.Length != 0)
        {
            builder = builder.WithCredentials(_broker.Username, _broker.Password);
        }

        if (_broker.UseTls)
        {
            builder = builder.WithTlsOptions(tls => tls
                .UseTls()
                .WithAllowUntrustedCertificates(_broker.AllowUntrustedCertificates)
                .WithIgnoreCertificateChainErrors(_broker.AllowUntrustedCertificates));
        }

        if (will)
        {
            OutboundMessage offline = HostState(online: false);
            builder = builder
                .WithWillTopic(offline.Topic)
                .WithWillPayload(offline.Payload)
                .WithWillRetain(true)
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        }

        return builder.Build();
    }

    private OutboundMessage HostState(bool online)
    {
        var state = new HostStateMessage { Online = online, HostId = _bridge.HostId, SessionStartUnixMs = SessionStartUnixMs };
        byte[] buffer = new byte[HostStateMessage.EncodedSize];
        state.TryEncode(buffer, 0);
        return new OutboundMessage(Topics.HostState(_bridge.HostId), buffer, Topics.Qos(TopicKind.HostState), true);
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        DateTimeOffset received = _clock.GetUtcNow();
        MqttApplicationMessage message = e.ApplicationMessage;
        byte[] payload = message.Payload.ToArray();
        var inbound = new InboundMessage(message.Topic, payload, received);
        // The suffix test first: full topic parsing for every frame would cost more than the check saves.
        if (message.Topic.EndsWith(TimeRequestSuffix, StringComparison.Ordinal)
            && Topics.TryParse(message.Topic, out string cellId, out string nodeId, out TopicKind kind) && kind == TopicKind.TimeRequest)
        {
            inbound = inbound with { TimeSyncAnswered = await AnswerTimeSyncAsync(inbound, cellId, nodeId).ConfigureAwait(false) };
        }

        ChannelWriter<InboundMessage>? sink = _sink;
        if (sink != null && !sink.TryWrite(inbound))
        {
            // Queue full: wait here, which holds back the broker instead of dropping accepted data.
            await sink.WriteAsync(inbound, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<bool> AnswerTimeSyncAsync(InboundMessage request, string cellId, string nodeId)
    {
        if (!_timeSync.TryRespond(request, cellId, nodeId, out OutboundMessage? response).IsAccepted || response == null || !_outbound.IsConnected)
        {
            return false;
        }

        try
        {
            await PublishAsync(response, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogDebug(ex, "A time-sync answer to {Node} was not sent.", nodeId);
            return false;
        }
    }

    private Task OnDisconnectedAsync()
    {
        if (!_stopping.IsCancellationRequested && _sink != null)
        {
            _ = Task.Run(ReconnectAsync);
        }

        return Task.CompletedTask;
    }

    private async Task ReconnectAsync()
    {
        if (!await _reconnectGate.WaitAsync(0).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            while (!_stopping.IsCancellationRequested && !(_inbound.IsConnected && _outbound.IsConnected))
            {
                try
                {
                    await Task.Delay(ReconnectDelay, _clock, _stopping.Token).ConfigureAwait(false);
                    // firsthour: one line per minute of outage, not one per attempt (ReconnectLogLimiter).
                    if (_reconnectLog.ShouldLog(_clock.GetUtcNow(), out TimeSpan outage))
                    {
                        _logger.LogWarning("Lost the broker at {Host}:{Port}; reconnecting every {Delay} s (attempt {Attempt}, down {Outage:0} s so far).", _host, _port, ReconnectDelay.TotalSeconds, _reconnectLog.Attempts, outage.TotalSeconds);
                    }

                    await ConnectBothAsync(_stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception ex)
                {
                    _logger.LogDebug(ex, "Reconnect to {Host}:{Port} failed; retrying.", _host, _port);
                }
            }
        }
        finally
        {
            _reconnectLog.Reset(_clock.GetUtcNow());
            _reconnectGate.Release();
        }
    }
}
