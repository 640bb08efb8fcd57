using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Jidoka.Bridge.Commands;
using Jidoka.Hil.Measurements;
using Jidoka.Hil.Scenarios;
using Jidoka.Hil.Simulation;
using Jidoka.Node;
using Jidoka.Protocol;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Nodes;
using Jidoka.SimBoard.Time;

namespace Jidoka.Hil.Deterministic;

/// <summary>
/// Runs a scenario in virtual time from one seed: a <see cref="SimulatedCell"/> (the real node core on
/// simulated boards, the simulated network) and a <see cref="VirtualBridge"/> (the bridge's real logic
/// and SQLite store), the timeline's steps as scheduler callbacks at their (seeded, jittered) times,
/// then a settling phase until every node's journal has drained, then the measurements. Every random
/// choice comes from the seed, so a failing run replays exactly: same seed, same scenario file.
/// </summary>
public static class DeterministicRunner
{
    /// <summary>Environment variable naming a seed to run alone.</summary>
    public const string SeedVariable = "JIDOKA_HIL_SEED";

    /// <summary>Environment variable naming a scenario to run alone.</summary>
    public const string ScenarioVariable = "JIDOKA_HIL_SCENARIO";

    private const ulong Ms = 1000;

    /// <summary>The command that replays <paramref name="scenario"/> with <paramref name="seed"/>.</summary>
    public static string ReplayCommand(string scenario, ulong seed) =>
        $"{SeedVariable}={seed.ToString(CultureInfo.InvariantCulture)} {ScenarioVariable}={scenario} dotnet test hil-tests/Jidoka.Hil.Tests --filter Category=Deterministic";

    /// <summary>
    /// Runs <paramref name="scenario"/> with <paramref name="seed"/>, working in a fresh folder under
    /// <paramref name="workDirectory"/> (deleted afterwards unless the run failed or <paramref name="keep"/>).
    /// </summary>
    public static RunMeasurement Run(Scenario scenario, ulong seed, string workDirectory, bool keep = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var watch = Stopwatch.StartNew();
        var m = new RunMeasurement { Scenario = scenario.Name, Mode = ScenarioLoader.Deterministic, Seed = seed, Replay = ReplayCommand(scenario.Name, seed) };
        string dir = Path.Combine(workDirectory, scenario.Name + "-" + seed.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(dir);
        try
        {
            RunIn(scenario, seed, dir, m);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            m.Failures.Add("the run threw: " + ex);
        }

        m.WallMs = watch.Elapsed.TotalMilliseconds;
        if (m.Passed && !keep)
        {
            TryDelete(dir);
        }
        else
        {
            m.Notes.Add("run folder kept: " + dir);
        }

        return m;
    }

    private static void RunIn(Scenario s, ulong seed, string dir, RunMeasurement m)
    {
        SimNetworkOptions network = new SimNetworkOptions();
        if (s.Network != null)
        {
            network = network with
            {
                KeepAliveUs = s.Network.KeepAliveMs is int keepAlive ? (ulong)keepAlive * Ms : network.KeepAliveUs,
                DefaultFaults = network.DefaultFaults with
                {
                    LatencyMinUs = s.Network.LatencyMinUs is int min ? (ulong)min : network.DefaultFaults.LatencyMinUs,
                    LatencyMaxUs = s.Network.LatencyMaxUs is int max ? (ulong)max : network.DefaultFaults.LatencyMaxUs,
                },
            };
        }

        using var cell = new SimulatedCell(seed, Path.Combine(dir, "nodes"), network);
        var bridge = new VirtualBridge(cell, Path.Combine(dir, "bridge.db"));
        try
        {
            bridge.Start();
            IReadOnlyList<string> ids = ScenarioLoader.NodeIds(s);
            var observers = new Dictionary<string, NodeObserver>(StringComparer.Ordinal);
            foreach (string id in ids)
            {
                SimulatedNode node = cell.AddNode(BoardOptions(s, id));
                observers[id] = new NodeObserver(node);
            }

            // A tool that publishes commands past the bridge's checks, connected before it is needed.
            SimClient? tool = s.Timeline.Any(x => x.Via == "wire") ? StartTool(cell) : null;
            cell.PowerOnAll();
            bool ready = cell.RunUntil(() => cell.Nodes.All(n => n.Core?.State == TripState.Armed && n.Core.Comms.HostOnline), 10_000 * Ms);
            if (!ready)
            {
                m.Failures.Add("the nodes did not all arm and see the bridge online within 10 s: " + string.Join(", ", cell.Nodes.Select(n => $"{n.NodeId} {n.Core?.State} hostOnline={n.Core?.Comms.HostOnline}")));
                return;
            }

            cell.RunFor((ulong)s.LeadInMs * Ms);
            ulong t0 = cell.Scheduler.NowUs;
            var context = new RunContext { Mode = ScenarioLoader.Deterministic };
            uint wireCommandId = 900_000;
            for (int i = 0; i < s.Timeline.Count; i++)
            {
                ScenarioStep step = s.Timeline[i];
                int index = i;
                ulong jitter = step.JitterUs > 0 ? (ulong)new SimRandom(SimRandom.Derive(seed, $"scenario:{s.Name}:jitter:{i}")).NextLong(step.JitterUs) : 0;
                ulong at = t0 + (ulong)(step.AtMs * Ms) + jitter;
                IReadOnlyList<string> selected = ScenarioLoader.Select(ids, step.Node);
                if (step.Trigger && NodeStimuli.IsNodeAction(step.Action))
                {
                    foreach (string id in selected)
                    {
                        context.Touched.Add(id);
                    }
                }

                cell.Scheduler.At(at, () =>
                {
                    if (NodeStimuli.IsNodeAction(step.Action))
                    {
                        foreach (string id in selected)
                        {
                            NodeObserver observer = observers[id];
                            if (!observer.Node.IsPowered && step.Action != "power-cycle")
                            {
                                context.Notes.Add($"step {index} ({step.Action}) found {id} off");
                                continue;
                            }

                            ulong? reference = NodeStimuli.Apply(step, observer.Node, NodeStimuli.StepSeed(seed, s.Name, index, id));
                            if (step.Action == "power-cycle")
                            {
                                observer.CaptureRamAtCut();
                            }

                            if (reference is ulong r)
                            {
                                observer.AddTrigger(index, r);
                            }
                        }

                        return;
                    }

                    switch (step.Action)
                    {
                        case "link-faults":
                            LinkFaults faults = Faults(step.Link!);
                            if (step.Target == "bridge")
                            {
                                bridge.Client.Faults = faults;
                            }
                            else
                            {
                                foreach (string id in selected)
                                {
                                    observers[id].Node.SimLink!.Client.Faults = faults;
                                }
                            }

                            break;
                        case "partition":
                            foreach (string id in selected)
                            {
                                observers[id].Node.SimLink!.Client.SetPartitioned(step.On != false);
                            }

                            break;
                        case "broker-stop":
                            cell.Network.StopBroker();
                            break;
                        case "broker-start":
                            cell.Network.StartBroker();
                            break;
                        case "bridge-restart":
                            bridge.Restart((ulong)((step.OffMs ?? 500) * Ms));
                            break;
                        case "clock-step":
                            cell.HostClock.Step((long)((step.DeltaMs ?? 0) * Ms));
                            break;
                        case "reset":
                            foreach (string id in selected)
                            {
                                Refusal(context, BridgeCommand(bridge, c => c.ResetAsync(id, step.Operator ?? "operator-1", CancellationToken.None)));
                            }

                            break;
                        case "policy-push":
                            foreach (string id in selected)
                            {
                                PolicyRecord policy = ActivePolicy(observers[id].Node);
                                step.Policy.ApplyTo(policy);
                                if (step.Via == "wire")
                                {
                                    PublishRawPolicy(tool!, observers[id].Node, policy, step, ++wireCommandId, cell.TimeProvider);
                                    context.Notes.Add($"policy {policy.PolicyId} pushed to {id} on the wire, past the bridge's check ({policy.Validate()})");
                                }
                                else
                                {
                                    Refusal(context, BridgeCommand(bridge, c => c.ApplyPolicyAsync(id, policy, step.Operator ?? "operator-1", step.Changeover, CancellationToken.None)));
                                }
                            }

                            break;
                        default:
                            throw new InvalidOperationException($"step {index}: unknown action '{step.Action}'");
                    }
                });
            }

            if (context.Touched.Count == 0)
            {
                foreach (string id in ids)
                {
                    context.Touched.Add(id);
                }
            }

            cell.RunFor((ulong)s.DurationMs * Ms);
            ulong settleStart = cell.Scheduler.NowUs;
            bool settled = cell.RunUntil(
                () => bridge.IsRunning && bridge.Pending == 0 && cell.Nodes.All(n => n.Core is NodeCore core && core.Comms.HostOnline && JournalEmpty(core)),
                (ulong)s.SettleMaxMs * Ms);
            if (!settled)
            {
                m.Failures.Add($"not settled within {s.SettleMaxMs} ms after the timeline: " + string.Join(", ", cell.Nodes.Select(n => $"{n.NodeId} powered={n.IsPowered} hostOnline={n.Core?.Comms.HostOnline} journal={(n.Core == null ? -1 : n.Core.Context.Journal.Count)}")));
            }

            // Let the last frames and the case windows arrive (frames flow every 50 ms at 1 kHz).
            cell.RunFor(300 * Ms);
            m.RunSeconds = (cell.Scheduler.NowUs - t0) / 1e6;
            m.BridgeStarts = bridge.Starts;
            m.Notes.Add($"settled {(cell.Scheduler.NowUs - settleStart) / 1000} ms after the timeline; bridge received {bridge.MessagesReceived} messages in {bridge.BatchesCommitted} batches; network lost {cell.Network.Counters.Lost}, duplicated {cell.Network.Counters.Duplicated}, corrupted {cell.Network.Counters.Corrupted}, dropped in flight {cell.Network.Counters.DroppedInFlight}");
            List<NodeTruth> truths = observers.Values.Select(o => o.Snapshot()).ToList();
            Assessment.Measure(s, truths, bridge.Store, context, m);
        }
        finally
        {
            bridge.Dispose();
        }
    }

    /// <summary>The cell id of the scenario nodes in both modes.</summary>
    public const string DefaultCellId = "cell-hil";

    /// <summary>The board options of node <paramref name="id"/> in scenario <paramref name="s"/>.</summary>
    public static SimulatedBoardOptions BoardOptions(Scenario s, string id, string cellId = DefaultCellId)
    {
        ArgumentNullException.ThrowIfNull(s);
        NodeSetup n = s.Nodes;
        return new SimulatedBoardOptions
        {
            CellId = cellId,
            NodeId = id,
            ForceFrontEnd = n.FrontEnd == "hx711" ? ForceFrontEndKind.Hx711 : ForceFrontEndKind.Adc,
            Configure = config =>
            {
                n.Policy.ApplyTo(config.DefaultPolicy);
                if (n.AckTimeoutMs is int ack)
                {
                    config.AckTimeoutUs = (ulong)ack * Ms;
                }

                if (n.TimeSyncPeriodMs is int sync)
                {
                    config.TimeSyncPeriodUs = (ulong)sync * Ms;
                }

                if (n.JournalCapacity is int capacity)
                {
                    config.JournalCapacity = capacity;
                }
            },
        };
    }

    private static bool JournalEmpty(NodeCore core)
    {
        lock (core.Sync)
        {
            return core.Context.Journal.Count == 0;
        }
    }

    private static PolicyRecord ActivePolicy(SimulatedNode node)
    {
        var policy = new PolicyRecord();
        NodeCore core = node.Core ?? throw new InvalidOperationException(node.NodeId + " is off");
        lock (core.Sync)
        {
            policy.CopyFrom(core.Context.Policy);
        }

        return policy;
    }

    private static LinkFaults Faults(LinkSpec spec) => new()
    {
        LossQos0 = spec.LossQos0,
        LossQos1 = spec.LossQos1,
        Duplicate = spec.Duplicate,
        Corrupt = spec.Corrupt,
        Reorder = spec.Reorder,
        LatencyMinUs = (ulong)spec.LatencyMinUs,
        LatencyMaxUs = (ulong)spec.LatencyMaxUs,
    };

    private static CommandRequestResult BridgeCommand(VirtualBridge bridge, Func<NodeCommandService, System.Threading.Tasks.Task<CommandRequestResult>> call) =>
        bridge.IsRunning ? bridge.Command(call) : CommandRequestResult.Refused(CommandRequestError.NotConnected, "the bridge is not running");

    private static void Refusal(RunContext context, CommandRequestResult result)
    {
        if (!result.IsSent)
        {
            context.AddRefusal(result.Error.ToString(), result.Message);
        }
    }

    private static SimClient StartTool(SimulatedCell cell)
    {
        SimClient tool = cell.Network.CreateClient("hil-tool", null);
        tool.Start();
        return tool;
    }

    /// <summary>A command published straight on the wire, as a tool that skips the bridge's checks would: the node must defend itself.</summary>
    private static void PublishRawPolicy(SimClient tool, SimulatedNode node, PolicyRecord policy, ScenarioStep step, uint commandId, TimeProvider clock)
    {
        byte[] command = RawPolicyCommand.Encode(node.NodeId, policy, step.Operator ?? "operator-1", step.Changeover, commandId, clock.GetUtcNow().ToUnixTimeMilliseconds());
        if (!tool.Publish(RawPolicyCommand.Topic(node.Options.CellId, node.NodeId), command, command.Length, 1, false))
        {
            throw new InvalidOperationException("the tool client is not connected");
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
