using Jidoka.Node.Config;
using Jidoka.SimBoard.Nodes;
using Xunit;

namespace Jidoka.SimBoard.Tests;

/// <summary>The simulated board's default force windows are time, and the front end and host pacing keep them honourable.</summary>
public sealed class BoardConfigWindowTests
{
    [Fact]
    public void The_adc_board_keeps_three_one_millisecond_readings_and_two_seconds_stuck()
    {
        NodeConfig config = SimulatedBoardConfig.Create(new SimulatedBoardOptions());
        Assert.Equal(3, config.DefaultPolicy.ForceOverLimitMs);
        Assert.Equal(2000, config.DefaultPolicy.ForceStuckMs);
        Assert.Equal(0u, config.ForceReadingIntervalUs);
    }

    [Fact]
    public void An_hx711_board_counts_its_converter_readings_and_keeps_three_of_them_over_the_limit()
    {
        NodeConfig config = SimulatedBoardConfig.Create(new SimulatedBoardOptions { ForceFrontEnd = ForceFrontEndKind.Hx711 });
        Assert.Equal(12_500u, config.ForceReadingIntervalUs);
        Assert.Equal(37, config.DefaultPolicy.ForceOverLimitMs);
        Assert.Equal(3, RuleWindows.Readings(config.DefaultPolicy.ForceOverLimitMs, RuleWindows.SampleIntervalUs(config.DefaultPolicy, config)));
    }

    [Fact]
    public void Host_pacing_raises_an_over_limit_window_under_one_host_period_and_keeps_the_stuck_window()
    {
        NodeConfig config = SimulatedBoardConfig.Create(new SimulatedBoardOptions(), realTime: true);
        Assert.Equal(SimulatedBoardConfig.HostLoopPeriodUs, config.DefaultPolicy.LoopPeriodUs);
        Assert.Equal(10, config.DefaultPolicy.ForceOverLimitMs);
        Assert.Equal(2000, config.DefaultPolicy.ForceStuckMs);
    }
}
