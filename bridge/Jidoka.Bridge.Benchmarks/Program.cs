using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Jidoka.Bridge.Hosting;
using Jidoka.Bridge.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Benchmarks;

/// <summary>
/// End-to-end ingest benchmark (docs/performance.md, "Bridge ingest"). One broker, one run, three phases:
/// A) a raw MQTTnet subscriber that only counts frames; B) the bridge storing the same frames in
/// SQLite; C) the bridge at half of B's rate, measuring publish-to-committed latency. Every phase
/// publishes at QoS 1 and checks that nothing was lost.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        int totalFrames = Option(args, "--frames", 200_000);
        int nodes = Option(args, "--nodes", 4);
        int latencySeconds = Option(args, "--latency-seconds", 5);
        bool durable = Option(args, "--durable", 1) != 0;
        int perNode = totalFrames / nodes;
        totalFrames = perNode * nodes;

        string dir = Path.Combine(Path.GetTempPath(), "jidoka-bridge-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        Console.WriteLine($"Bridge ingest benchmark: {totalFrames} ten-sample frames from {nodes} nodes at QoS 1, SQLite durable commits: {durable}");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");

        await using var broker = new EmbeddedBroker(new BrokerOptions { ListenAddress = "127.0.0.1", Port = 0, MaxPendingMessagesPerClient = 2_000_000 });
        await broker.StartAsync();

        // Enough frames per node for phases A/B (the same frames, the bridge never sees A) and C.
        int latencyPerNodeMax = 40_000;
        var publishers = Enumerable.Range(1, nodes).Select(i => new FramePublisher("bench-" + i.ToString(CultureInfo.InvariantCulture), perNode + latencyPerNodeMax, 1)).ToList();
        // Warm-up nodes run first against each consumer so neither measured phase pays for JIT compilation.
        const int warmPerNode = 10_000;
        var warmers = Enumerable.Range(1, nodes).Select(i => new FramePublisher("warm-" + i.ToString(CultureInfo.InvariantCulture), warmPerNode, 1)).ToList();
        foreach (FramePublisher publisher in publishers.Concat(warmers))
        {
            await publisher.ConnectAsync(broker.Port);
        }

        // Phase A: raw subscriber.
        double rawSeconds;
        await using (var raw = new RawSubscriber())
        {
            await raw.ConnectAsync(broker.Port);
            await Task.WhenAll(warmers.Select(p => p.PublishAsync(0, warmPerNode)));
            await WaitAsync(() => raw.Received >= warmPerNode * nodes, "raw subscriber warmed up");
            long warm = raw.Received;
            long start = Stopwatch.GetTimestamp();
            await Task.WhenAll(publishers.Select(p => p.PublishAsync(0, perNode)));
            await WaitAsync(() => raw.Received - warm >= totalFrames, "raw subscriber received every frame");
            rawSeconds = Stopwatch.GetElapsedTime(start, raw.LastReceivedTicks).TotalSeconds;
            if (raw.Received - warm != totalFrames)
            {
                Console.WriteLine($"LOSS: the raw subscriber received {raw.Received - warm} of {totalFrames}");
                return 1;
            }
        }

        // Phase B: the bridge, same broker, same frames.
        IHost host = StartBridge(broker.Port, Path.Combine(dir, "bench.db"), durable);
        await host.StartAsync();
        BridgeRuntime bridge = host.Services.GetRequiredService<BridgeRuntime>();
        long lastCommitTicks = 0;
        var latencies = new List<double>();
        var cursor = new Dictionary<string, int>();
        bool measuring = false;
        bridge.Directory.NodeChanged += node =>
        {
            lastCommitTicks = Stopwatch.GetTimestamp();
            if (!measuring)
            {
                return;
            }

            // Frames of one node are stored in order, so the committed count says which are stored.
            FramePublisher? publisher = publishers.FirstOrDefault(p => p.NodeId == node.NodeId);
            if (publisher == null)
            {
                return;
            }

            int done = (int)node.Counters.FramesStored;
            cursor.TryGetValue(node.NodeId, out int from);
            for (int i = Math.Max(from, perNode); i < done; i++)
            {
                latencies.Add(Stopwatch.GetElapsedTime(publisher.SentAtTicks[i], lastCommitTicks).TotalMilliseconds);
            }

            cursor[node.NodeId] = Math.Max(from, done);
        };

        await Task.WhenAll(warmers.Select(p => p.PublishAsync(0, warmPerNode)));
        await WaitAsync(() => bridge.Engine.Totals.FramesStored >= warmPerNode * nodes, "bridge warmed up");
        long baseline = bridge.Engine.Totals.FramesStored;
        long bridgeStart = Stopwatch.GetTimestamp();
        await Task.WhenAll(publishers.Select(p => p.PublishAsync(0, perNode)));
        await WaitAsync(() => bridge.Engine.Totals.FramesStored - baseline >= totalFrames, "bridge stored every frame");
        double bridgeSeconds = Stopwatch.GetElapsedTime(bridgeStart, lastCommitTicks).TotalSeconds;

        // Phase C: half the bridge's rate, latency publish -> committed.
        double bridgeRate = totalFrames / bridgeSeconds;
        double halfRate = bridgeRate / 2;
        int latencyPerNode = (int)Math.Min(latencyPerNodeMax, halfRate / nodes * latencySeconds);
        measuring = true;
        long latencyStart = Stopwatch.GetTimestamp();
        await Task.WhenAll(publishers.Select(p => p.PublishPacedAsync(perNode, perNode + latencyPerNode, halfRate / nodes)));
        int expected = (int)baseline + totalFrames + (latencyPerNode * nodes);
        await WaitAsync(() => bridge.Engine.Totals.FramesStored >= expected, "bridge stored the latency-phase frames");
        double achievedHalf = latencyPerNode * nodes / Stopwatch.GetElapsedTime(latencyStart).TotalSeconds;
        measuring = false;

        IReadOnlyList<NodeRecord> stored = await bridge.Store.ListNodesAsync(default);
        long lost = stored.Sum(n => n.Counters.FramesLost);
        long duplicate = stored.Sum(n => n.Counters.FramesDuplicate);
        long storedFrames = bridge.Engine.Totals.FramesStored;
        long batches = bridge.Engine.Totals.Batches;
        await host.StopAsync();
        host.Dispose();
        foreach (FramePublisher publisher in publishers.Concat(warmers))
        {
            await publisher.DisposeAsync();
        }

        double rawRate = totalFrames / rawSeconds;
        latencies.Sort();
        Console.WriteLine();
        Console.WriteLine("| consumer | frames | seconds | frames/s | samples/s |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Console.WriteLine($"| raw MQTTnet subscriber (counts only) | {totalFrames} | {rawSeconds:0.00} | {rawRate:0} | {rawRate * 10:0} |");
        Console.WriteLine($"| bridge (decode, sessions, SQLite commit) | {totalFrames} | {bridgeSeconds:0.00} | {bridgeRate:0} | {bridgeRate * 10:0} |");
        Console.WriteLine();
        Console.WriteLine($"Bridge / raw: {bridgeRate / rawRate:P0}");
        Console.WriteLine($"Latency at half the bridge's rate ({achievedHalf:0} frames/s achieved, {latencies.Count} frames): p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies.LastOrDefault():0.0} ms");
        Console.WriteLine($"Stored {storedFrames} of {expected} frames (including {baseline} warm-up frames) in {batches} transactions; lost {lost}, duplicate {duplicate}");
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }

        return storedFrames == expected && lost == 0 && duplicate == 0 ? 0 : 1;
    }

    private static IHost StartBridge(int brokerPort, string dataFile, bool durable)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bridge:HostId"] = "bench",
            ["Bridge:Broker:Mode"] = "External",
            ["Bridge:Broker:Host"] = "127.0.0.1",
            ["Bridge:Broker:Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
            ["Bridge:Storage:DataFile"] = dataFile,
            ["Bridge:Storage:DurableCommits"] = durable ? "true" : "false",
            ["Bridge:RetentionDays"] = "0",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddJidokaBridge(builder.Configuration);
        return builder.Build();
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("Timed out waiting until " + what);
            }

            await Task.Delay(5);
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;
    }
}
