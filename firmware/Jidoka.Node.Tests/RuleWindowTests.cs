using Jidoka.Node.Config;
using Jidoka.Node.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Node.Tests;

/// <summary>
/// The force rules' windows are time: a node turns them into reading counts when a policy is applied, so the
/// same policy trips after the same time at any loop period, and a window the board cannot span is refused.
/// </summary>
public sealed class RuleWindowTests
{
    private static NodeRig RigAt(uint periodUs, ushort overLimitMs, ushort stuckMs)
    {
        var rig = new NodeRig(configure: c =>
        {
            c.DefaultPolicy.LoopPeriodUs = periodUs;
            c.DefaultPolicy.LoopDeadlineUs = periodUs * 4 / 5;
            c.DefaultPolicy.ForceOverLimitMs = overLimitMs;
            c.DefaultPolicy.ForceStuckMs = stuckMs;
        });
        rig.Core.Boot(0, false);
        for (int i = 0; i < 200 && rig.Core.State != TripState.Armed; i++)
        {
            StepAt(rig, periodUs);
        }

        Assert.Equal(TripState.Armed, rig.Core.State);
        return rig;
    }

    private static void StepAt(NodeRig rig, uint periodUs)
    {
        rig.Clock.Advance(periodUs);
        rig.Core.Step();
    }

    // Runs until the node trips (at most a second); the trip's detection time less the time the input changed.
    private static ulong TripAfterUs(NodeRig rig, uint periodUs, ulong changedAtUs)
    {
        for (int i = 0; i < 1_000_000 / (int)periodUs && rig.Core.State == TripState.Armed; i++)
        {
            StepAt(rig, periodUs);
        }

        Assert.NotEqual(TripState.Armed, rig.Core.State);
        return rig.LastJournaled(EventType.Trip).Record.DetectMonoUs - changedAtUs;
    }

    private static ulong OverLimitTripAfterUs(uint periodUs, ushort windowMs)
    {
        var rig = RigAt(periodUs, windowMs, 2000);
        ulong changedAtUs = rig.Clock.Now;
        rig.SetForceMilliNewtons(500_000); // over the standard policy's 450 N, just after a step
        ulong afterUs = TripAfterUs(rig, periodUs, changedAtUs);
        Assert.Equal(TripRule.ForceOverLimit, rig.LastJournaled(EventType.Trip).Record.Rule);
        return afterUs;
    }

    private static ulong StuckTripAfterUs(uint periodUs, ushort windowMs)
    {
        var rig = RigAt(periodUs, 15, windowMs);
        rig.Force.Noise = false;
        ulong changedAtUs = rig.Clock.Now;
        rig.SetForceMilliNewtons(100_123); // a new value that then repeats exactly
        ulong afterUs = TripAfterUs(rig, periodUs, changedAtUs);
        Assert.Equal(TripRule.SensorFault, rig.LastJournaled(EventType.Trip).Record.Rule);
        return afterUs;
    }

    [Fact]
    public void The_same_over_limit_window_trips_after_the_same_time_at_1_ms_and_at_5_ms()
    {
        // 15 readings at 1 ms, 3 at 5 ms: both 15 ms after the force crossed the limit.
        Assert.Equal(15_000ul, OverLimitTripAfterUs(1000, 15));
        Assert.Equal(15_000ul, OverLimitTripAfterUs(5000, 15));
    }

    [Fact]
    public void The_same_stuck_window_faults_after_the_same_time_at_1_ms_and_at_5_ms()
    {
        Assert.Equal(100_000ul, StuckTripAfterUs(1000, 100));
        Assert.Equal(100_000ul, StuckTripAfterUs(5000, 100));
    }

    [Fact]
    public void A_window_between_two_readings_rounds_up_so_it_is_never_shortened()
    {
        // 12 ms at 5 ms per reading: 3 readings (15 ms), not 2 (10 ms, under the window).
        Assert.Equal(15_000ul, OverLimitTripAfterUs(5000, 12));
    }

    [Theory]
    [InlineData(3, 1000u, 3)]
    [InlineData(3, 2000u, 2)]
    [InlineData(12, 5000u, 3)]
    [InlineData(10, 5000u, 2)]
    [InlineData(2000, 10_000u, 200)]
    [InlineData(500, 12_500u, 40)]
    [InlineData(65535, 100u, 655_350)]
    [InlineData(1, 0u, 0)]
    public void Readings_are_the_window_over_the_interval_rounded_up(int windowMs, uint intervalUs, int readings)
    {
        Assert.Equal(readings, RuleWindows.Readings((ushort)windowMs, intervalUs));
    }

    [Fact]
    public void Counts_are_computed_when_the_policy_is_applied_and_saturate_at_the_counter_limit()
    {
        var rig = RigAt(1000, 15, 2000);
        Assert.Equal(15, rig.C.Force.OverLimitReadingsToTrip);
        Assert.Equal(2000, rig.C.Force.StuckReadingsToFault);

        PolicyRecord policy = StandardPolicy.Create(9);
        policy.LoopPeriodUs = 100;
        policy.LoopDeadlineUs = 80;
        policy.ForceOverLimitMs = 1;
        policy.ForceStuckMs = 65535;
        Assert.Equal(CommandOutcome.Applied, rig.Command(CommandType.ApplyPolicy, fill: c => c.Policy.CopyFrom(policy)).Outcome);
        Assert.Equal(10, rig.C.Force.OverLimitReadingsToTrip);
        Assert.Equal(ushort.MaxValue, rig.C.Force.StuckReadingsToFault);
    }

    [Theory]
    [InlineData(10_000u, 9, 2000, PolicyProblem.ForceOverLimitMs)] // under one 10 ms reading
    [InlineData(10_000u, 10, 19, PolicyProblem.ForceStuckMs)]      // under two 10 ms readings
    [InlineData(10_000u, 10, 20, PolicyProblem.None)]
    [InlineData(1000u, 1, 2, PolicyProblem.None)]
    public void A_node_refuses_a_window_shorter_than_its_rule_needs_at_its_period(uint periodUs, int overLimitMs, int stuckMs, PolicyProblem expected)
    {
        var config = StandardConfig.Create();
        PolicyRecord policy = StandardPolicy.Create(9);
        policy.LoopPeriodUs = periodUs;
        policy.LoopDeadlineUs = periodUs * 4 / 5;
        policy.ForceOverLimitMs = (ushort)overLimitMs;
        policy.ForceStuckMs = (ushort)stuckMs;
        Assert.Equal(expected, config.CheckPolicy(policy));
    }

    [Fact]
    public void A_slow_front_end_counts_windows_in_its_own_readings()
    {
        // An HX711 at 80 samples/s under a 1 ms loop: a reading every 12.5 ms.
        var config = StandardConfig.Create();
        config.ForceReadingIntervalUs = 12_500;
        PolicyRecord policy = StandardPolicy.Create(9);
        policy.ForceOverLimitMs = 15;
        policy.ForceStuckMs = 500;
        Assert.Equal(PolicyProblem.None, config.CheckPolicy(policy));
        Assert.Equal(12_500u, RuleWindows.SampleIntervalUs(policy, config));

        policy.ForceStuckMs = 20; // under two readings of the converter
        Assert.Equal(PolicyProblem.ForceStuckMs, config.CheckPolicy(policy));
        policy.ForceStuckMs = 500;
        policy.ForceOverLimitMs = 12; // under one reading
        Assert.Equal(PolicyProblem.ForceOverLimitMs, config.CheckPolicy(policy));
    }
}
