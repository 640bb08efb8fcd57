using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage.Sqlite;
using Jidoka.Hil.Deterministic;
using Jidoka.Hil.Measurements;
using Jidoka.Hil.Scenarios;
using Jidoka.Hil.Simulation;
using Jidoka.Protocol;
using Jidoka.SimBoard.Time;

namespace Jidoka.Hil.RealTime;

/// <summary>
/// Runs a scenario in real time with real processes: Mosquitto (started here on an ephemeral loopback
/// port), the bridge service as a child process in External broker mode with its own SQLite file, and
/// the simulated nodes as a third process (<c>Jidoka.Hil.SimNodes</c>) taking the scenario's node-side
/// steps over its standard input. Broker outages kill and restart Mosquitto on the same port; a bridge
/// restart kills the bridge process and starts another on the same file. Afterwards the nodes' truth is
/// compared with the bridge's file exactly as in the deterministic mode. Timing is the host's: latencies
/// are recorded, not held to the virtual-time bounds.
/// </summary>
public static class RealTimeRunner
{
    /// <summary>How a run that failed before its timeline (nodes not armed and online) begins its failure.</summary>
    public const string NotReadyFailure = "the nodes did not all arm and see the bridge online";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs <paramref name="scenario"/> once with <paramref name="seed"/>, using <paramref name="mosquitto"/> as the broker executable.</summary>
    public static async Task<RunMeasurement> RunAsync(Scenario scenario, ulong seed, string mosquitto, string workDirectory, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var watch = Stopwatch.StartNew();
        var m = new RunMeasurement
        {
            Scenario = scenario.Name,
            Mode = ScenarioLoader.RealTime,
            Seed = seed,
            Replay = $"{Deterministic.DeterministicRunner.ScenarioVariable}={scenario.Name} dotnet test hil-tests/Jidoka.Hil.Tests --filter Category=RealTime",
        };
        string dir = Path.Combine(workDirectory, "rt-" + scenario.Name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(dir);
        MosquittoBroker? broker = null;
        BridgeProcessHost? bridge = null;
        SimNodesProcess? nodes = null;
        try
        {
            broker = await MosquittoBroker.StartAsync(mosquitto, Path.Combine(dir, "mosquitto")).ConfigureAwait(false);
            log?.Invoke($"mosquitto on 127.0.0.1:{broker.Port}");
            bridge = new BridgeProcessHost(BridgeProcessHost.DefaultDll(), broker.Port, Path.Combine(dir, "bridge.db"));
            await bridge.StartAsync().ConfigureAwait(false);
            nodes = SimNodesProcess.Start(SimNodesProcess.DefaultDll(), scenario.Name, ScenarioLoader.DefaultDirectory(), broker.Port, seed, Path.Combine(dir, "nodes"));
            int count = scenario.Nodes.Count;
            // A node that tripped before the timeline stays latched: no point waiting the full minute for it.
            if (!await WaitAsync(nodes, s => s.All(n => n.State == "armed" && n.HostOnline) && s.Count == count, TimeSpan.FromSeconds(60), s => s.Any(n => n.State == "tripped")).ConfigureAwait(false))
            {
                m.Failures.Add(NotReadyFailure + " within 60 s (a node tripped before the timeline, e.g. on loop-overrun, means the host was too busy for its loop deadline): " + await Describe(nodes, all: true).ConfigureAwait(false));
                return m;
            }

            await Task.Delay(scenario.LeadInMs).ConfigureAwait(false);
            var context = new RunContext { Mode = ScenarioLoader.RealTime };
            IReadOnlyList<string> ids = ScenarioLoader.NodeIds(scenario);
            var plan = new List<(double AtMs, int Index, string Action)>();
            for (int i = 0; i < scenario.Timeline.Count; i++)
            {
                ScenarioStep step = scenario.Timeline[i];
                double jitterMs = step.JitterUs > 0 ? new SimRandom(SimRandom.Derive(seed, $"scenario:{scenario.Name}:jitter:{i}")).NextLong(step.JitterUs) / 1000.0 : 0;
                plan.Add((step.AtMs + jitterMs, i, step.Action));
                if (step.Action == "bridge-restart")
                {
                    plan.Add((step.AtMs + jitterMs + (step.OffMs ?? 500), i, "bridge-start"));
                }

                if (step.Trigger && NodeStimuli.IsNodeAction(step.Action))
                {
                    foreach (string id in ScenarioLoader.Select(ids, step.Node))
                    {
                        context.Touched.Add(id);
                    }
                }
            }

            if (context.Touched.Count == 0)
            {
                foreach (string id in ids)
                {
                    context.Touched.Add(id);
                }
            }

            using var commands = new BridgeCommandClient(bridge.HttpBaseUrl);
            if (plan.Any(p => p.Action is "reset" or "policy-push"))
            {
                // Commands go to nodes the bridge knows are online; waiting for that here also warms the HTTP path.
                var wait = Stopwatch.StartNew();
                while ((await commands.OnlineNodesAsync(CancellationToken.None).ConfigureAwait(false)).Count < count)
                {
                    if (wait.Elapsed > TimeSpan.FromSeconds(30))
                    {
                        m.Failures.Add("the bridge's HTTP API did not list every node online within 30 s");
                        return m;
                    }

                    await Task.Delay(Poll).ConfigureAwait(false);
                }
            }

            var commandResults = new CommandStepResults();
            Task commandChain = Task.CompletedTask;
            var clock = Stopwatch.StartNew();
            foreach ((double atMs, int index, string action) in plan.OrderBy(p => p.AtMs))
            {
                TimeSpan wait = TimeSpan.FromMilliseconds(atMs) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait).ConfigureAwait(false);
                }

                log?.Invoke($"{clock.ElapsedMilliseconds} ms: {action} (step {index})");
                switch (action)
                {
                    case "broker-stop":
                        await broker.StopAsync().ConfigureAwait(false);
                        break;
                    case "broker-start":
                        await broker.StartAgainAsync().ConfigureAwait(false);
                        break;
                    case "bridge-restart":
                        await bridge.KillAsync().ConfigureAwait(false);
                        break;
                    case "bridge-start":
                        await bridge.StartAsync().ConfigureAwait(false);
                        break;
                    case "reset":
                    case "policy-push":
                        // Operator commands go out one after another on their own chain, so a slow HTTP round trip
                        // delays the next command, never the node steps between them (an interlock closing on time).
                        ScenarioStep commandStep = scenario.Timeline[index];
                        commandChain = AfterAsync(commandChain, () => SendCommandAsync(commandStep, ids, nodes, commands, broker.Port, commandResults));
                        break;
                    default:
                        SimNodesReply reply = await nodes.AskAsync(new SimNodesRequest { Cmd = "step", Index = index }).ConfigureAwait(false);
                        if (!reply.Ok)
                        {
                            context.Notes.Add($"step {index} ({action}): {reply.Error}");
                        }

                        break;
                }
            }

            await commandChain.ConfigureAwait(false);
            commandResults.CopyTo(context);
            TimeSpan rest = TimeSpan.FromMilliseconds(scenario.DurationMs) - clock.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest).ConfigureAwait(false);
            }

            // Real processes reconnect on their own back-off; allow for it on top of the scenario's settle time.
            TimeSpan settleLimit = TimeSpan.FromMilliseconds(scenario.SettleMaxMs) + TimeSpan.FromSeconds(30);
            bool settled = await WaitAsync(nodes, s => s.All(n => n.Powered && n.HostOnline && n.Journal == 0), settleLimit).ConfigureAwait(false);
            if (!settled)
            {
                m.Failures.Add($"not settled within {settleLimit.TotalSeconds} s after the timeline: " + await Describe(nodes).ConfigureAwait(false));
            }

            // The last frames and case windows (real-time boards send a frame every 500 ms).
            await Task.Delay(TimeSpan.FromSeconds(1.5)).ConfigureAwait(false);
            m.RunSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
            SimNodesReply truth = await nodes.AskAsync(new SimNodesRequest { Cmd = "truth" }).ConfigureAwait(false);
            await nodes.QuitAsync().ConfigureAwait(false);
            await bridge.StopAsync().ConfigureAwait(false);
            m.BridgeStarts = bridge.Starts;

            List<NodeTruth> truths = truth.Truth ?? new List<NodeTruth>();
            await using var store = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = bridge.DataFile });
            await store.InitializeAsync(CancellationToken.None).ConfigureAwait(false);
            Assessment.Measure(scenario, truths, store, context, m);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            m.Failures.Add("the run threw: " + ex);
        }
        finally
        {
            if (nodes != null)
            {
                if (!m.Passed)
                {
                    if (m.LoopOverruns > 0)
                    {
                        m.Notes.Add($"the nodes counted {m.LoopOverruns} loop overrun(s), longest step {m.LongestLoopStepUs} µs: a node that misses its deadline trips on loop-overrun, correctly; on a host this means the process was starved of CPU mid-step");
                    }

                    m.Notes.Add("sim-nodes output (tail): " + Tail(nodes.Output));
                }

                await nodes.DisposeAsync().ConfigureAwait(false);
            }

            if (bridge != null)
            {
                await bridge.DisposeAsync().ConfigureAwait(false);
                if (!m.Passed)
                {
                    m.Notes.Add("bridge output (tail): " + Tail(bridge.Output));
                }
            }

            if (broker != null)
            {
                if (!m.Passed)
                {
                    m.Notes.Add("mosquitto output (tail): " + Tail(broker.Output));
                }

                await broker.DisposeAsync().ConfigureAwait(false);
            }

            m.WallMs = watch.Elapsed.TotalMilliseconds;
            if (m.Passed)
            {
                TryDelete(dir);
            }
            else
            {
                m.Notes.Add("run folder kept: " + dir);
            }
        }

        return m;
    }

    /// <summary>Runs <paramref name="next"/> once <paramref name="previous"/> is done; a failure of either fails the chain.</summary>
    private static async Task AfterAsync(Task previous, Func<Task> next)
    {
        await previous.ConfigureAwait(false);
        await next().ConfigureAwait(false);
    }

    /// <summary>
    /// Carries out an operator step: a reset through the bridge's HTTP API, or a policy push (the node's
    /// active policy, asked of the simulated-nodes process, changed as the step says) through the HTTP API
    /// or, for <c>"via": "wire"</c>, published raw on the broker past the bridge.
    /// </summary>
    private static async Task SendCommandAsync(ScenarioStep step, IReadOnlyList<string> ids, SimNodesProcess nodes, BridgeCommandClient commands, int brokerPort, CommandStepResults results)
    {
        string operatorId = step.Operator ?? "operator-1";
        foreach (string id in ScenarioLoader.Select(ids, step.Node))
        {
            if (step.Action == "reset")
            {
                results.Add(await commands.ResetAsync(id, operatorId, CancellationToken.None).ConfigureAwait(false));
                continue;
            }

            SimNodesReply active = await nodes.AskAsync(new SimNodesRequest { Cmd = "policy", Node = id }).ConfigureAwait(false);
            if (!active.Ok || active.Policy == null)
            {
                results.Notes.Add($"policy push to {id} not made: {active.Error}");
                continue;
            }

            var policy = new PolicyRecord();
            policy.Read(Convert.FromHexString(active.Policy), 0);
            step.Policy.ApplyTo(policy);
            if (step.Via == "wire")
            {
                results.LastWireCommandId++;
                byte[] command = RawPolicyCommand.Encode(id, policy, operatorId, step.Changeover, results.LastWireCommandId, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                await MqttWireTool.PublishAsync(brokerPort, RawPolicyCommand.Topic(DeterministicRunner.DefaultCellId, id), command, CancellationToken.None).ConfigureAwait(false);
                results.Notes.Add($"policy {policy.PolicyId} pushed to {id} on the wire, past the bridge's check ({policy.Validate()})");
            }
            else
            {
                results.Add(await commands.ApplyPolicyAsync(id, policy, operatorId, step.Changeover, CancellationToken.None).ConfigureAwait(false));
            }
        }
    }

    /// <summary>Polls the nodes until <paramref name="condition"/> holds (true), <paramref name="limit"/> passes or <paramref name="hopeless"/> holds (false).</summary>
    private static async Task<bool> WaitAsync(SimNodesProcess nodes, Func<List<SimNodeStatus>, bool> condition, TimeSpan limit, Func<List<SimNodeStatus>, bool>? hopeless = null)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            SimNodesReply reply = await nodes.AskAsync(new SimNodesRequest { Cmd = "status" }).ConfigureAwait(false);
            if (reply.Nodes != null && condition(reply.Nodes))
            {
                return true;
            }

            if (reply.Nodes != null && hopeless != null && hopeless(reply.Nodes))
            {
                return false;
            }

            await Task.Delay(Poll).ConfigureAwait(false);
        }

        return false;
    }

    private static async Task<string> Describe(SimNodesProcess nodes, bool all = false)
    {
        SimNodesReply reply = await nodes.AskAsync(new SimNodesRequest { Cmd = "status" }).ConfigureAwait(false);
        return string.Join(", ", (reply.Nodes ?? new List<SimNodeStatus>()).Where(n => all ? n.State != "armed" || !n.HostOnline : !(n.HostOnline && n.Journal == 0 && n.Powered)).Take(10)
            .Select(n => $"{n.NodeId} {n.State} hostOnline={n.HostOnline} journal={n.Journal}"));
    }

    private static string Tail(string text) => text.Length <= 3000 ? text : text[^3000..];

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
