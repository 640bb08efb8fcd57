using Jidoka.Boards.Logic.Timing;
using Xunit;

namespace Jidoka.Boards.Logic.Tests;

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
