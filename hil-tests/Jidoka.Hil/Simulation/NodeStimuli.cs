using System;
using Jidoka.Hil.Scenarios;
using Jidoka.Node.Store;
using Jidoka.Protocol;
using Jidoka.SimBoard.Io;
using Jidoka.SimBoard.Nodes;
using Jidoka.SimBoard.Physics;
using Jidoka.SimBoard.Sensors;
using Jidoka.SimBoard.Time;

namespace Jidoka.Hil.Simulation;

/// <summary>
/// Carries out the node-side actions of a scenario step on one simulated board (force and vision
/// profiles, interlock contacts, CPU faults, power) and works out the reference time a trip latency is
/// measured from. Shared by the deterministic runner and the real-time simulated-nodes process, so a
/// scenario step means the same thing in both modes.
/// </summary>
public static class NodeStimuli
{
    /// <summary>How far ahead a force or vision profile is searched for its crossing, µs.</summary>
    public const ulong CrossingHorizonUs = 30_000_000;

    /// <summary>True for actions this class carries out (the rest belong to the network, the broker or the bridge).</summary>
    public static bool IsNodeAction(string action) => action is "force" or "vision" or "interlock-open" or "interlock-close" or "channel" or "bounce"
        or "stick" or "unstick" or "adc-rail" or "hx711-stuck" or "loop-stall" or "hang-loop" or "power-cycle" or "reset-button" or "torn-write";

    /// <summary>
    /// Applies <paramref name="step"/> to <paramref name="node"/> now (its scheduler's time). Returns the
    /// physical µs the trip latency is measured from when the step is a trigger, else null.
    /// <paramref name="noiseSeed"/> seeds force noise.
    /// </summary>
    public static ulong? Apply(ScenarioStep step, SimulatedNode node, ulong noiseSeed)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(node);
        ulong now = node.Scheduler.NowUs;
        ulong? reference = null;
        switch (step.Action)
        {
            case "force":
            {
                ForceProfile profile = BuildForce(step, now, noiseSeed);
                node.Force.Profile = profile;
                if (step.Trigger && step.MeasureFrom == "force-limit")
                {
                    double limit = ActiveForceLimitMilliNewtons(node);
                    reference = profile.TryFindCrossing(limit, now, now + CrossingHorizonUs, 20, out ulong crossing)
                        ? crossing
                        : throw new InvalidOperationException($"the force of step at {step.AtMs} ms never reaches the limit {limit / 1000} N");
                }

                break;
            }

            case "vision":
            {
                VisionProfile profile = BuildVision(step.Vision ?? throw new InvalidOperationException("vision step without vision"), now);
                node.Vision.Profile = profile;
                if (step.Trigger && step.MeasureFrom == "vision-below-min")
                {
                    int min = ActiveVisionMin(node);
                    reference = FindVisionBelow(profile, min, now) ?? throw new InvalidOperationException($"the vision score never falls below {min}");
                }

                break;
            }

            case "interlock-open":
                node.Interlocks.Open(Interlock(step));
                break;
            case "interlock-close":
                node.Interlocks.Close(Interlock(step));
                break;
            case "channel":
                node.Interlocks.SetChannel(step.Channel ?? 0, step.Closed ?? true);
                break;
            case "bounce":
                node.Interlocks.SetBounce(step.On == false ? null : BounceSpec.Typical);
                break;
            case "stick":
                node.Interlocks.Pins[step.Channel ?? 0].StickAt(step.Closed ?? true);
                break;
            case "unstick":
                node.Interlocks.Pins[step.Channel ?? 0].Unstick();
                break;
            case "adc-rail":
                (node.Adc ?? throw new InvalidOperationException(node.NodeId + " has no ADC front end")).Rail = step.Rail switch
                {
                    "high" => AmplifierRail.High,
                    "low" => AmplifierRail.Low,
                    _ => AmplifierRail.None,
                };
                break;
            case "hx711-stuck":
            {
                // A latched-up chip repeats its last conversion: a plausible value, so only the stuck check can tell.
                int last;
                Jidoka.Node.NodeCore core = node.Core ?? throw new InvalidOperationException(node.NodeId + " is off");
                lock (core.Sync)
                {
                    last = core.Context.Force.LastCounts;
                }

                (node.Hx711 ?? throw new InvalidOperationException(node.NodeId + " has no HX711 front end")).FaultStuckCounts = step.On != false ? last : null;
                break;
            }

            case "loop-stall":
                node.InjectLoopStall((ulong)(step.StallUs ?? 2000), step.Steps ?? 1);
                break;
            case "hang-loop":
                node.HangLoop();
                break;
            case "power-cycle":
                node.PowerCycle((ulong)((step.OffMs ?? 100) * 1000));
                break;
            case "reset-button":
            {
                ulong hold = (ulong)((step.HoldMs ?? 80) * 1000);
                node.ResetButton.Set(true);
                node.Scheduler.At(now + hold, () => node.ResetButton.Set(false));
                break;
            }

            case "torn-write":
            {
                ulong off = (ulong)((step.OffMs ?? 200) * 1000);
                node.Store.PlanRandomTornWrite(step.WithinWrites ?? 8, StoreLayout.FirstJournalSlot, int.MaxValue);
                node.Store.PowerCut += _ => node.Scheduler.At(node.Scheduler.NowUs + off, () =>
                {
                    if (!node.IsPowered)
                    {
                        node.PowerOn();
                    }
                });
                break;
            }

            default:
                throw new ArgumentException($"'{step.Action}' is not a node action", nameof(step));
        }

        if (step.Trigger && reference == null)
        {
            reference = now;
        }

        return reference;
    }

    /// <summary>The force profile of a force step starting at <paramref name="nowUs"/>: its parts added.</summary>
    public static ForceProfile BuildForce(ScenarioStep step, ulong nowUs, ulong noiseSeed)
    {
        ArgumentNullException.ThrowIfNull(step);
        ForceProfile total = ForceProfile.Zero;
        foreach (ForceSpec part in step.Force ?? throw new InvalidOperationException("force step without force"))
        {
            ulong t = nowUs + (ulong)(part.OffsetMs * 1000);
            ulong width = (ulong)(part.WidthMs * 1000);
            ForceProfile p = part.Kind switch
            {
                "spike" => ForceProfile.Spike(t, width, part.Newtons * 1000),
                "step" => ForceProfile.Zero.Then(t, ForceProfile.Constant(part.Newtons * 1000)),
                "ramp" => ForceProfile.Zero.Then(t, ForceProfile.Ramp(t, width, part.FromN * 1000, part.ToN * 1000)),
                "drift" => ForceProfile.Drift(t, part.NewtonsPerSecond * 1000),
                "press" => ForceProfile.PressCycle(t, PressCycleTiming.Typical, part.ContactN * 1000, part.PressN * 1000),
                "noise" => ForceProfile.Noise(noiseSeed, part.Newtons * 1000),
                "zero" => ForceProfile.Zero,
                _ => throw new InvalidOperationException($"unknown force kind '{part.Kind}'"),
            };
            total += p;
        }

        return total;
    }

    /// <summary>The vision profile of a vision step starting at <paramref name="nowUs"/>.</summary>
    public static VisionProfile BuildVision(VisionSpec spec, ulong nowUs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ulong duration = (ulong)(spec.DurationMs * 1000);
        return spec.Kind switch
        {
            "nominal" => VisionProfile.Nominal(spec.From),
            "degrading" => VisionProfile.Degrading(spec.From, spec.To, nowUs, duration),
            "dropout" => VisionProfile.Nominal(spec.From).WithDropout(nowUs, duration),
            "silent" => VisionProfile.Silent,
            _ => throw new InvalidOperationException($"unknown vision kind '{spec.Kind}'"),
        };
    }

    private static ulong? FindVisionBelow(VisionProfile profile, int min, ulong fromUs)
    {
        for (ulong t = fromUs; t < fromUs + CrossingHorizonUs; t += 100)
        {
            if (profile.TryScoreAt(t, out int score) && score < min)
            {
                return t;
            }
        }

        return null;
    }

    private static InputChannel Interlock(ScenarioStep step) =>
        Names.TryInterlock(step.Interlock ?? "", out InputChannel channel) ? channel : throw new InvalidOperationException($"'{step.Interlock}' is not an interlock");

    private static double ActiveForceLimitMilliNewtons(SimulatedNode node)
    {
        Jidoka.Node.NodeCore core = node.Core ?? throw new InvalidOperationException(node.NodeId + " is off");
        lock (core.Sync)
        {
            return core.Context.Policy.ForceLimitMilliNewtons;
        }
    }

    private static int ActiveVisionMin(SimulatedNode node)
    {
        Jidoka.Node.NodeCore core = node.Core ?? throw new InvalidOperationException(node.NodeId + " is off");
        lock (core.Sync)
        {
            return core.Context.Policy.VisionMinConfidence;
        }
    }

    /// <summary>A seed for one node's part of a scenario step, derived from the run's seed by name.</summary>
    public static ulong StepSeed(ulong runSeed, string scenario, int stepIndex, string nodeId) =>
        SimRandom.Derive(runSeed, "scenario:" + scenario + ":step:" + stepIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + nodeId);
}
