using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Node.Tests;

public sealed class LatchResetTests
{
    private static NodeRig TrippedOnGuard()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Interlocks[0].Level = false;
        rig.Interlocks[1].Level = false;
        rig.Step();
        Assert.Equal(TripState.Tripped, rig.Core.State);
        return rig;
    }

    private static void CloseGuard(NodeRig rig)
    {
        rig.Interlocks[0].Level = true;
        rig.Interlocks[1].Level = true;
        rig.Step(10);
    }

    private static void PressButton(NodeRig rig, int steps = 60)
    {
        rig.Button.Level = true;
        rig.Step(steps);
        rig.Button.Level = false;
        rig.Step();
    }

    [Fact]
    public void A_trip_stays_latched_after_its_cause_clears()
    {
        var rig = TrippedOnGuard();
        CloseGuard(rig);
        rig.Step(1000);
        Assert.Equal(TripState.Tripped, rig.Core.State);
        Assert.False(rig.StopPin.Energized);
    }

    [Fact]
    public void The_button_is_refused_while_the_cause_persists_and_the_refusal_is_journaled()
    {
        var rig = TrippedOnGuard();
        PressButton(rig);
        Assert.Equal(TripState.Tripped, rig.Core.State);
        Assert.False(rig.StopPin.Energized);
        var refused = rig.LastJournaled(EventType.ResetRefused);
        Assert.Equal((byte)CommandReason.CauseActive, refused.Record.ReasonCode);
        Assert.Equal(TripRule.InterlockOpen, refused.Record.Rule);
        Assert.Equal(rig.C.Latch.TripEventId, refused.Record.RelatedEventId);
    }

    [Fact]
    public void The_button_resets_once_the_cause_has_cleared_and_the_reset_names_the_trip()
    {
        var rig = TrippedOnGuard();
        ulong tripId = rig.C.Latch.TripEventId;
        CloseGuard(rig);
        PressButton(rig);
        Assert.Equal(TripState.Armed, rig.Core.State);
        Assert.True(rig.StopPin.Energized);
        var reset = rig.LastJournaled(EventType.Reset);
        Assert.Equal((byte)ResetSource.Button, reset.Record.ReasonCode);
        Assert.Equal(tripId, reset.Record.RelatedEventId);
        Assert.Equal(TripRule.InterlockOpen, reset.Record.Rule);
        Assert.Equal("", reset.Record.OperatorId);
    }

    [Fact]
    public void A_press_shorter_than_the_hold_time_does_not_reset()
    {
        var rig = TrippedOnGuard();
        CloseGuard(rig);
        PressButton(rig, 40); // 40 ms < 50 ms hold
        Assert.Equal(TripState.Tripped, rig.Core.State);
        Assert.Equal(0, rig.CountJournaled(EventType.Reset));
    }

    [Fact]
    public void A_button_held_down_through_the_trip_does_not_reset_it()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Button.Level = true;
        rig.Step(100);
        rig.Interlocks[0].Level = false;
        rig.Interlocks[1].Level = false;
        rig.Step();
        CloseGuard(rig);
        rig.Step(200);
        Assert.Equal(TripState.Tripped, rig.Core.State);
    }

    [Fact]
    public void Pressing_the_button_on_a_running_cell_does_nothing()
    {
        var rig = new NodeRig().BootAndArm();
        PressButton(rig);
        Assert.Equal(TripState.Armed, rig.Core.State);
        Assert.Equal(0, rig.CountJournaled(EventType.ResetRefused));
    }

    [Fact]
    public void A_reset_command_needs_an_operator_id()
    {
        var rig = TrippedOnGuard();
        CloseGuard(rig);
        var result = rig.Command(CommandType.Reset, operatorId: "");
        Assert.Equal(CommandOutcome.Rejected, result.Outcome);
        Assert.Equal(CommandReason.MissingOperator, result.Reason);
        Assert.Equal(TripState.Tripped, rig.Core.State);
        var refused = rig.LastJournaled(EventType.ResetRefused);
        Assert.Equal(result.EventId, refused.EventId);
        Assert.Equal((byte)CommandReason.MissingOperator, refused.Record.ReasonCode);
    }

    [Fact]
    public void A_reset_command_is_refused_while_the_cause_persists()
    {
        var rig = TrippedOnGuard();
        var result = rig.Command(CommandType.Reset);
        Assert.Equal(CommandOutcome.Rejected, result.Outcome);
        Assert.Equal(CommandReason.CauseActive, result.Reason);
        Assert.Equal(TripState.Tripped, rig.Core.State);
        Assert.Equal("op.kim", rig.LastJournaled(EventType.ResetRefused).Record.OperatorId);
    }

    [Fact]
    public void A_reset_command_with_an_operator_resets_and_records_who()
    {
        var rig = TrippedOnGuard();
        CloseGuard(rig);
        var result = rig.Command(CommandType.Reset, operatorId: "op.kim");
        Assert.Equal(CommandOutcome.Applied, result.Outcome);
        Assert.Equal(CommandReason.None, result.Reason);
        var reset = rig.LastJournaled(EventType.Reset);
        Assert.Equal(result.EventId, reset.EventId);
        Assert.Equal((byte)ResetSource.Command, reset.Record.ReasonCode);
        Assert.Equal("op.kim", reset.Record.OperatorId);
        Assert.Equal(result.CommandId, reset.Record.Argument);

        // The command only re-arms; the loop energizes the output on its next good step.
        Assert.Equal(TripState.Armed, rig.Core.State);
        Assert.False(rig.StopPin.Energized);
        rig.Step();
        Assert.True(rig.StopPin.Energized);
    }

    [Fact]
    public void A_reset_command_on_a_running_node_is_refused_not_tripped()
    {
        var rig = new NodeRig().BootAndArm();
        var result = rig.Command(CommandType.Reset);
        Assert.Equal(CommandReason.NotTripped, result.Reason);
        Assert.Equal((byte)CommandReason.NotTripped, rig.LastJournaled(EventType.ResetRefused).Record.ReasonCode);
    }

    [Fact]
    public void A_force_trip_resets_only_when_the_force_is_back_below_the_limit()
    {
        var rig = new NodeRig().BootAndArm();
        rig.SetForceMilliNewtons(500_000);
        rig.Step(3);
        Assert.Equal(TripState.Tripped, rig.Core.State);
        Assert.Equal(CommandReason.CauseActive, rig.Command(CommandType.Reset).Reason);
        rig.SetForceMilliNewtons(100_000);
        rig.Step();
        Assert.Equal(CommandOutcome.Applied, rig.Command(CommandType.Reset).Outcome);
    }
}
