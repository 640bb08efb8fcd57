using System;
using System.Linq;
using Jidoka.Node;
using Jidoka.Protocol;
using Jidoka.SimBoard.Io;
using Jidoka.SimBoard.Nodes;
using Jidoka.SimBoard.Physics;
using Xunit;

namespace Jidoka.SimBoard.Tests;

public sealed class VirtualNodeTests
{
    private const ulong Ms = 1000;

    private static (SimulatedCell Cell, SimulatedNode Node) Armed(ulong seed, Func<SimulatedBoardOptions, SimulatedBoardOptions>? configure = null)
    {
        var cell = new SimulatedCell(seed);
        SimulatedBoardOptions options = new() { NodeId = "press-01" };
        SimulatedNode node = cell.AddNode(configure == null ? options : configure(options));
        node.PowerOn();
        Assert.True(cell.RunUntil(() => node.Core!.State == TripState.Armed, 200 * Ms), "node did not arm");
        return (cell, node);
    }

    [Fact]
    public void Boots_arms_and_energizes_the_stop_output_and_kicks_the_watchdog()
    {
        var (cell, node) = Armed(1);
        using (cell)
        {
            cell.RunFor(50 * Ms);
            Assert.True(node.StopOutput.Energized);
            Assert.True(node.Watchdog.Kicks >= 40);
            Assert.Equal(0, node.Watchdog.Expirations);
            Assert.Equal(TripState.Armed, node.Core!.State);
            // The calibrated ADC reads the zero force as about zero.
            lock (node.Core.Sync)
            {
                Assert.InRange(node.Core.Context.Force.ForceMilliNewtons, -500, 500);
                Assert.True(node.Core.Context.Force.IsValid);
            }
        }
    }

    [Theory]
    [InlineData(11UL, 0UL)]
    [InlineData(12UL, 1UL)]
    [InlineData(13UL, 333UL)]
    [InlineData(14UL, 999UL)]
    public void Force_spike_trips_within_one_loop_period_of_the_crossing(ulong seed, ulong phaseUs)
    {
        var (cell, node) = Armed(seed, o => o with { Configure = c => c.DefaultPolicy.ForceOverLimitMs = 1 });
        using (cell)
        {
            ulong spikeAt = cell.Scheduler.NowUs + (20 * Ms) + phaseUs;
            node.Force.Profile = ForceProfile.Spike(spikeAt, 30 * Ms, 300_000);
            Assert.True(node.Force.Profile.TryFindCrossing(150_000, cell.Scheduler.NowUs, spikeAt + Ms, 100, out ulong crossing));
            Assert.Equal(spikeAt, crossing);
            cell.RunFor(60 * Ms);

            Assert.Equal(TripState.Tripped, node.Core!.State);
            Assert.True(node.TryFindStopOff(crossing, out OutputTransition off));
            ulong latency = off.PhysicalUs - crossing;
            Assert.True(latency <= node.Core.LoopPeriodUs, "latency " + latency + " µs");
            EventMessage trip = Journaled(node).Single(e => e.Type == EventType.Trip);
            Assert.Equal(TripRule.ForceOverLimit, trip.Record.Rule);
            Assert.Equal(ResponseClass.Regrip, trip.Record.Response);
            Assert.InRange(trip.Record.ObservedValue, 290_000, 310_000);
            // The latch holds after the spike has gone.
            cell.RunFor(100 * Ms);
            Assert.False(node.StopOutput.Energized);
        }
    }

    [Fact]
    public void Hx711_board_trips_on_force_over_limit_for_three_readings()
    {
        var (cell, node) = Armed(21, o => o with { ForceFrontEnd = ForceFrontEndKind.Hx711 });
        using (cell)
        {
            Assert.NotNull(node.Hx711);
            ulong at = cell.Scheduler.NowUs + (10 * Ms);
            node.Force.Profile = ForceProfile.Ramp(at, 1, 0, 200_000);
            cell.RunFor(100 * Ms);
            Assert.Equal(TripState.Tripped, node.Core!.State);
            Assert.True(node.TryFindStopOff(at, out OutputTransition off));
            // Three new readings at 80 samples/s: at least two conversion periods after the step, at most four.
            ulong latency = off.PhysicalUs - at;
            Assert.InRange(latency, 2 * 12_500UL, 4 * 12_500UL + 1000);
            Assert.Equal(TripRule.ForceOverLimit, Journaled(node).Single(e => e.Type == EventType.Trip).Record.Rule);
        }
    }

    [Fact]
    public void Interlock_opening_trips_through_the_pin_change_path_before_the_next_step()
    {
        var (cell, node) = Armed(31, o => o with { InterlockEdgeLatencyMinUs = 100, InterlockEdgeLatencyMaxUs = 100, Configure = c => { c.DefaultPolicy.LoopPeriodUs = 10_000; c.DefaultPolicy.ForceOverLimitMs = 10; } });
        using (cell)
        {
            cell.RunFor(5 * Ms);
            uint stepsBefore;
            lock (node.Core!.Sync)
            {
                stepsBefore = node.Core.Context.Steps;
            }

            ulong openedAt = cell.Scheduler.NowUs;
            node.Interlocks.Open(InputChannel.Guard);
            cell.RunFor(300);
            Assert.Equal(TripState.Tripped, node.Core.State);
            lock (node.Core.Sync)
            {
                Assert.Equal(stepsBefore, node.Core.Context.Steps);
            }

            Assert.True(node.TryFindStopOff(openedAt, out OutputTransition off));
            Assert.InRange(off.PhysicalUs - openedAt, 100UL, 200UL);
            EventMessage trip = Journaled(node).Single(e => e.Type == EventType.Trip);
            Assert.Equal(TripRule.InterlockOpen, trip.Record.Rule);
            Assert.Equal(InputChannel.Guard, trip.Record.Channel);
        }
    }

    [Fact]
    public void One_open_channel_is_a_discrepancy_that_trips_after_the_discrepancy_time()
    {
        var (cell, node) = Armed(32);
        using (cell)
        {
            ulong at = cell.Scheduler.NowUs;
            node.Interlocks.SetChannel(InterlockBank.ChannelA(InputChannel.EStop) + 1, false);
            cell.RunFor(50 * Ms);
            Assert.Equal(TripState.Armed, node.Core!.State);
            Assert.Contains(Journaled(node), e => e.Type == EventType.Discrepancy);
            cell.RunFor(80 * Ms);
            Assert.Equal(TripState.Tripped, node.Core.State);
            Assert.True(node.TryFindStopOff(at, out OutputTransition off));
            Assert.InRange(off.PhysicalUs - at, 100 * Ms, 103 * Ms);
            Assert.Equal(TripRule.ChannelDiscrepancy, Journaled(node).Single(e => e.Type == EventType.Trip).Record.Rule);
        }
    }

    [Fact]
    public void A_bouncing_guard_that_closes_again_trips_once_and_the_edges_are_seen()
    {
        var (cell, node) = Armed(33);
        using (cell)
        {
            node.Interlocks.SetBounce(BounceSpec.Typical);
            node.Interlocks.Open(InputChannel.Guard);
            cell.RunFor(20 * Ms);
            node.Interlocks.Close(InputChannel.Guard);
            cell.RunFor(50 * Ms);
            Assert.Equal(TripState.Tripped, node.Core!.State);
            Assert.Single(Journaled(node), e => e.Type == EventType.Trip);
            Assert.True(node.Interlocks.Pins[0].Edges > 2, "bounce produced extra edges");
            Assert.True(node.Interlocks.Pins[0].Read());
        }
    }

    [Fact]
    public void A_vision_dropout_goes_stale_and_trips_reinspect()
    {
        var (cell, node) = Armed(41);
        using (cell)
        {
            ulong at = cell.Scheduler.NowUs + (10 * Ms);
            node.Vision.Profile = VisionProfile.Nominal(9500).WithDropout(at, 10_000 * Ms);
            cell.RunFor(400 * Ms);
            Assert.Equal(TripState.Armed, node.Core!.State);
            cell.RunFor(200 * Ms);
            Assert.Equal(TripState.Tripped, node.Core.State);
            EventMessage trip = Journaled(node).Single(e => e.Type == EventType.Trip);
            Assert.Equal(TripRule.VisionStale, trip.Record.Rule);
            Assert.Equal(ResponseClass.Reinspect, trip.Record.Response);
        }
    }

    [Fact]
    public void A_railed_amplifier_saturates_the_adc_and_trips_as_a_sensor_fault()
    {
        var (cell, node) = Armed(42);
        using (cell)
        {
            node.Adc!.Rail = Sensors.AmplifierRail.High;
            cell.RunFor(5 * Ms);
            Assert.Equal(TripState.Tripped, node.Core!.State);
            lock (node.Core.Sync)
            {
                Assert.Equal(node.Options.Adc.FullScaleCounts, node.Core.Context.Force.LastCounts);
            }

            EventMessage trip = Journaled(node).Single(e => e.Type == EventType.Trip);
            Assert.Equal(TripRule.SensorFault, trip.Record.Rule);
            Assert.Equal((byte)Jidoka.Node.Channels.SensorFaultKind.AboveRange, trip.Record.ReasonCode);
        }
    }

    [Fact]
    public void A_loop_stall_over_the_deadline_trips_loop_overrun_and_withholds_the_kick()
    {
        var (cell, node) = Armed(51);
        using (cell)
        {
            long kicks = node.Watchdog.Kicks;
            node.InjectLoopStall(2_000, 1);
            cell.RunFor(6 * Ms);
            Assert.Equal(TripState.Tripped, node.Core!.State);
            EventMessage trip = Journaled(node).Single(e => e.Type == EventType.Trip);
            Assert.Equal(TripRule.LoopOverrun, trip.Record.Rule);
            Assert.InRange(trip.Record.ObservedValue, 2_000, 2_200);
            lock (node.Core.Sync)
            {
                Assert.Equal(1u, node.Core.Context.Overruns);
            }

            // The stalled step did not kick; the steps after it did.
            Assert.True(node.Watchdog.Kicks > kicks);
            Assert.Equal(0, node.Watchdog.Expirations);
        }
    }

    [Fact]
    public void A_hung_loop_is_reset_by_the_watchdog_and_comes_back_tripped_with_a_watchdog_event()
    {
        var (cell, node) = Armed(52);
        using (cell)
        {
            ulong hungAt = cell.Scheduler.NowUs;
            node.HangLoop();
            cell.RunFor(150 * Ms);
            Assert.Equal(1, node.Watchdog.Expirations);
            Assert.Equal(1, node.WatchdogResets);
            Assert.Equal(2, node.Boots.Count);
            Assert.True(node.Boots[1].WatchdogReset);
            Assert.Equal(ResetCause.External, node.Boots[1].Cause);
            // The watchdog cut the output about one timeout after the last kick.
            Assert.True(node.TryFindStopOff(hungAt, out OutputTransition off));
            Assert.Equal(OutputChangeCause.Watchdog, off.Cause);
            Assert.InRange(off.PhysicalUs - hungAt, 99 * Ms, 101 * Ms);
            Assert.Contains(Journaled(node), e => e.Type == EventType.Watchdog);
            Assert.Equal(2, Journaled(node).Count(e => e.Type == EventType.Boot));
            // The watchdog reset latched a loop-overrun trip: the rebooted node keeps the run permit off
            // until someone resets it (issue 12: a hung loop must not restart the cell by itself).
            Assert.False(node.LoopHung);
            Assert.Equal(TripState.Tripped, node.Core!.State);
            Assert.Equal(TripRule.LoopOverrun, node.Core.Context.Latch.Rule);
            Assert.False(node.StopOutput.Energized);
            Assert.Contains(Journaled(node), e => e.Type == EventType.Trip && e.Record.ReasonCode == Jidoka.Node.Engine.TripLoop.ReasonWatchdogReset);
        }
    }

    [Fact]
    public void The_reset_button_rearms_a_tripped_node_once_the_cause_has_cleared()
    {
        var (cell, node) = Armed(61);
        using (cell)
        {
            node.Interlocks.Open(InputChannel.LightCurtain);
            cell.RunFor(10 * Ms);
            Assert.Equal(TripState.Tripped, node.Core!.State);

            // Pressed while the curtain is still open: refused.
            node.ResetButton.Set(true);
            cell.RunFor(80 * Ms);
            node.ResetButton.Set(false);
            cell.RunFor(10 * Ms);
            Assert.Equal(TripState.Tripped, node.Core.State);
            Assert.Contains(Journaled(node), e => e.Type == EventType.ResetRefused);

            node.Interlocks.Close(InputChannel.LightCurtain);
            cell.RunFor(20 * Ms);
            node.ResetButton.Set(true);
            cell.RunFor(80 * Ms);
            node.ResetButton.Set(false);
            cell.RunFor(10 * Ms);
            Assert.Equal(TripState.Armed, node.Core.State);
            Assert.True(node.StopOutput.Energized);
            EventMessage reset = Journaled(node).Single(e => e.Type == EventType.Reset);
            Assert.Equal(Journaled(node).Single(e => e.Type == EventType.Trip).EventId, reset.Record.RelatedEventId);
        }
    }

    internal static EventMessage[] Journaled(SimulatedNode node)
    {
        NodeCore core = node.Core!;
        lock (core.Sync)
        {
            var list = new System.Collections.Generic.List<EventMessage>();
            for (int i = 0; i < core.Context.Journal.Capacity; i++)
            {
                if (core.Context.Journal.IsUsed(i))
                {
                    var e = new EventMessage();
                    e.CopyFrom(core.Context.Journal.At(i));
                    list.Add(e);
                }
            }

            return list.OrderBy(e => e.EventId).ToArray();
        }
    }
}
