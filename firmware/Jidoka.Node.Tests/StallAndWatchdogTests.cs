using Jidoka.Node.Engine;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Node.Tests;

/// <summary>
/// A loop that stops must not restart the cell by itself: a stall between steps longer than a period plus
/// the deadline trips loop-overrun while armed, and a watchdog reset latches one at boot; both survive a
/// reboot and need an explicit reset.
/// </summary>
public sealed class StallAndWatchdogTests
{
    private static ulong AllowedGapUs(NodeRig rig) => rig.C.Policy.LoopPeriodUs + rig.C.Policy.LoopDeadlineUs;

    [Fact]
    public void A_gap_between_steps_longer_than_period_plus_deadline_trips_loop_overrun_as_a_stall()
    {
        var rig = new NodeRig().BootAndArm();
        ulong lastStart = rig.Clock.Now;
        rig.Clock.Now = lastStart + AllowedGapUs(rig) + 1;
        rig.Core.Step();

        Assert.Equal(TripState.Tripped, rig.Core.State);
        Assert.False(rig.StopPin.Energized);
        var trip = rig.LastJournaled(EventType.Trip);
        Assert.Equal(TripRule.LoopOverrun, trip.Record.Rule);
        Assert.Equal(TripLoop.ReasonStall, trip.Record.ReasonCode);
        Assert.Equal((long)AllowedGapUs(rig) + 1, trip.Record.ObservedValue);
        Assert.Equal((long)AllowedGapUs(rig), trip.Record.LimitValue);
        Assert.Equal(1u, rig.C.Stalls);
    }

    [Fact]
    public void A_gap_of_exactly_period_plus_deadline_is_not_a_stall()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Clock.Now += AllowedGapUs(rig);
        rig.Core.Step();
        Assert.Equal(TripState.Armed, rig.Core.State);
        Assert.True(rig.StopPin.Energized);
        Assert.Equal(0u, rig.C.Stalls);
    }

    [Fact]
    public void A_stall_while_already_tripped_is_counted_but_does_not_replace_the_trip()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Vision.Raw = 10;
        rig.Step();
        ulong tripId = rig.C.Latch.TripEventId;
        rig.Clock.Now += 10 * AllowedGapUs(rig);
        rig.Core.Step();
        Assert.Equal(TripRule.VisionLowConfidence, rig.C.Latch.Rule);
        Assert.Equal(tripId, rig.C.Latch.TripEventId);
        Assert.Equal(1u, rig.C.Stalls);
    }

    [Fact]
    public void A_stall_trip_survives_a_reboot_and_needs_an_explicit_reset()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Clock.Now += 5 * AllowedGapUs(rig);
        rig.Core.Step();
        rig.Service();

        var after = rig.Reboot();
        after.Core.Boot(1, false);
        after.Step(50);
        Assert.Equal(TripState.Tripped, after.Core.State);
        Assert.Equal(TripRule.LoopOverrun, after.C.Latch.Rule);
        Assert.False(after.StopPin.Energized);
        Assert.Equal(CommandOutcome.Applied, after.Command(CommandType.Reset).Outcome);
        after.Step();
        Assert.True(after.StopPin.Energized);
    }

    [Fact]
    public void A_watchdog_reset_of_an_armed_node_latches_a_loop_overrun_trip_that_survives_the_next_reboot()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Service();

        var afterWatchdog = rig.Reboot();
        afterWatchdog.Core.Boot(2, true);
        afterWatchdog.Step(50);
        Assert.Equal(TripState.Tripped, afterWatchdog.Core.State);
        Assert.False(afterWatchdog.StopPin.Energized);
        var trip = afterWatchdog.LastJournaled(EventType.Trip);
        Assert.Equal(TripRule.LoopOverrun, trip.Record.Rule);
        Assert.Equal(InputChannel.Loop, trip.Record.Channel);
        Assert.Equal(TripLoop.ReasonWatchdogReset, trip.Record.ReasonCode);
        Assert.Equal(2, trip.Record.ObservedValue);
        Assert.Equal(1, afterWatchdog.CountJournaled(EventType.Watchdog));
        afterWatchdog.Service();

        // A power cycle before anyone reset it: still tripped, same trip.
        var afterPower = afterWatchdog.Reboot();
        afterPower.Core.Boot(1, false);
        afterPower.Step(50);
        Assert.Equal(TripState.Tripped, afterPower.Core.State);
        Assert.Equal(afterWatchdog.C.Latch.TripEventId, afterPower.C.Latch.TripEventId);
        Assert.Equal(CommandOutcome.Applied, afterPower.Command(CommandType.Reset).Outcome);
        afterPower.Step();
        Assert.Equal(TripState.Armed, afterPower.Core.State);
        Assert.True(afterPower.StopPin.Energized);
    }

    [Fact]
    public void A_power_on_boot_of_an_armed_node_arms_again_on_its_first_good_cycle()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Service();
        var after = rig.Reboot();
        after.Core.Boot(1, false);
        after.Step(50);
        Assert.Equal(TripState.Armed, after.Core.State);
    }
}
