using Jidoka.Node.Config;
using Jidoka.Node.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Node.Tests;

/// <summary>A policy must fit the board: its period no shorter than the runtime holds, its deadline measurable by the board's clock.</summary>
public sealed class BoardTimingPolicyTests
{
    // The NUCLEO's limits (board-configs/nucleo-f767zi.json loopTiming).
    private static void TenMillisecondBoard(NodeConfig c)
    {
        c.LoopPeriodUsMin = 10_000;
        c.ClockResolutionUs = 1000;
        c.DefaultPolicy.LoopPeriodUs = 10_000;
        c.DefaultPolicy.LoopDeadlineUs = 8000;
        c.DefaultPolicy.ForceOverLimitMs = 10; // one reading at 10 ms: the node refuses a shorter window
    }

    private static CommandResultMessage ApplyPolicy(NodeRig rig, uint periodUs, uint deadlineUs)
    {
        PolicyRecord policy = StandardPolicy.Create(8);
        policy.LoopPeriodUs = periodUs;
        policy.LoopDeadlineUs = deadlineUs;
        policy.ForceOverLimitMs = (ushort)((periodUs + 999) / 1000); // at least one reading at this period
        return rig.Command(CommandType.ApplyPolicy, fill: c => c.Policy.CopyFrom(policy));
    }

    [Fact]
    public void A_one_millisecond_policy_is_refused_by_a_ten_millisecond_node()
    {
        var rig = new NodeRig(configure: TenMillisecondBoard).BootAndArm();
        CommandResultMessage result = ApplyPolicy(rig, 1000, 800);
        Assert.Equal(CommandOutcome.Rejected, result.Outcome);
        Assert.Equal((byte)PolicyProblem.LoopPeriod, result.Detail);
        Assert.Equal((byte)PolicyProblem.LoopPeriod, rig.LastJournaled(EventType.PolicyRejected).Record.ReasonCode);
        Assert.Equal(10_000u, rig.C.Policy.LoopPeriodUs);
    }

    [Fact]
    public void A_deadline_under_four_clock_steps_is_refused()
    {
        var rig = new NodeRig(configure: TenMillisecondBoard).BootAndArm();
        CommandResultMessage result = ApplyPolicy(rig, 20_000, 3999);
        Assert.Equal(CommandOutcome.Rejected, result.Outcome);
        Assert.Equal((byte)PolicyProblem.LoopDeadline, result.Detail);
    }

    [Fact]
    public void A_policy_the_board_holds_is_applied()
    {
        var rig = new NodeRig(configure: TenMillisecondBoard).BootAndArm();
        Assert.Equal(CommandOutcome.Applied, ApplyPolicy(rig, 20_000, 4000).Outcome);
        Assert.Equal(20_000u, rig.C.Policy.LoopPeriodUs);
    }

    [Fact]
    public void A_board_whose_default_policy_it_cannot_hold_does_not_start()
    {
        var e = Assert.Throws<System.ArgumentException>(() => new NodeRig(configure: c =>
        {
            TenMillisecondBoard(c);
            c.DefaultPolicy.LoopDeadlineUs = 800;
        }));
        Assert.Contains("DefaultPolicy (loop-deadline)", e.Message);
    }
}
