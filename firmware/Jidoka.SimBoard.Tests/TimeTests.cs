using System;
using System.Threading;
using Jidoka.SimBoard.Time;
using Xunit;

namespace Jidoka.SimBoard.Tests;

public sealed class TimeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(-50)]
    public void A_board_counter_restarts_at_power_on_runs_at_its_drift_and_maps_back(int ppm)
    {
        var s = new VirtualScheduler();
        var time = new VirtualBoardTime(s, ppm);
        s.RunUntil(5_000_000);
        time.PowerOn(300_000);
        Assert.Equal(300_000UL, time.NowUs);
        s.RunUntil(6_000_000);
        Assert.Equal((ulong)(300_000 + 1_000_000 + (ppm * 1_000_000L / 1_000_000)), time.NowUs);
        ulong mono = time.NowUs + 12_345;
        ulong physical = time.PhysicalAt(mono);
        Assert.True(time.MonoAt(physical) >= mono);
        Assert.True(time.MonoAt(physical - 1) < mono);
    }

    [Fact]
    public void Charged_cpu_time_moves_the_board_ahead_of_the_scheduler_only()
    {
        var s = new VirtualScheduler();
        var a = new VirtualBoardTime(s, 0);
        var b = new VirtualBoardTime(s, 0);
        a.PowerOn(0);
        b.PowerOn(0);
        a.Consume(2_000);
        Assert.Equal(2_000UL, a.NowUs);
        Assert.Equal(0UL, b.NowUs);
        Assert.Equal(0UL, s.NowUs);
        a.WaitUntil(1_000);
        Assert.True(a.TakeWakeRequest(out ulong at));
        Assert.Equal(2_000UL, at);
    }

    [Fact]
    public void The_host_wall_clock_steps_and_the_time_provider_fires_timers_in_virtual_time()
    {
        var s = new VirtualScheduler();
        var wall = new HostWallClock(s, HostWallClock.DefaultEpochUnixUs);
        var provider = new SimTimeProvider(s, wall);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_767_225_600), provider.GetUtcNow());
        int fired = 0;
        using ITimer timer = provider.CreateTimer(_ => fired++, null, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100));
        s.RunUntil(9_999);
        Assert.Equal(0, fired);
        s.RunUntil(10_000);
        Assert.Equal(1, fired);
        s.RunUntil(1_010_000);
        Assert.Equal(11, fired);
        wall.Step(-2_000_000);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_767_225_600).AddTicks(10_100_000 - 20_000_000), provider.GetUtcNow());
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        s.RunUntil(5_000_000);
        Assert.Equal(11, fired);
    }

    [Fact]
    public void Forked_random_streams_depend_on_seed_and_name_only()
    {
        var root = new SimRandom(42);
        ulong a = root.Fork("node:a").NextUInt64();
        root.NextUInt64();
        root.NextUInt64();
        Assert.Equal(a, root.Fork("node:a").NextUInt64());
        Assert.NotEqual(a, root.Fork("node:b").NextUInt64());
        Assert.NotEqual(a, new SimRandom(43).Fork("node:a").NextUInt64());
        Assert.Equal(SimRandom.GaussianAt(7, 1000), SimRandom.GaussianAt(7, 1000));
    }
}
