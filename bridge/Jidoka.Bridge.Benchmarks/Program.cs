using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Jidoka.Bridge.Hosting;
using Jidoka.Bridge.Storage;
using Jidoka.Hil.RealTime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Benchmarks;

/// <summary>
/// End-to-end ingest benchmark (docs/performance.md, "Bridge ingest"). One broker, one run. Each round
/// publishes the same load of ten-sample frames at QoS 1 twice: A) to a raw MQTTnet subscriber that
/// only counts them, B) to the bridge, which decodes, tracks sessions and commits to SQLite (the bridge
/// runs only during B, so the two never share the broker). Rounds alternate so both see the same
/// machine load; the medians are reported. A last phase runs the bridge at half its median rate and
/// measures publish-to-committed latency. Every phase checks that nothing was lost.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        int totalFrames = Option(args, "--frames", 200_000);
        int nodes = Option(args, "--nodes", 4);
        int rounds = Option(args, "--rounds", 3);
        int latencySeconds = Option(args, "--latency-seconds", 5);
        bool durable = Option(args, "--durable", 1) != 0;
        int perNode = totalFrames / nodes;
        totalFrames = perNode * nodes;
        const int latencyPerNodeMax = 40_000;

        string dir = Path.Combine(Path.GetTempPath(), "jidoka-bridge-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string dataFile = Path.Combine(dir, "bench.db");
        Console.WriteLine($"Bridge ingest benchmark: {rounds} rounds of {totalFrames} ten-sample frames from {nodes} nodes at QoS 1; SQLite durable commits: {durable}");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");

        // --broker mosquitto: publishers, raw subscriber and bridge all talk to a Mosquitto child process,
        // as in a plant; --broker inprocess: MQTTnet's broker inside this process, sharing its cores.
        bool useMosquitto = StringOption(args, "--broker", "mosquitto") == "mosquitto";
        int externalPort = Option(args, "--broker-port", 0);
        await using var broker = new EmbeddedBroker(new BrokerOptions { ListenAddress = "127.0.0.1", Port = 0, MaxPendingMessagesPerClient = 2_000_000 });
        MosquittoBroker? mosquitto = null;
        int brokerPort;
        if (externalPort != 0)
        {
            brokerPort = externalPort;
            Console.WriteLine($"Broker: already running on 127.0.0.1:{brokerPort}");
        }
        else if (useMosquitto)
        {
            string executable = MosquittoBroker.Find()
                ?? throw new InvalidOperationException("mosquitto is not installed (sudo apt-get install -y mosquitto), or run with --broker inprocess");
            mosquitto = await MosquittoBroker.StartAsync(executable, Path.Combine(dir, "mosquitto"), maxQueuedMessages: 10_000_000, maxInflightMessages: 0);
            brokerPort = mosquitto.Port;
            Console.WriteLine($"Broker: Mosquitto ({executable}) on 127.0.0.1:{brokerPort}, a separate process");
        }
        else
        {
            await broker.StartAsync();
            brokerPort = broker.Port;
            Console.WriteLine("Broker: in-process MQTTnet (publishers, broker and consumer share this process)");
        }

        await using MosquittoBroker? ownedMosquitto = mosquitto;
        var publishers = Enumerable.Range(1, nodes).Select(i => new FramePublisher("bench-" + i.ToString(CultureInfo.InvariantCulture), perNode + latencyPerNodeMax)).ToList();
        foreach (FramePublisher publisher in publishers)
        {
            await publisher.ConnectAsync(brokerPort);
        }

        var rawRates = new List<double>();
        var bridgeRates = new List<double>();
        uint boot = 0;
        for (int round = 1; round <= rounds; round++)
        {
            // A: raw subscriber alone.
            SetBoot(publishers, ++boot);
            await using (var raw = new RawSubscriber())
            {
                await raw.ConnectAsync(brokerPort);
                long start = Stopwatch.GetTimestamp();
                await Task.WhenAll(publishers.Select(p => p.PublishAsync(0, perNode)));
                await WaitAsync(() => raw.Received >= totalFrames, "raw subscriber received every frame");
                if (raw.Received != totalFrames)
                {
                    Console.WriteLine($"LOSS: the raw subscriber received {raw.Received} of {totalFrames}");
                    return 1;
                }

                rawRates.Add(totalFrames / Stopwatch.GetElapsedTime(start, raw.LastReceivedTicks).TotalSeconds);
            }

            // B: the bridge alone, same load.
            SetBoot(publishers, ++boot);
            (IHost host, BridgeRuntime bridge, CommitClock commits) = await StartBridgeAsync(brokerPort, dataFile, durable);
            long before = bridge.Engine.Totals.FramesStored;
            long bridgeStart = Stopwatch.GetTimestamp();
            await Task.WhenAll(publishers.Select(p => p.PublishAsync(0, perNode)));
            await WaitAsync(() => bridge.Engine.Totals.FramesStored - before >= totalFrames, "bridge stored every frame");
            bridgeRates.Add(totalFrames / Stopwatch.GetElapsedTime(bridgeStart, commits.LastTicks).TotalSeconds);
            Console.WriteLine($"round {round}: raw {rawRates[^1]:0} frames/s, bridge {bridgeRates[^1]:0} frames/s");
            if (round < rounds)
            {
                await host.StopAsync();
                host.Dispose();
            }
            else
            {
                return await LatencyPhaseAsync(host, bridge, commits, publishers, perNode, latencyPerNodeMax, latencySeconds, Median(rawRates), Median(bridgeRates), ++boot, dir);
            }
        }

        return 1;
    }

    private static async Task<int> LatencyPhaseAsync(
        IHost host, BridgeRuntime bridge, CommitClock commits, List<FramePublisher> publishers, int perNode, int latencyPerNodeMax, int latencySeconds,
        double rawRate, double bridgeRate, uint boot, string dir)
    {
        int nodes = publishers.Count;
        double halfRate = bridgeRate / 2;
        int latencyPerNode = (int)Math.Min(latencyPerNodeMax, halfRate / nodes * latencySeconds);
        SetBoot(publishers, boot);
        var latencies = new List<double>();
        var cursor = new Dictionary<string, int>();
        commits.OnCommit = node =>
        {
            // Frames of one node are stored in order, so the committed count says which are stored.
            FramePublisher? publisher = publishers.FirstOrDefault(p => p.NodeId == node.NodeId);
            if (publisher == null || node.BootId != boot)
            {
                return;
            }

            int done = (int)(node.Counters.FramesStored - commits.StoredAtBoot(node.NodeId));
            cursor.TryGetValue(node.NodeId, out int from);
            for (int i = from; i < done; i++)
            {
                latencies.Add(Stopwatch.GetElapsedTime(publisher.SentAtTicks[perNode + i], commits.LastTicks).TotalMilliseconds);
            }

            cursor[node.NodeId] = Math.Max(from, done);
        };
        foreach (FramePublisher publisher in publishers)
        {
            commits.MarkBoot(publisher.NodeId, bridge.Directory.TryGet(publisher.NodeId, out NodeRecord n) ? n.Counters.FramesStored : 0);
        }

        long before = bridge.Engine.Totals.FramesStored;
        long start = Stopwatch.GetTimestamp();
        await Task.WhenAll(publishers.Select(p => p.PublishPacedAsync(perNode, perNode + latencyPerNode, halfRate / nodes)));
        await WaitAsync(() => bridge.Engine.Totals.FramesStored - before >= latencyPerNode * nodes, "bridge stored the latency-phase frames");
        double achievedHalf = latencyPerNode * nodes / Stopwatch.GetElapsedTime(start).TotalSeconds;

        IReadOnlyList<NodeRecord> stored = await bridge.Store.ListNodesAsync(default);
        long lost = stored.Sum(n => n.Counters.FramesLost);
        long duplicate = stored.Sum(n => n.Counters.FramesDuplicate);
        long storedFrames = bridge.Engine.Totals.FramesStored;
        long batches = bridge.Engine.Totals.Batches;
        await host.StopAsync();
        host.Dispose();
        foreach (FramePublisher publisher in publishers)
        {
            await publisher.DisposeAsync();
        }

        latencies.Sort();
        Console.WriteLine();
        Console.WriteLine("| consumer (median of rounds) | frames/s | samples/s |");
        Console.WriteLine("| --- | ---: | ---: |");
        Console.WriteLine($"| raw MQTTnet subscriber (counts only) | {rawRate:0} | {rawRate * 10:0} |");
        Console.WriteLine($"| bridge (decode, sessions, SQLite commit) | {bridgeRate:0} | {bridgeRate * 10:0} |");
        Console.WriteLine();
        Console.WriteLine($"Bridge / raw: {bridgeRate / rawRate:P0}");
        Console.WriteLine($"Latency publish -> committed at half the bridge's rate ({achievedHalf:0} frames/s achieved, {latencies.Count} frames): p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies.LastOrDefault():0.0} ms");
        Console.WriteLine($"Last bridge run: stored {storedFrames} frames in {batches} transactions; lost {lost}, duplicate {duplicate}");
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }

        return lost == 0 && duplicate == 0 && latencies.Count == latencyPerNode * nodes ? 0 : 1;
    }

    private static void SetBoot(List<FramePublisher> publishers, uint boot)
    {
        foreach (FramePublisher publisher in publishers)
        {
            publisher.BootId = boot;
        }
    }

    private static async Task<(IHost, BridgeRuntime, CommitClock)> StartBridgeAsync(int brokerPort, string dataFile, bool durable)
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
        IHost host = builder.Build();
        BridgeRuntime bridge = host.Services.GetRequiredService<BridgeRuntime>();
        var commits = new CommitClock();
        bridge.Directory.NodeChanged += commits.Committed;
        await host.StartAsync();
        return (host, bridge, commits);
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

    private static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string StringOption(string[] args, string name, string fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;
    }

    /// <summary>When the bridge last committed (node states are published right after each commit).</summary>
    private sealed class CommitClock
    {
        private readonly Dictionary<string, long> _storedAtBoot = new();

        public long LastTicks { get; private set; }

        public Action<NodeRecord>? OnCommit { get; set; }

        public void Committed(NodeRecord node)
        {
            LastTicks = Stopwatch.GetTimestamp();
            OnCommit?.Invoke(node);
        }

        public void MarkBoot(string nodeId, long storedBefore) => _storedAtBoot[nodeId] = storedBefore;

        public long StoredAtBoot(string nodeId) => _storedAtBoot.TryGetValue(nodeId, out long value) ? value : 0;
    }
}
