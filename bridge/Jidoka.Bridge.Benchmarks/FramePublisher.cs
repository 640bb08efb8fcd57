using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Protocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace Jidoka.Bridge.Benchmarks;

/// <summary>
/// Plays one node that streams pre-encoded ten-sample frames at QoS 1, keeping a window of publishes
/// in flight (one at a time would measure the round trip, not the throughput).
/// </summary>
internal sealed class FramePublisher : IAsyncDisposable
{
    private const int InFlight = 256;
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly SemaphoreSlim _window = new(InFlight, InFlight);
    private readonly FrameMessage _frame;
    private readonly string _topic;

    public FramePublisher(string nodeId, int maxFrames)
    {
        NodeId = nodeId;
        _topic = Topics.ForNode("bench", nodeId, TopicKind.Frame);
        _frame = new FrameMessage { NodeId = nodeId, SampleCount = 10, SamplePeriodUs = 1000 };
        _frame.Provenance.PolicyId = 1;
        for (int s = 0; s < 10; s++)
        {
            _frame.VisionConfidence[s] = 9500;
            _frame.VisionAgeMs[s] = 10;
            _frame.InterlockBits[s] = InterlockBits.AllClosed;
            _frame.SampleFlags[s] = SampleFlags.ForceValid | SampleFlags.VisionValid;
        }

        SentAtTicks = new long[maxFrames];
    }

    /// <summary>Boot id of the frames published next (each round is a new boot, so no frame repeats).</summary>
    public uint BootId { get; set; } = 1;

    public string NodeId { get; }

    /// <summary>Stopwatch ticks at which each frame was handed to the client.</summary>
    public long[] SentAtTicks { get; }

    public async Task ConnectAsync(int port)
    {
        await _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("bench-" + NodeId).WithCleanSession(true).Build(), CancellationToken.None);
    }

    /// <summary>Publishes frames [<paramref name="from"/>, <paramref name="to"/>) as fast as the window allows.</summary>
    public async Task PublishAsync(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            await PublishOneAsync(i);
        }

        await DrainAsync();
    }

    /// <summary>Publishes frames [<paramref name="from"/>, <paramref name="to"/>) at <paramref name="framesPerSecond"/>.</summary>
    public async Task PublishPacedAsync(int from, int to, double framesPerSecond)
    {
        var clock = Stopwatch.StartNew();
        int next = from;
        while (next < to)
        {
            int due = from + (int)Math.Min(to - from, clock.Elapsed.TotalSeconds * framesPerSecond);
            while (next < due)
            {
                await PublishOneAsync(next++);
            }

            await Task.Delay(1);
        }

        await DrainAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        _client.Dispose();
        _window.Dispose();
    }

    private async Task PublishOneAsync(int index)
    {
        await _window.WaitAsync();
        _frame.BootId = BootId;
        _frame.FrameSequence = (uint)index;
        _frame.FirstSampleMonoUs = 1_000_000UL + ((ulong)index * 10_000UL);
        for (int s = 0; s < 10; s++)
        {
            _frame.ForceMilliNewtons[s] = 100_000 + (s * 1000) + (index % 1000);
        }

        byte[] payload = new byte[FrameMessage.EncodedSize(10)];
        if (!FrameCodec.TryEncode(_frame, payload, 0).IsWritten)
        {
            throw new InvalidOperationException("benchmark frame refused by the encoder");
        }

        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(_topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        SentAtTicks[index] = Stopwatch.GetTimestamp();
        _ = _client.PublishAsync(message, CancellationToken.None).ContinueWith(
            t =>
            {
                _window.Release();
                if (t.IsFaulted || !t.Result.IsSuccess)
                {
                    throw new InvalidOperationException("a QoS 1 publish failed: " + (t.Exception?.Message ?? t.Result.ReasonCode.ToString()));
                }
            },
            TaskScheduler.Default);
    }

    private async Task DrainAsync()
    {
        for (int i = 0; i < InFlight; i++)
        {
            await _window.WaitAsync();
        }

        _window.Release(InFlight);
    }
}
