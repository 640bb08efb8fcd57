using System;
using BenchmarkDotNet.Attributes;
using Jidoka.Node.Config;
using Jidoka.Node.TestKit;
using Jidoka.Protocol;

namespace Jidoka.Node.Benchmarks;

/// <summary>
/// Cost of one trip-loop step on this machine, on bus-level fakes, for the paths that matter:
/// the steady armed step (inputs, rules, frame append, outputs, watchdog), a step while tripped with
/// every rule's condition present, and the worst path, a step that trips (decision record, journal
/// append with provenance and snapshot, latch) followed by the two steps of a button reset.
/// </summary>
[MemoryDiagnoser]
public class TripLoopBenchmarks
{
    private const uint PeriodUs = StandardPolicy.LoopPeriodUs;

    private FakeClock _clock = null!;
    private FakeForce _force = null!;
    private FakeVision _vision = null!;
    private FakePin[] _interlocks = null!;
    private FakePin _button = null!;
    private NodeCore _core = null!;

    [GlobalSetup(Target = nameof(SteadyArmedStep))]
    public void SetupSteady() => Build();

    [GlobalSetup(Target = nameof(TrippedStepWithEveryRuleActive))]
    public void SetupTripped()
    {
        Build();
        for (int i = 0; i < 6; i += 2)
        {
            _interlocks[i].Level = false;
        }

        _interlocks[1].Level = false;
        _force.Counts = 2_000_000;
        _vision.Raw = 100;
        StepOnce();
        if (_core.State != TripState.Tripped)
        {
            throw new InvalidOperationException("benchmark setup did not trip");
        }
    }

    [GlobalSetup(Target = nameof(TripThenButtonResetCycle))]
    public void SetupCycle() => Build();

    [Benchmark]
    public void SteadyArmedStep() => StepOnce();

    [Benchmark]
    public void TrippedStepWithEveryRuleActive() => StepOnce();

    /// <summary>Three steps: the trip, the button press that resets it, the release; plus the two acks.</summary>
    [Benchmark(OperationsPerInvoke = 1)]
    public void TripThenButtonResetCycle()
    {
        _force.Counts = 600_000;
        StepOnce();
        _force.Counts = 100_000;
        _button.Level = true;
        StepOnce();
        _button.Level = false;
        StepOnce();
        lock (_core.Sync)
        {
            ulong next = _core.Context.Journal.NextEventId;
            _core.Context.Journal.Acknowledge(next - 1);
            _core.Context.Journal.Acknowledge(next - 2);
        }
    }

    private void StepOnce()
    {
        _clock.Now += PeriodUs;
        _core.Step();
    }

    private void Build()
    {
        var board = new FakeBoard();
        (_clock, _force, _vision, _interlocks, _button) = (board.Clock, board.Force, board.Vision, board.Interlocks, board.Button);
        _vision.Raw = 9000;
        NodeConfig config = StandardConfig.Create();
        config.Board = "bench";
        config.JournalCapacity = 64;
        config.FrameRingCapacity = 32;
        config.SamplesPerFrame = 50;
        config.ResetHoldUs = 0;

        // Against the standard policy: one sample over the limit trips and a closing interlock needs no
        // debounce, so the trip-and-reset cycle trips and re-arms within its three steps.
        PolicyRecord p = config.DefaultPolicy;
        p.ForceOverLimitMs = 1;
        p.InterlockDebounceMs = 0;
        p.ForceStuckMs = 1000;
        _core = new NodeCore(config, board.Hardware(FakeBoard.StoreFor(config.JournalCapacity)));
        _core.Boot(0, false);
        for (int i = 0; i < 100; i++)
        {
            StepOnce();
        }

        if (_core.State != TripState.Armed)
        {
            throw new InvalidOperationException("benchmark setup did not arm");
        }
    }
}
