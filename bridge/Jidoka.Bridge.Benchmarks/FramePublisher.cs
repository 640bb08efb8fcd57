using System;
using System.Collections.Generic;
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
    private readonly List<MqttApplicationMessage> _frames = new();
    private readonly SemaphoreSlim _window = new(InFlight, InFlight);

    public FramePublisher(string nodeId, int frames, uint bootId)
    {
        NodeId = nodeId;
        string topic = Topics.ForNode("bench", nodeId, TopicKind.Frame);
        var frame = new FrameMessage { NodeId = nodeId, BootId = bootId, SampleCount = 10, SamplePeriodUs = 1000 };
        frame.Provenance.PolicyId = 1;
        byte[] buffer = new byte[FrameMessage.EncodedSize(10)];
        for (int i = 0; i < frames; i++)
        {
            frame.FrameSequence = (uint)i;
            frame.FirstSampleMonoUs = 1_000_000UL + ((ulong)i * 10_000UL);
            for (int s = 0; s < 10; s++)
            {
                frame.ForceMilliNewtons[s] = 100_000 + (s * 1000) + (i % 1000);
                frame.VisionConfidence[s] = 9500;
                frame.VisionAgeMs[s] = 10;
                frame.InterlockBits[s] = InterlockBits.AllClosed;
                frame.SampleFlags[s] = SampleFlags.ForceValid | SampleFlags.VisionValid;
            }

            if (!FrameCodec.TryEncode(frame, buffer, 0).IsWritten)
            {
                throw new InvalidOperationException("benchmark frame refused by the encoder");
            }

            _frames.Add(new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload((byte[])buffer.Clone())
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
        }

        SentAtTicks = new long[frames];
    }

    public string NodeId { get; }

    public int Count => _frames.Count;

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
        SentAtTicks[index] = Stopwatch.GetTimestamp();
        _ = _client.PublishAsync(_frames[index], CancellationToken.None).ContinueWith(
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
