using System;
using System.Collections.Generic;
using System.IO;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Nodes;

/// <summary>
/// A deterministic virtual-time run of many simulated nodes on one simulated network, from one seed:
/// every random choice (clock drift, vision phase, bounce edges, converter noise, latencies, losses,
/// torn-write lengths, back-off jitter) is forked from <see cref="Seed"/> by name, and everything runs
/// as callbacks of one <see cref="VirtualScheduler"/> on the caller's thread. The same seed and the same
/// stimuli give the same outputs and message streams, bit for bit.
/// </summary>
public sealed class SimulatedCell : IDisposable
{
    private readonly List<SimulatedNode> _nodes = new();
    private readonly bool _ownsDirectory;

    /// <summary>
    /// Creates the cell. Node stores go under <paramref name="directory"/> (one sub-directory per node);
    /// null makes a fresh temporary directory that <see cref="Dispose"/> deletes.
    /// </summary>
    public SimulatedCell(ulong seed, string? directory = null, SimNetworkOptions? network = null, long epochUnixUs = HostWallClock.DefaultEpochUnixUs)
    {
        Seed = seed;
        Random = new SimRandom(seed);
        Scheduler = new VirtualScheduler();
        Network = new SimNetwork(Scheduler, Random.Fork("network"), network);
        HostClock = new HostWallClock(Scheduler, epochUnixUs);
        TimeProvider = new SimTimeProvider(Scheduler, HostClock);
        _ownsDirectory = directory == null;
        Directory = directory ?? Path.Combine(Path.GetTempPath(), "jidoka-sim-" + seed.ToString("x16") + "-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The run's seed: print it when a run fails; a new cell with it replays the run.</summary>
    public ulong Seed { get; }

    /// <summary>The root random stream (fork it by name for scenario choices).</summary>
    public SimRandom Random { get; }

    /// <summary>Virtual time.</summary>
    public VirtualScheduler Scheduler { get; }

    /// <summary>The broker and the paths to it.</summary>
    public SimNetwork Network { get; }

    /// <summary>The wall clock of the host the bridge runs on (steps injectable).</summary>
    public HostWallClock HostClock { get; }

    /// <summary>A <see cref="System.TimeProvider"/> over virtual time and <see cref="HostClock"/>, for the bridge's logic.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Directory holding the node stores.</summary>
    public string Directory { get; }

    /// <summary>The nodes, in the order added.</summary>
    public IReadOnlyList<SimulatedNode> Nodes => _nodes;

    /// <summary>Adds a node (powered off); its random streams are forked from the seed by node id.</summary>
    public SimulatedNode AddNode(SimulatedBoardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SimulatedNode node = SimulatedNode.CreateVirtual(options, Scheduler, Network, Random.Fork("node:" + options.NodeId), Path.Combine(Directory, options.NodeId));
        _nodes.Add(node);
        return node;
    }

    /// <summary>Adds <paramref name="count"/> nodes named sim-01, sim-02, … with <paramref name="configure"/> applied to each one's options.</summary>
    public IReadOnlyList<SimulatedNode> AddNodes(int count, Func<SimulatedBoardOptions, SimulatedBoardOptions>? configure = null)
    {
        var added = new List<SimulatedNode>(count);
        for (int i = 1; i <= count; i++)
        {
            SimulatedBoardOptions options = new() { NodeId = "sim-" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture) };
            added.Add(AddNode(configure == null ? options : configure(options)));
        }

        return added;
    }

    /// <summary>Creates a client for the bridge side (the bridge's logic in a virtual run, or a test playing it).</summary>
    public SimClient CreateBridgeClient(string clientId, SimWill? will = null, LinkFaults? faults = null) => Network.CreateClient(clientId, will, null, faults);

    /// <summary>Powers on every node that is off, now.</summary>
    public void PowerOnAll()
    {
        foreach (SimulatedNode node in _nodes)
        {
            if (!node.IsPowered)
            {
                node.PowerOn();
            }
        }
    }

    /// <summary>Runs <paramref name="durationUs"/> of virtual time.</summary>
    public void RunFor(ulong durationUs) => Scheduler.RunFor(durationUs);

    /// <summary>Runs until <paramref name="condition"/> holds or <paramref name="maxUs"/> of virtual time pass; returns whether it held.</summary>
    public bool RunUntil(Func<bool> condition, ulong maxUs) => Scheduler.RunUntil(condition, Scheduler.NowUs + maxUs);

    /// <summary>Powers every node off and deletes the store directory when the cell made it.</summary>
    public void Dispose()
    {
        foreach (SimulatedNode node in _nodes)
        {
            node.Dispose();
        }

        if (_ownsDirectory)
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless.
            }
        }
    }
}
