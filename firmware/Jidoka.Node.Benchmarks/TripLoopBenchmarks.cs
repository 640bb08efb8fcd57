using System;
using BenchmarkDotNet.Attributes;
using Jidoka.Node.Config;
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
    private const uint PeriodUs = 1000;

    private BenchClock _clock = null!;
    private BenchForce _force = null!;
    private BenchVision _vision = null!;
    private BenchPin[] _interlocks = null!;
    private BenchPin _button = null!;
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
        _clock = new BenchClock();
        _force = new BenchForce();
        _vision = new BenchVision(_clock);
        _interlocks = new BenchPin[6];
        for (int i = 0; i < 6; i++)
        {
            _interlocks[i] = new BenchPin { Level = true };
        }

        _button = new BenchPin();
        var config = new NodeConfig { CellId = "cell-a", NodeId = "press-01", Board = "bench", JournalCapacity = 64, FrameRingCapacity = 32, SamplesPerFrame = 50, ResetHoldUs = 0 };
        PolicyRecord p = config.DefaultPolicy;
        p.PolicyId = 7;
        p.ForceLimitMilliNewtons = 450_000;
        p.ForceWarnMilliNewtons = 350_000;
        p.ForceOverLimitSamples = 1;
        p.ForceRangeMinMilliNewtons = -50_000;
        p.ForceRangeMaxMilliNewtons = 1_000_000;
        p.ForceStuckSamples = 1000;
        p.VisionMinConfidence = 5000;
        p.VisionMaxAgeMs = 200;
        p.InterlockDebounceMs = 0;
        p.DiscrepancyMs = 50;
        p.LoopPeriodUs = PeriodUs;
        p.LoopDeadlineUs = 800;
        foreach (TripRule rule in new[] { TripRule.ForceOverLimit, TripRule.VisionLowConfidence, TripRule.VisionStale, TripRule.InterlockOpen, TripRule.ChannelDiscrepancy, TripRule.SensorFault, TripRule.LoopOverrun })
        {
            p.SetResponse(rule, ResponseClass.Pause);
        }

        Calibrate(config.DefaultForceCalibration, InputChannel.Force);
        Calibrate(config.DefaultVisionCalibration, InputChannel.Vision);
        var hardware = new NodeHardware(_clock, _interlocks, _button, new BenchOutput(), new BenchOutput(), _force, _vision, new BenchWatchdog(),
            new BenchStore(Store.StoreLayout.SlotsRequired(config.JournalCapacity), 192), new BenchLink(), null);
        _core = new NodeCore(config, hardware);
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

    private static void Calibrate(CalibrationRecord c, InputChannel channel)
    {
        c.Channel = channel;
        c.CalibrationId = 1;
        c.Version = 1;
        c.GainMicroUnitsPerCount = CalibrationRecord.UnityGainMicro;
        c.CalibratedUnixSeconds = 1_764_000_000;
        c.Technician = "tech.ana";
    }
}
