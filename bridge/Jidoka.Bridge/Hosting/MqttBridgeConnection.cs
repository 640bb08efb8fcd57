using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Pump;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace Jidoka.Bridge.Hosting;

/// <summary>
/// The service's <see cref="IBrokerSession"/>: two MQTTnet client connections. The inbound one carries
/// the subscriptions and hands every message to the <see cref="BridgePump"/>; the outbound one
/// publishes acks, commands, time-sync answers and the bridge's retained host state, with the offline
/// state as its last will. It reconnects on its own; what a (re)connect means is the pump's business.
/// </summary>
/// <remarks>
/// Two connections because MQTTnet runs a client's receive handler on its receive loop: when the
/// ingest queue is full the handler waits (back-pressure to the broker), and a QoS-1 publish on the
/// same client would then wait forever for its PUBACK.
/// </remarks>
public sealed class MqttBridgeConnection : IBrokerSession, IAsyncDisposable
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);
    private readonly ReconnectLogLimiter _reconnectLog = new();
    private readonly BridgeOptions _bridge;
    private readonly BrokerOptions _broker;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly IMqttClient _inbound;
    private readonly IMqttClient _outbound;
    private readonly SemaphoreSlim _reconnectGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private IBrokerSessionHandler? _handler;
    private bool _connecting;
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
        var factory = new MqttClientFactory();
        _inbound = factory.CreateMqttClient();
        _outbound = factory.CreateMqttClient();
        _inbound.ApplicationMessageReceivedAsync += OnMessageAsync;
        _inbound.DisconnectedAsync += _ => OnDisconnectedAsync();
        _outbound.DisconnectedAsync += _ => OnDisconnectedAsync();
    }

    /// <inheritdoc/>
    public bool IsConnected => _outbound.IsConnected && _inbound.IsConnected;

    /// <inheritdoc/>
    public void Attach(IBrokerSessionHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (Interlocked.CompareExchange(ref _handler, handler, null) != null)
        {
            throw new InvalidOperationException("The connection already has its handler.");
        }
    }

    /// <summary>Connects both clients to <paramref name="host"/>:<paramref name="port"/>; the handler then subscribes and announces the bridge online.</summary>
    public async Task ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        if (_handler == null)
        {
            throw new InvalidOperationException("Attach a handler (the bridge pump) before connecting.");
        }

        _host = host;
        _port = port;
        _connecting = true;
        await ConnectBothAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task SubscribeAsync(IReadOnlyList<TopicSubscription> subscriptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        MqttClientSubscribeOptionsBuilder builder = new MqttClientFactory().CreateSubscribeOptionsBuilder();
        foreach (TopicSubscription subscription in subscriptions)
        {
            builder = builder.WithTopicFilter(subscription.Filter, (MqttQualityOfServiceLevel)subscription.Qos);
        }

        MqttClientSubscribeResult result = await _inbound.SubscribeAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
        foreach (MqttClientSubscribeResultItem item in result.Items)
        {
            if ((int)item.ResultCode > (int)MqttClientSubscribeResultCode.GrantedQoS2)
            {
                throw new InvalidOperationException($"The broker refused the subscription to {item.TopicFilter.Topic}: {item.ResultCode}.");
            }
        }
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

    /// <summary>Disconnects the outbound client (last step of a clean stop, after the pump announced the bridge offline).</summary>
    public async Task DisconnectAsync()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_outbound.IsConnected)
        {
            await DisconnectQuietlyAsync(_outbound).ConfigureAwait(false);
        }
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
        IBrokerSessionHandler handler = _handler!;
        if (!_inbound.IsConnected)
        {
            await _inbound.ConnectAsync(ClientOptions("-in", will: null), cancellationToken).ConfigureAwait(false);
        }

        OutboundMessage will = handler.BeginSession();
        if (!_outbound.IsConnected)
        {
            await _outbound.ConnectAsync(ClientOptions("", will), cancellationToken).ConfigureAwait(false);
        }

        await handler.OnConnectedAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Connected to the broker at {Host}:{Port}.", _host, _port);
    }

    private MqttClientOptions ClientOptions(string suffix, OutboundMessage? will)
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

        if (will != null)
        {
            builder = builder
                .WithWillTopic(will.Topic)
                .WithWillPayload(will.Payload)
                .WithWillRetain(will.Retain)
                .WithWillQualityOfServiceLevel(will.Qos == 0 ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce);
        }

        return builder.Build();
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        DateTimeOffset received = _clock.GetUtcNow();
        MqttApplicationMessage message = e.ApplicationMessage;
        IBrokerSessionHandler? handler = _handler;
        if (handler != null)
        {
            // The handler's wait (a full queue) holds this receive loop and so the broker.
            await handler.OnReceivedAsync(new InboundMessage(message.Topic, message.Payload.ToArray(), received)).ConfigureAwait(false);
        }
    }

    private Task OnDisconnectedAsync()
    {
        if (!_stopping.IsCancellationRequested && _connecting)
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
                    // One line per minute of outage, not one per attempt (ReconnectLogLimiter).
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
