using System;
using System.Globalization;
using Jidoka.Protocol;
using Jidoka.SimBoard.Nodes;
using Jidoka.SimBoard.Physics;
using Jidoka.SimBoard.Sensors;

namespace Jidoka.SimBoard.Demo;

/// <summary>
/// Plays a <see cref="DemoScript"/> on one simulated node, entirely on the node's own scheduler, so the
/// same script runs in real time (the demo) and in virtual time (its test) with the same results.
/// Also plays the operator: a node tripped for <see cref="DemoScript.ResetAfterSeconds"/> gets its
/// reset button pressed.
/// </summary>
public sealed class DemoScriptPlayer
{
    private const ulong UsPerSecond = 1_000_000;
    private const ulong ButtonHoldUs = 150_000;
    private readonly DemoScript _script;
    private readonly SimulatedNode _node;
    private readonly ulong _cycleUs;
    private readonly ulong _offsetUs;
    private ulong _trippedSinceUs;
    private bool _stopped;

    private DemoScriptPlayer(DemoScript script, SimulatedNode node, int index)
    {
        _script = script;
        _node = node;
        _cycleUs = (ulong)script.CycleSeconds * UsPerSecond;
        _offsetUs = (ulong)index * (ulong)script.NodeOffsetSeconds * UsPerSecond % _cycleUs;
    }

    /// <summary>Operator resets pressed so far.</summary>
    public int ResetsPressed { get; private set; }

    /// <summary>Steps carried out so far.</summary>
    public int StepsPlayed { get; private set; }

    /// <summary>
    /// The options of demo node <paramref name="nodeId"/>: the MCU ADC front end, whose conversions are
    /// made on demand by the loop and so stay sound on a busy host (the simulated HX711's bit-clocked
    /// reads are timing-sensitive in real time, and misread into false sensor faults when the host is loaded).
    /// </summary>
    public static SimulatedBoardOptions BoardOptions(string cellId, string nodeId) => new()
    {
        CellId = cellId,
        NodeId = nodeId,
        ForceFrontEnd = ForceFrontEndKind.Adc,
    };

    /// <summary>
    /// Sets <paramref name="node"/>'s ordinary inputs and schedules the script on it; <paramref name="index"/>
    /// (0 for the first node) shifts it in the timeline. Call before or after power-on.
    /// </summary>
    public static DemoScriptPlayer Attach(DemoScript script, SimulatedNode node, int index)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(node);
        if (node.Adc == null)
        {
            throw new ArgumentException($"{node.NodeId}: the demo script needs the ADC front end (DemoScriptPlayer.BoardOptions)", nameof(node));
        }

        var player = new DemoScriptPlayer(script, node, index);
        ulong now = node.Scheduler.NowUs;
        node.Force.Profile = player.Baseline();
        node.Vision.Profile = VisionProfile.Nominal(script.VisionScore);

        // Node k joins the timeline at its offset: steps before it wait for the next cycle.
        long cycleStartUs = (long)now - (long)player._offsetUs;
        foreach (DemoStep step in script.Steps)
        {
            player.Schedule(step, cycleStartUs, now);
        }

        node.Scheduler.At(now + UsPerSecond, player.Operator);
        return player;
    }

    /// <summary>Stops scheduling further steps and resets (already scheduled callbacks become no-ops).</summary>
    public void Stop() => _stopped = true;

    private void Schedule(DemoStep step, long cycleStartUs, ulong notBeforeUs)
    {
        long signedAt = cycleStartUs + (long)(step.AtSeconds * UsPerSecond);
        while (signedAt < (long)notBeforeUs)
        {
            signedAt += (long)_cycleUs;
        }

        ulong at = (ulong)signedAt;
        _node.Scheduler.At(at, () =>
        {
            if (_stopped)
            {
                return;
            }

            Play(step);
            StepsPlayed++;
            Schedule(step, cycleStartUs, at + 1);
        });
    }

    private void Play(DemoStep step)
    {
        ulong now = _node.Scheduler.NowUs;
        switch (step.Action)
        {
            case "press":
            {
                // One harder press starting now, then the ordinary cycle again.
                ForceProfile hard = ForceProfile.PressCycle(now, PressCycleTiming.Typical, _script.Press.ContactNewtons * 1000, step.PeakNewtons!.Value * 1000);
                _node.Force.Profile = hard.Then(now + PressCycleTiming.Typical.TotalUs, Baseline());
                break;
            }

            case "interlock-open":
                _node.Interlocks.Open(Interlock(step.Interlock!));
                break;
            case "interlock-close":
                _node.Interlocks.Close(Interlock(step.Interlock!));
                break;
            case "channel":
                _node.Interlocks.SetChannel(step.Channel!.Value, step.Closed!.Value);
                break;
            case "vision-degrade":
                _node.Vision.Profile = VisionProfile.Degrading(_script.VisionScore, step.Score!.Value, now, (ulong)(step.OverSeconds!.Value * UsPerSecond));
                break;
            case "vision-nominal":
                _node.Vision.Profile = VisionProfile.Nominal(_script.VisionScore);
                break;
            case "vision-dropout":
                _node.Vision.Profile = VisionProfile.Nominal(_script.VisionScore).WithDropout(now, (ulong)(step.ForSeconds!.Value * UsPerSecond));
                break;
            case "sensor-stick":
                _node.Adc!.FaultStuck = true;
                break;
            case "sensor-unstick":
                _node.Adc!.FaultStuck = false;
                break;
            default:
                throw new InvalidOperationException("unvalidated demo step " + step.Action);
        }
    }

    private void Operator()
    {
        if (_stopped)
        {
            return;
        }

        ulong now = _node.Scheduler.NowUs;
        if (_node.Core?.State != TripState.Tripped)
        {
            _trippedSinceUs = 0;
        }
        else if (_trippedSinceUs == 0)
        {
            _trippedSinceUs = now;
        }
        else if (now - _trippedSinceUs >= (ulong)_script.ResetAfterSeconds * UsPerSecond)
        {
            // Held longer than the node's reset hold time; a refused reset (cause still present) is journaled too.
            _node.ResetButton.Set(true);
            _node.Scheduler.At(now + ButtonHoldUs, () => _node.ResetButton.Set(false));
            ResetsPressed++;
            _trippedSinceUs = now;
        }

        _node.Scheduler.At(now + UsPerSecond, Operator);
    }

    private ForceProfile Baseline() =>
        ForceProfile.PressCycle(0, PressCycleTiming.Typical, _script.Press.ContactNewtons * 1000, _script.Press.PeakNewtons * 1000).Repeat((ulong)_script.Press.PeriodSeconds * UsPerSecond);

    private static InputChannel Interlock(string name) => name switch
    {
        "guard" => InputChannel.Guard,
        "light-curtain" => InputChannel.LightCurtain,
        "estop" => InputChannel.EStop,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an interlock"),
    };

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"demo script on {_node.NodeId} at +{_offsetUs / UsPerSecond} s");
}
