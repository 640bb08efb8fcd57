using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Jidoka.Hil.Deterministic;
using Jidoka.Hil.RealTime;
using Jidoka.Hil.Scenarios;
using Jidoka.Hil.Simulation;
using Jidoka.Node;
using Jidoka.Protocol;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Nodes;
using Jidoka.SimBoard.Time;

namespace Jidoka.Hil.SimNodes;

/// <summary>
/// Runs a scenario's nodes in real time against a broker and carries out its node-side steps when told.
/// Usage: <c>Jidoka.Hil.SimNodes --scenario NAME --port N [--host 127.0.0.1] [--seed S] [--dir PATH] [--scenarios DIR]</c>.
/// </summary>
public static class Program
{
    /// <summary>Entry point: exit code 0 after <c>quit</c> or end of input, 2 on bad arguments.</summary>
    public static int Main(string[] args)
    {
        Dictionary<string, string> options = Parse(args);
        if (!options.TryGetValue("scenario", out string? name) || !options.TryGetValue("port", out string? portText))
        {
            Console.Error.WriteLine("usage: Jidoka.Hil.SimNodes --scenario NAME --port N [--host 127.0.0.1] [--seed S] [--dir PATH] [--scenarios DIR]");
            return 2;
        }

        var loader = new ScenarioLoader(options.TryGetValue("scenarios", out string? dir) ? dir : ScenarioLoader.DefaultDirectory());
        Scenario scenario = loader.Load(name);
        ulong seed = options.TryGetValue("seed", out string? seedText) ? ulong.Parse(seedText, CultureInfo.InvariantCulture) : 1;
        var mqtt = new MqttNetLinkOptions
        {
            Host = options.TryGetValue("host", out string? host) ? host : "127.0.0.1",
            Port = int.Parse(portText, CultureInfo.InvariantCulture),
            ReconnectBase = TimeSpan.FromMilliseconds(100),
            ReconnectCap = TimeSpan.FromSeconds(2),
        };
        using var cell = new RealTimeCell(seed, mqtt, options.TryGetValue("dir", out string? storeDir) ? storeDir : null);
        IReadOnlyList<string> ids = ScenarioLoader.NodeIds(scenario);
        var observers = new Dictionary<string, NodeObserver>(StringComparer.Ordinal);
        uint loopUs = options.TryGetValue("loop-ms", out string? loopText) ? uint.Parse(loopText, CultureInfo.InvariantCulture) * 1000 : RealTimeLoopPeriodUs;
        foreach (string id in ids)
        {
            SimulatedBoardOptions board = DeterministicRunner.BoardOptions(scenario, id);
            Action<Jidoka.Node.Config.NodeConfig>? configure = board.Configure;
            observers[id] = new NodeObserver(cell.AddNode(board with
            {
                Configure = config =>
                {
                    configure?.Invoke(config);
                    PaceForSharedHost(config, loopUs);
                },
            }));
        }

        cell.PowerOnAll();
        Console.Error.WriteLine($"jidoka-sim-nodes: {ids.Count} node(s) of scenario {scenario.Name} against {mqtt.Host}:{mqtt.Port}, seed {seed}; node code compiled ahead ({NodeCodeWarmup.MethodsCompiled} methods, {NodeCodeWarmup.ElapsedMs:0} ms)");
        string? line;
        while ((line = Console.In.ReadLine()) != null)
        {
            SimNodesReply reply;
            bool quit = false;
            try
            {
                SimNodesRequest request = JsonSerializer.Deserialize<SimNodesRequest>(line, SimNodesProtocol.Json) ?? new SimNodesRequest();
                switch (request.Cmd)
                {
                    case "status":
                        reply = new SimNodesReply { Nodes = observers.Values.Select(o => Status(o.Node)).ToList() };
                        break;
                    case "step":
                        reply = Step(scenario, seed, request.Index, ids, observers);
                        break;
                    case "policy":
                        reply = ActivePolicy(observers, request.Node);
                        break;
                    case "truth":
                        reply = new SimNodesReply { Truth = observers.Values.Select(o => o.Snapshot()).ToList() };
                        break;
                    case "quit":
                        reply = new SimNodesReply();
                        quit = true;
                        break;
                    default:
                        reply = new SimNodesReply { Ok = false, Error = "unknown command " + request.Cmd };
                        break;
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or IOException)
            {
                reply = new SimNodesReply { Ok = false, Error = ex.Message };
            }

            Console.Out.WriteLine(JsonSerializer.Serialize(reply, SimNodesProtocol.Json));
            Console.Out.Flush();
            if (quit)
            {
                break;
            }
        }

        return 0;
    }

    /// <summary>
    /// Loop period and deadline of real-time nodes, µs. A shared two-core CI host running Mosquitto, the
    /// bridge and this process misses the simulated board's 10 ms host pacing now and then (JIT and GC
    /// at start-up), and every missed deadline of an armed node is, correctly, a loop-overrun trip. The
    /// real-time mode tests processes and the wire, not loop timing (virtual time does that), so it
    /// paces the loop at 20 ms; <c>--loop-ms</c> overrides.
    /// </summary>
    public const uint RealTimeLoopPeriodUs = 20_000;

    private static void PaceForSharedHost(Jidoka.Node.Config.NodeConfig config, uint loopUs)
    {
        PolicyRecord p = config.DefaultPolicy;
        p.LoopPeriodUs = loopUs;
        p.LoopDeadlineUs = loopUs;
        Jidoka.SimBoard.Nodes.SimulatedBoardConfig.RaiseWindowsToPeriod(p);
    }

    private static SimNodesReply Step(Scenario scenario, ulong seed, int index, IReadOnlyList<string> ids, Dictionary<string, NodeObserver> observers)
    {
        ScenarioStep step = scenario.Timeline[index];
        if (!NodeStimuli.IsNodeAction(step.Action))
        {
            return new SimNodesReply { Ok = false, Error = $"step {index} ({step.Action}) is not a node action" };
        }

        var skipped = new List<string>();
        foreach (string id in ScenarioLoader.Select(ids, step.Node))
        {
            NodeObserver observer = observers[id];
            if (!observer.Node.IsPowered && step.Action != "power-cycle")
            {
                skipped.Add(id);
                continue;
            }

            ulong? reference = NodeStimuli.Apply(step, observer.Node, NodeStimuli.StepSeed(seed, scenario.Name, index, id));
            if (step.Action == "power-cycle")
            {
                observer.CaptureRamAtCut();
            }

            if (reference is ulong r)
            {
                observer.AddTrigger(index, r);
            }
        }

        return skipped.Count == 0 ? new SimNodesReply() : new SimNodesReply { Ok = false, Error = "off: " + string.Join(", ", skipped) };
    }

    private static SimNodesReply ActivePolicy(Dictionary<string, NodeObserver> observers, string? nodeId)
    {
        if (nodeId == null || !observers.TryGetValue(nodeId, out NodeObserver? observer))
        {
            return new SimNodesReply { Ok = false, Error = $"no node '{nodeId}'" };
        }

        NodeCore? core = observer.Node.Core;
        if (core == null)
        {
            return new SimNodesReply { Ok = false, Error = nodeId + " is off" };
        }

        byte[] bytes = new byte[PolicyRecord.SizeBytes];
        lock (core.Sync)
        {
            core.Context.Policy.Write(bytes, 0);
        }

        return new SimNodesReply { Policy = Convert.ToHexString(bytes) };
    }

    private static SimNodeStatus Status(SimulatedNode node)
    {
        NodeCore? core = node.Core;
        if (core == null)
        {
            return new SimNodeStatus { NodeId = node.NodeId, State = "off" };
        }

        lock (core.Sync)
        {
            return new SimNodeStatus
            {
                NodeId = node.NodeId,
                Powered = true,
                State = TripStateNames.Name(core.Context.Latch.State),
                HostOnline = core.Comms.HostOnline,
                Journal = core.Context.Journal.Count,
            };
        }
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }
}
