using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Node.Hardware;
using Jidoka.SimBoard.Time;
using MQTTnet;
using MQTTnet.Protocol;

namespace Jidoka.SimBoard.Network;

/// <summary>Connection settings of a simulated node's MQTTnet client.</summary>
public sealed record MqttNetLinkOptions
{
    /// <summary>Broker host.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Broker port.</summary>
    public int Port { get; init; } = 1883;

    /// <summary>MQTT client id (the node id is a good one).</summary>
    public string ClientId { get; init; } = "";

    /// <summary>Clean session: the broker keeps no subscriptions or queued messages across connections. The node subscribes again after every reconnect and replays from its journal, so it needs none.</summary>
    public bool CleanSession { get; init; } = true;

    /// <summary>Keep-alive: the broker publishes the will about 1.5× this after the node vanishes.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest a publish or subscribe call waits for the broker before it counts as failed.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Last-will topic (the node's status topic); empty for none.</summary>
    public string WillTopic { get; init; } = "";

    /// <summary>Last-will payload (offline status).</summary>
    public byte[] WillPayload { get; init; } = Array.Empty<byte>();

    /// <summary>Last-will QoS.</summary>
    public int WillQos { get; init; } = 1;

    /// <summary>Whether the will is retained.</summary>
    public bool WillRetain { get; init; } = true;

    /// <summary>Reconnect back-off base.</summary>
    public TimeSpan ReconnectBase { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Reconnect back-off cap.</summary>
    public TimeSpan ReconnectCap { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// A simulated node's <see cref="IMqttLink"/> over an MQTTnet 5 client, for real-time runs against
/// MQTTnet's in-process server or Mosquitto. It connects with the node's last will, reconnects on its own
/// with jittered exponential back-off (it holds no reference to any output, so the network can never move
/// one), and hands received messages to <see cref="Receiver"/> (the core's inbox). Publish and subscribe
/// block the communication thread until the broker answers or <see cref="MqttNetLinkOptions.OperationTimeout"/>
/// passes, as M2Mqtt's calls do on the device.
/// </summary>
public sealed class MqttNetLink : IMqttLink, IDisposable
{
    private readonly MqttNetLinkOptions _options;
    private readonly ReconnectBackoff _backoff;
    private readonly IMqttClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _disconnected = new(0, 1);
    private Task? _loop;
    private int _disposed;

    /// <summary>Creates the (unconnected) link; <paramref name="random"/> jitters the back-off.</summary>
    public MqttNetLink(MqttNetLinkOptions options, SimRandom random)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.ClientId.Length == 0)
        {
            throw new ArgumentException("a client id is required", nameof(options));
        }

        _backoff = new ReconnectBackoff((ulong)options.ReconnectBase.TotalMicroseconds, (ulong)options.ReconnectCap.TotalMicroseconds, random);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessage;
        _client.DisconnectedAsync += _ =>
        {
            if (_disconnected.CurrentCount == 0)
            {
                try
                {
                    _disconnected.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Already signalled.
                }
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Where received messages go (the core's <c>Inbox.TryPost</c>); null drops them.</summary>
    public Action<string, byte[], int>? Receiver { get; set; }

    /// <inheritdoc/>
    public bool IsConnected => _client.IsConnected;

    /// <inheritdoc/>
    public uint SessionCount => (uint)Volatile.Read(ref _connects);

    /// <summary>Successful connects, since creation.</summary>
    public int Connects => _connects;

    /// <summary>Failed connect attempts, since creation.</summary>
    public int ConnectFailures => _connectFailures;

    private int _connects;
    private int _connectFailures;

    /// <summary>Starts connecting and keeps the connection up until disposed or aborted.</summary>
    public void Start()
    {
        _loop ??= Task.Run(() => KeepConnectedAsync(_stop.Token));
    }

    /// <inheritdoc/>
    public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
    {
        if (!_client.IsConnected)
        {
            return false;
        }

        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(new ArraySegment<byte>(payload, 0, length).ToArray())
            .WithQualityOfServiceLevel(qos == 0 ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(_options.OperationTimeout);
            return _client.PublishAsync(message, timeout.Token).GetAwaiter().GetResult().IsSuccess;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public bool Subscribe(string topicFilter, int qos)
    {
        if (!_client.IsConnected)
        {
            return false;
        }

        MqttClientSubscribeOptions subscribe = new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(topicFilter, qos == 0 ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(_options.OperationTimeout);
            MqttClientSubscribeResult result = _client.SubscribeAsync(subscribe, timeout.Token).GetAwaiter().GetResult();
            foreach (MqttClientSubscribeResultItem item in result.Items)
            {
                if ((int)item.ResultCode > (int)MqttClientSubscribeResultCode.GrantedQoS2)
                {
                    return false;
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }

    /// <summary>
    /// Vanishes without a DISCONNECT, as a node losing power or a killed process does: the socket closes,
    /// the broker publishes the will, and the link stays down.
    /// </summary>
    public void Abort() => Shutdown(clean: false);

    /// <summary>Disconnects cleanly (no will) and stops reconnecting.</summary>
    public void Dispose() => Shutdown(clean: true);

    private void Shutdown(bool clean)
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        try
        {
            _loop?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by cancellation.
        }

        if (clean && _client.IsConnected)
        {
            try
            {
                _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None).Wait(TimeSpan.FromSeconds(2));
            }
            catch (AggregateException)
            {
                // Best effort: disposing closes the socket either way.
            }
        }

        // Disposing without DISCONNECT closes the socket; the broker treats that as an unclean loss.
        _client.Dispose();
        _stop.Dispose();
        _disconnected.Dispose();
    }

    private async Task KeepConnectedAsync(CancellationToken stop)
    {
        bool everConnected = false;
        while (!stop.IsCancellationRequested)
        {
            if (!_client.IsConnected)
            {
                try
                {
                    if (everConnected)
                    {
                        // After a drop, wait before reconnecting (see ReconnectBackoff.MinimumDelayUs).
                        await Task.Delay(TimeSpan.FromMicroseconds(_backoff.NextDelayUs()), stop).ConfigureAwait(false);
                        everConnected = false;
                    }

                    await _client.ConnectAsync(BuildOptions(), stop).ConfigureAwait(false);
                    Interlocked.Increment(ref _connects);
                    _backoff.Reset();
                    everConnected = true;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref _connectFailures);
                    try
                    {
                        await Task.Delay(TimeSpan.FromMicroseconds(_backoff.NextDelayUs()), stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    continue;
                }
            }

            try
            {
                // Woken by a disconnect, or every second to re-check.
                await _disconnected.WaitAsync(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private MqttClientOptions BuildOptions()
    {
        MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithClientId(_options.ClientId)
            .WithCleanSession(_options.CleanSession)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(_options.OperationTimeout);
        if (_options.WillTopic.Length != 0)
        {
            builder = builder
                .WithWillTopic(_options.WillTopic)
                .WithWillPayload(_options.WillPayload)
                .WithWillQualityOfServiceLevel(_options.WillQos == 0 ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce)
                .WithWillRetain(_options.WillRetain);
        }

        return builder.Build();
    }

    private Task OnMessage(MqttApplicationMessageReceivedEventArgs e)
    {
        byte[] payload = e.ApplicationMessage.Payload.ToArray();
        Receiver?.Invoke(e.ApplicationMessage.Topic, payload, payload.Length);
        return Task.CompletedTask;
    }
}
