using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Protocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace Jidoka.Bridge.Benchmarks;

/// <summary>The baseline: an MQTTnet client that subscribes to every node's frames at QoS 1 and only counts them.</summary>
internal sealed class RawSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private long _received;
    private long _lastTicks;

    public RawSubscriber()
    {
        _client.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref _received);
            Volatile.Write(ref _lastTicks, Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        };
    }

    public long Received => Interlocked.Read(ref _received);

    public long LastReceivedTicks => Volatile.Read(ref _lastTicks);

    public async Task ConnectAsync(int port)
    {
        await _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("bench-raw").WithCleanSession(true).Build(), CancellationToken.None);
        await _client.SubscribeAsync(
            new MqttClientFactory().CreateSubscribeOptionsBuilder().WithTopicFilter(Topics.AllNodes(TopicKind.Frame), MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        _client.Dispose();
    }
}
