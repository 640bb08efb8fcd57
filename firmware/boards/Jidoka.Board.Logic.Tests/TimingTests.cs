using Jidoka.Boards.Logic.Timing;
using Xunit;

namespace Jidoka.Boards.Logic.Tests;

public sealed class AnchoredMicrosecondClockTests
{
    private const long TicksPerUs = 10;

    [Fact]
    public void Follows_the_fine_wall_clock_between_uptime_milliseconds()
    {
        var clock = new AnchoredMicrosecondClock();
        long wall0 = 638_000_000_000_000_000;
        Assert.Equal(5_000_000UL, clock.Update(5000, wall0));

        // 100 µs steps of the wall clock inside the same uptime millisecond.
        Assert.Equal(5_000_100UL, clock.Update(5000, wall0 + (100 * TicksPerUs)));
        Assert.Equal(5_000_900UL, clock.Update(5000, wall0 + (900 * TicksPerUs)));
        Assert.Equal(5_001_300UL, clock.Update(5001, wall0 + (1300 * TicksPerUs)));
        Assert.Equal(0u, clock.Reanchors);
    }

    [Fact]
    public void A_forward_wall_clock_step_re_anchors_instead_of_jumping()
    {
        var clock = new AnchoredMicrosecondClock();
        long wall0 = 1_000_000_000;
        clock.Update(10_000, wall0);
        clock.Update(10_001, wall0 + (1000 * TicksPerUs));

        // SNTP sets the wall clock an hour ahead.
        ulong t = clock.Update(10_002, wall0 + (3_600_000_000L * TicksPerUs));
        Assert.Equal(10_002_000UL, t);
        Assert.Equal(1u, clock.Reanchors);

        // And it keeps following the (new) wall clock's fine steps from there.
        Assert.Equal(10_002_400UL, clock.Update(10_002, wall0 + (3_600_000_400L * TicksPerUs)));
    }

    [Fact]
    public void A_backward_wall_clock_step_never_moves_the_clock_backwards()
    {
        var clock = new AnchoredMicrosecondClock();
        long wall0 = 5_000_000_000;
        clock.Update(20_000, wall0);
        ulong before = clock.Update(20_000, wall0 + (800 * TicksPerUs));
        ulong after = clock.Update(20_000, wall0 - (60_000_000L * TicksPerUs));
        Assert.True(after >= before);
        Assert.Equal(1u, clock.Reanchors);
    }

    [Fact]
    public void A_wall_clock_that_stops_falls_back_to_uptime_resolution()
    {
        var clock = new AnchoredMicrosecondClock();
        long wall = 42;
        ulong last = 0;
        for (long ms = 100; ms < 110; ms++)
        {
            ulong t = clock.Update(ms, wall);
            Assert.True(t >= last);
            Assert.True(t >= (ulong)(ms * 1000) - (ulong)AnchoredMicrosecondClock.ToleranceUs);
            last = t;
        }
    }

    [Fact]
    public void Never_decreases_over_a_long_run_with_steps_and_jitter()
    {
        var clock = new AnchoredMicrosecondClock();
        var random = new System.Random(7);
        long wall = 1_000;
        ulong last = 0;
        for (long us = 0; us < 5_000_000; us += 137)
        {
            wall += 137 * TicksPerUs;
            if (random.Next(5000) == 0)
            {
                wall += random.Next(-100_000_000, 100_000_000);
            }

            ulong t = clock.Update(us / 1000, wall);
            Assert.True(t >= last);
            Assert.True((long)t - us < 1000 + AnchoredMicrosecondClock.ToleranceUs + 1000, $"{t} drifted from {us}");
            last = t;
        }
    }
}

public sealed class LoopWaitPlanTests
{
    [Theory]
    [InlineData(1000UL, 1000UL, 0UL)]
    [InlineData(1000UL, 900UL, 0UL)]
    [InlineData(1000UL, 1100UL, 0UL)]
    [InlineData(1000UL, 1150UL, 0UL)]
    [InlineData(1000UL, 1151UL, 1UL)]
    [InlineData(1000UL, 1900UL, 750UL)]
    public void The_timer_covers_all_but_the_final_spin(ulong now, ulong target, ulong expected) =>
        Assert.Equal(expected, LoopWaitPlan.TimerDelayUs(now, target, 150));

    [Theory]
    [InlineData(1000UL, 900UL, 0)]
    [InlineData(1000UL, 1499UL, 0)]
    [InlineData(1000UL, 1500UL, 1)]
    [InlineData(1000UL, 2000UL, 1)]
    [InlineData(1000UL, 2499UL, 1)]
    [InlineData(1000UL, 3600UL, 3)]
    public void Sleeps_round_to_the_nearest_millisecond(ulong now, ulong target, int expected) =>
        Assert.Equal(expected, LoopWaitPlan.SleepMs(now, target));
}

public sealed class MinimumIntervalTests
{
    [Fact]
    public void Runs_once_per_interval()
    {
        var gate = new MinimumInterval(60_000_000);
        Assert.True(gate.TryEnter(5));
        Assert.False(gate.TryEnter(6));
        Assert.False(gate.TryEnter(60_000_004));
        Assert.True(gate.TryEnter(60_000_005));
        Assert.False(gate.TryEnter(60_000_006));
    }
}
