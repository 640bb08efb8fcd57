using System;
using System.Collections.Generic;
using System.IO;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Nodes;

/// <summary>
/// Simulated nodes in real time against a real broker (MQTTnet's in-process server, or Mosquitto): the
/// same boards, each running the core's <see cref="Jidoka.Node.Runtime.NodeRuntime"/> threads and an
/// MQTTnet client. Timing is the host's, so runs are not repeatable; randomness (noise, bounce, back-off
/// jitter) still comes from <see cref="Seed"/>.
/// </summary>
public sealed class RealTimeCell : IDisposable
{
    private readonly List<SimulatedNode> _nodes = new();
    private readonly bool _ownsDirectory;
    private readonly MqttNetLinkOptions _mqtt;

    /// <summary>Creates the cell for the broker at <paramref name="mqtt"/>'s host and port.</summary>
    public RealTimeCell(ulong seed, MqttNetLinkOptions mqtt, string? directory = null)
    {
        _mqtt = mqtt ?? throw new ArgumentNullException(nameof(mqtt));

        // Before any node runs: a first-call JIT inside a loop step is a host stall the device never has.
        NodeCodeWarmup.EnsureCompiled();
        Seed = seed;
        Random = new SimRandom(seed);
        Scheduler = new RealTimeScheduler();
        _ownsDirectory = directory == null;
        Directory = directory ?? Path.Combine(Path.GetTempPath(), "jidoka-rt-" + seed.ToString("x16") + "-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The seed of the random streams.</summary>
    public ulong Seed { get; }

    /// <summary>Root random stream.</summary>
    public SimRandom Random { get; }

    /// <summary>Host time and the timer thread (bounce edges, the watchdog, pin-change dispatch).</summary>
    public RealTimeScheduler Scheduler { get; }

    /// <summary>Directory holding the node stores.</summary>
    public string Directory { get; }

    /// <summary>The nodes, in the order added.</summary>
    public IReadOnlyList<SimulatedNode> Nodes => _nodes;

    /// <summary>Adds a node (powered off).</summary>
    public SimulatedNode AddNode(SimulatedBoardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SimulatedNode node = SimulatedNode.CreateRealTime(options, Scheduler, _mqtt, Random.Fork("node:" + options.NodeId), Path.Combine(Directory, options.NodeId));
        _nodes.Add(node);
        return node;
    }

    /// <summary>Powers on every node that is off.</summary>
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

    /// <summary>Powers every node off, stops the timer thread, deletes the store directory when the cell made it.</summary>
    public void Dispose()
    {
        foreach (SimulatedNode node in _nodes)
        {
            node.Dispose();
        }

        Scheduler.Dispose();
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
