using System.Linq;
using Jidoka.Node.Channels;
using Jidoka.Node.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Node.Tests;

public sealed class TripRuleTests
{
    [Fact]
    public void Boot_keeps_the_stop_output_off_until_the_first_good_cycle()
    {
        var rig = new NodeRig();
        Assert.False(rig.StopPin.Energized);
        rig.Core.Boot(0, false);
        Assert.Equal(TripState.Booting, rig.Core.State);

        // Interlocks count as closed only after the 5 ms debounce, so the first steps are not good cycles.
        rig.Step();
        Assert.Equal(TripState.Booting, rig.Core.State);
        Assert.False(rig.StopPin.Energized);
        rig.Step(6);
        Assert.Equal(TripState.Armed, rig.Core.State);
        Assert.True(rig.StopPin.Energized);
        Assert.Equal(0, rig.CountJournaled(EventType.Trip));
    }

    [Fact]
    public void Boot_with_a_condition_present_stays_booting_without_a_trip()
    {
        var rig = new NodeRig();
        rig.Vision.Present = false;
        rig.Core.Boot(0, false);
        rig.Step(50);
        Assert.Equal(TripState.Booting, rig.Core.State);
        Assert.False(rig.StopPin.Energized);
        rig.Vision.Present = true;
        rig.Step();
        Assert.Equal(TripState.Armed, rig.Core.State);
    }

    [Fact]
    public void Force_over_limit_trips_on_the_Nth_consecutive_sample_in_the_same_step_with_a_full_decision_record()
    {
        var rig = new NodeRig().BootAndArm();
        rig.SetForceMilliNewtons(452_300);
        rig.Step(2);
        Assert.Equal(TripState.Armed, rig.Core.State);
        Assert.True(rig.StopPin.Energized);

        ulong detect = rig.Clock.Now + NodeRig.PeriodUs;
        rig.Step();
        Assert.Equal(TripState.Tripped, rig.Core.State);
        Assert.False(rig.StopPin.Energized);

        var trip = rig.LastJournaled(EventType.Trip);
        Assert.Equal(TripRule.ForceOverLimit, trip.Record.Rule);
        Assert.Equal(ResponseClass.Regrip, trip.Record.Response);
        Assert.Equal(InputChannel.Force, trip.Record.Channel);
        Assert.InRange(trip.Record.ObservedValue, 452_300, 452_301);
        Assert.Equal(450_000, trip.Record.LimitValue);
        Assert.Equal(3, trip.Record.ConsecutiveSamples);
        Assert.Equal(detect, trip.Record.DetectMonoUs);
        Assert.Equal(0u, trip.Record.LatencyUs);
        Assert.Equal(7u, trip.Provenance.PolicyId);
        Assert.Equal(StandardPolicy.Create().ComputeHash(), trip.Provenance.PolicyHash);
        Assert.Equal(12, trip.Provenance.ForceCalibrationId);
        Assert.Equal(3, trip.Provenance.ForceCalibrationVersion);
        Assert.Equal(2, trip.Provenance.VisionCalibrationId);
        Assert.Equal(InterlockBits.AllClosed, trip.Record.InterlockBits);
        Assert.NotEqual(0, trip.Record.SampleFlags & SampleFlags.TripLatched);
        Assert.Equal(trip.EventId, rig.C.Latch.TripEventId);
    }

    [Fact]
    public void Latency_is_measured_from_detection_to_the_output_write_with_the_monotonic_clock()
    {
        var rig = new NodeRig().BootAndArm();
        rig.SetForceMilliNewtons(500_000);
        rig.Step(2);

        // The sensor read and the output write each cost time on this bench: 40 µs and 37 µs.
        rig.Force.ReadCostUs = 40;
        rig.StopPin.WriteCostUs = 37;
        ulong stepStart = rig.Clock.Now + NodeRig.PeriodUs;
        rig.Step();
        var trip = rig.LastJournaled(EventType.Trip);
        Assert.Equal(stepStart, trip.Record.DetectMonoUs);
        Assert.Equal(77u, trip.Record.LatencyUs);
    }

    [Fact]
    public void Over_limit_counts_new_readings_not_loop_steps()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Force.NewReadingEvery = 12; // HX711 at 80 samples/s under a 1 kHz loop
        rig.SetForceMilliNewtons(460_000);
        rig.Step(24);
        Assert.Equal(TripState.Armed, rig.Core.State);
        rig.Step(12);
        Assert.Equal(TripState.Tripped, rig.Core.State);
        Assert.Equal(3, rig.LastJournaled(EventType.Trip).Record.ConsecutiveSamples);
    }

    [Fact]
    public void A_dip_below_the_limit_restarts_the_count()
    {
        var rig = new NodeRig().BootAndArm();
        rig.SetForceMilliNewtons(460_000);
        rig.Step(2);
        rig.SetForceMilliNewtons(440_000);
        rig.Step();
        rig.SetForceMilliNewtons(460_000);
        rig.Step(2);
        Assert.Equal(TripState.Armed, rig.Core.State);
        rig.Step();
        Assert.Equal(TripState.Tripped, rig.Core.State);
    }

    [Fact]
    public void Force_in_the_warning_band_records_a_near_miss_with_its_peak_and_does_not_trip()
    {
        var rig = new NodeRig().BootAndArm();
        foreach (int mn in new[] { 360_000, 420_000, 449_000, 400_000 })
        {
            rig.SetForceMilliNewtons(mn);
            rig.Step();
        }

        Assert.Equal(0, rig.CountJournaled(EventType.NearMiss));
        rig.SetForceMilliNewtons(100_000);
        rig.Step();
        Assert.Equal(TripState.Armed, rig.Core.State);
        Assert.True(rig.StopPin.Energized);
        var nearMiss = Assert.Single(rig.Journal(), e => e.Type == EventType.NearMiss);
        Assert.Equal(TripRule.ForceNearMiss, nearMiss.Record.Rule);
        Assert.Equal(ResponseClass.None, nearMiss.Record.Response);
        Assert.InRange(nearMiss.Record.ObservedValue, 449_000, 449_001);
        Assert.Equal(350_000, nearMiss.Record.LimitValue);
        Assert.Equal(4, nearMiss.Record.ConsecutiveSamples);
    }

    [Fact]
    public void A_warning_episode_that_ends_in_a_trip_is_recorded_as_the_trip_only()
    {
        var rig = new NodeRig().BootAndArm();
        rig.SetForceMilliNewtons(400_000);
        rig.Step(3);
        rig.SetForceMilliNewtons(500_000);
        rig.Step(3);
        rig.SetForceMilliNewtons(0);
        rig.Step(3);
        Assert.Equal(1, rig.CountJournaled(EventType.Trip));
        Assert.Equal(0, rig.CountJournaled(EventType.NearMiss));
    }

    [Fact]
    public void Vision_confidence_below_the_threshold_trips_reinspect()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Vision.Raw = 5000;
        rig.Step();
        Assert.Equal(TripState.Armed, rig.Core.State);
        rig.Vision.Raw = 4999;
        rig.Step();
        Assert.Equal(TripState.Tripped, rig.Core.State);
        var trip = rig.LastJournaled(EventType.Trip);
        Assert.Equal(TripRule.VisionLowConfidence, trip.Record.Rule);
        Assert.Equal(ResponseClass.Reinspect, trip.Record.Response);
        Assert.Equal(4999, trip.Record.ObservedValue);
        Assert.Equal(5000, trip.Record.LimitValue);
    }

    [Fact]
    public void Vision_older_than_the_age_limit_is_stale_and_trips_at_one_microsecond_past_it()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Vision.Streaming = false;
        rig.Vision.ProducedUs = rig.Clock.Now;
        ulong limitUs = 200_000;

        // Step exactly to the limit: still fresh.
        rig.StepUntil(rig.Vision.ProducedUs + limitUs);
        Assert.Equal(TripState.Armed, rig.Core.State);

        rig.Clock.Advance(1);
        rig.Core.Step();
        Assert.Equal(TripState.Tripped, rig.Core.State);
        var trip = rig.LastJournaled(EventType.Trip);
        Assert.Equal(TripRule.VisionStale, trip.Record.Rule);
        Assert.Equal(200, trip.Record.ObservedValue);
        Assert.Equal(200, trip.Record.LimitValue);
        Assert.NotEqual(0, trip.Record.SampleFlags & SampleFlags.VisionStale);
    }

    [Fact]
    public void A_vision_system_that_goes_silent_trips_stale_even_with_a_good_last_score()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Vision.Present = false;
        rig.Step();
        Assert.Equal(TripRule.VisionStale, rig.LastJournaled(EventType.Trip).Record.Rule);
    }

    [Fact]
    public void Both_channels_of_an_interlock_open_trips_pause_in_the_step_that_sees_it()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Interlocks[2].Level = false;
        rig.Interlocks[3].Level = false;
        rig.Step();
        Assert.False(rig.StopPin.Energized);
        var trip = rig.LastJournaled(EventType.Trip);
        Assert.Equal(TripRule.InterlockOpen, trip.Record.Rule);
        Assert.Equal(InputChannel.LightCurtain, trip.Record.Channel);
        Assert.Equal(ResponseClass.Pause, trip.Record.Response);
        Assert.Equal(InterlockBits.AllClosed & ~(InterlockBits.CurtainA | InterlockBits.CurtainB), trip.Record.ObservedValue);
    }

    [Fact]
    public void The_pin_change_entry_trips_between_steps_and_measures_its_latency()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Interlocks[0].Level = false;
        rig.Core.OnInterlockEdge(0);
        Assert.Equal(TripState.Armed, rig.Core.State); // one channel open is a disagreement, not yet a trip
        rig.Clock.Advance(120);
        rig.Interlocks[1].Level = false;
        ulong edgeUs = rig.Clock.Now;
        rig.Core.OnInterlockEdge(1);
        Assert.Equal(TripState.Tripped, rig.Core.State);
        Assert.False(rig.StopPin.Energized);
        var trip = rig.LastJournaled(EventType.Trip);
        Assert.Equal(TripRule.InterlockOpen, trip.Record.Rule);
        Assert.Equal(InputChannel.Guard, trip.Record.Channel);
        Assert.Equal(edgeUs, trip.Record.DetectMonoUs);
    }

    [Fact]
    public void An_opening_edge_counts_even_when_the_bouncing_contact_reads_closed_by_the_time_the_handler_runs()
    {
        var rig = new NodeRig().BootAndArm();

        // Channel A opens and bounces back closed before its handler runs: the level alone shows nothing.
        rig.Core.OnInterlockEdge(0, contactOpened: true);
        Assert.Equal(TripState.Armed, rig.Core.State);
        rig.Clock.Advance(150);

        // Channel B's opening edge, also read back closed: both channels opened, so the guard is open now.
        ulong edgeUs = rig.Clock.Now;
        rig.Core.OnInterlockEdge(1, contactOpened: true);
        Assert.Equal(TripState.Tripped, rig.Core.State);
        Assert.False(rig.StopPin.Energized);
        var trip = rig.LastJournaled(EventType.Trip);
        Assert.Equal(TripRule.InterlockOpen, trip.Record.Rule);
        Assert.Equal(InputChannel.Guard, trip.Record.Channel);
        Assert.Equal(edgeUs, trip.Record.DetectMonoUs);
    }

    [Fact]
    public void An_opening_edge_on_one_channel_that_closes_again_counts_closed_only_after_the_debounce_time()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Core.OnInterlockEdge(2, contactOpened: true);
        rig.Step();
        Assert.Equal(1, rig.CountJournaled(EventType.Discrepancy));
        Assert.Equal(TripState.Armed, rig.Core.State);
        // The contact reads closed throughout; after the debounce time the channel counts closed again and
        // the disagreement ends well inside the discrepancy time.
        rig.Step(20);
        Assert.Equal(TripState.Armed, rig.Core.State);
        Assert.True(rig.StopPin.Energized);
        rig.Step(100);
        Assert.Equal(TripState.Armed, rig.Core.State);
    }

    [Fact]
    public void Channel_discrepancy_trips_only_when_it_lasts_longer_than_the_discrepancy_time()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Interlocks[4].Level = false;
        rig.Step();
        ulong began = rig.Clock.Now;
        var discrepancy = rig.LastJournaled(EventType.Discrepancy);
        Assert.Equal(InputChannel.EStop, discrepancy.Record.Channel);
        Assert.Equal(began, discrepancy.Record.DetectMonoUs);

        // Exactly the discrepancy time (50 ms) is not "longer than".
        rig.StepUntil(began + 50_000);
        Assert.Equal(TripState.Armed, rig.Core.State);
        Assert.True(rig.StopPin.Energized);

        rig.Clock.Advance(1);
        rig.Core.Step();
        Assert.Equal(TripState.Tripped, rig.Core.State);
        var trip = rig.LastJournaled(EventType.Trip);
        Assert.Equal(TripRule.ChannelDiscrepancy, trip.Record.Rule);
        Assert.Equal(ResponseClass.Maintenance, trip.Record.Response);
        Assert.Equal(50_001, trip.Record.ObservedValue);
        Assert.Equal(50_000, trip.Record.LimitValue);
        Assert.Equal(1, rig.CountJournaled(EventType.Discrepancy));
    }

    [Fact]
    public void A_discrepancy_first_seen_by_the_pin_change_path_is_still_journaled_by_the_next_step()
    {
        // The GPIO handler updates the pair between steps; the step must still see the disagreement begin.
        var rig = new NodeRig().BootAndArm();
        rig.Interlocks[4].Level = false;
        ulong edgeUs = rig.Clock.Now;
        rig.Core.OnInterlockEdge(4);
        Assert.Equal(TripState.Armed, rig.Core.State);
        rig.Step();
        var discrepancy = rig.LastJournaled(EventType.Discrepancy);
        Assert.Equal(InputChannel.EStop, discrepancy.Record.Channel);
        Assert.Equal(1, rig.CountJournaled(EventType.Discrepancy));
        rig.Step(3);
        Assert.Equal(1, rig.CountJournaled(EventType.Discrepancy));
        Assert.True(edgeUs < discrepancy.Record.DetectMonoUs);
    }

    [Fact]
    public void A_bouncing_channel_that_settles_within_the_discrepancy_time_does_not_trip()
    {
        var rig = new NodeRig().BootAndArm();
        for (int i = 0; i < 10; i++)
        {
            rig.Interlocks[0].Level = i % 2 == 1;
            rig.Step(2);
        }

        rig.Interlocks[0].Level = true;
        rig.Step(10);
        Assert.Equal(TripState.Armed, rig.Core.State);
        Assert.Equal(1, rig.CountJournaled(EventType.Discrepancy));
        Assert.Equal(InterlockBits.AllClosed, rig.C.InterlockBits);
    }

    [Theory]
    [InlineData(1_200_000, SensorFaultKind.AboveRange, 1_000_000)]
    [InlineData(-60_000, SensorFaultKind.BelowRange, -50_000)]
    public void A_reading_outside_the_range_trips_sensor_fault(int mn, SensorFaultKind kind, long limit)
    {
        var rig = new NodeRig().BootAndArm();
        rig.SetForceMilliNewtons(mn);
        rig.Force.Noise = false;
        rig.Step();
        var trip = rig.LastJournaled(EventType.Trip);
        Assert.Equal(TripRule.SensorFault, trip.Record.Rule);
        Assert.Equal(ResponseClass.Recalibrate, trip.Record.Response);
        Assert.Equal((byte)kind, trip.Record.ReasonCode);
        Assert.Equal(mn, trip.Record.ObservedValue);
        Assert.Equal(limit, trip.Record.LimitValue);
    }

    [Fact]
    public void A_stuck_reading_trips_sensor_fault_after_the_policy_count()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Force.Noise = false;
        rig.Step(498);
        Assert.Equal(TripState.Armed, rig.Core.State);
        rig.Step(2);
        var trip = rig.LastJournaled(EventType.Trip);
        Assert.Equal((byte)SensorFaultKind.Stuck, trip.Record.ReasonCode);
        Assert.Equal(500, trip.Record.ObservedValue);
    }

    [Fact]
    public void A_silent_force_sensor_trips_not_answering_after_the_silence_limit()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Force.Status = Hardware.SensorReadStatus.NotReady;
        rig.Step(200);
        Assert.Equal(TripState.Armed, rig.Core.State);
        rig.Step();
        var trip = rig.LastJournaled(EventType.Trip);
        Assert.Equal((byte)SensorFaultKind.NotAnswering, trip.Record.ReasonCode);
        Assert.Equal(200_000, trip.Record.LimitValue);
    }

    [Fact]
    public void A_bus_error_trips_sensor_fault_at_once()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Force.Status = Hardware.SensorReadStatus.Fault;
        rig.Step();
        Assert.Equal((byte)SensorFaultKind.ReadError, rig.LastJournaled(EventType.Trip).Record.ReasonCode);
    }

    [Fact]
    public void A_step_longer_than_the_deadline_trips_loop_overrun_and_withholds_the_watchdog_kick()
    {
        var rig = new NodeRig().BootAndArm();
        int kicks = rig.Watchdog.Kicks;
        rig.Force.ReadCostUs = 800;
        rig.Step();
        Assert.Equal(TripState.Armed, rig.Core.State);
        Assert.Equal(kicks + 1, rig.Watchdog.Kicks);
        rig.Force.ReadCostUs = 801;
        rig.Step();
        Assert.Equal(TripState.Tripped, rig.Core.State);
        Assert.False(rig.StopPin.Energized);
        Assert.Equal(kicks + 1, rig.Watchdog.Kicks);
        var trip = rig.LastJournaled(EventType.Trip);
        Assert.Equal(TripRule.LoopOverrun, trip.Record.Rule);
        Assert.Equal(InputChannel.Loop, trip.Record.Channel);
        Assert.Equal(801, trip.Record.ObservedValue);
        Assert.Equal(800, trip.Record.LimitValue);
        Assert.Equal(1u, rig.C.Overruns);
        Assert.Equal(801u, rig.C.MaxStepUs);
    }

    [Fact]
    public void Overruns_while_tripped_are_recorded_once_per_run_of_overruns()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Force.ReadCostUs = 900;
        rig.Step(5);

        // The first overrun is the trip's own record; the rest of that run adds nothing.
        Assert.Equal(1, rig.CountJournaled(EventType.Trip));
        Assert.Equal(0, rig.CountJournaled(EventType.LoopOverrun));
        rig.Force.ReadCostUs = 0;
        rig.Step();
        rig.Force.ReadCostUs = 900;
        rig.Step(4);
        Assert.Equal(1, rig.CountJournaled(EventType.LoopOverrun));
        Assert.Equal(9u, rig.C.Overruns);
    }

    [Fact]
    public void An_exception_in_the_loop_de_energizes_the_output_withholds_the_kick_and_latches_a_trip()
    {
        var rig = new NodeRig().BootAndArm();
        Assert.True(rig.StopPin.Energized);
        int kicks = rig.Watchdog.Kicks;
        rig.Force.Throw = true;
        rig.Step();
        Assert.False(rig.StopPin.Energized);
        Assert.Equal(kicks, rig.Watchdog.Kicks);
        Assert.Equal(1u, rig.C.LoopFaults);
        Assert.True(rig.C.Latch.IsTripped);

        // The fault is gone, but the cell stays stopped: the step that threw checked nothing, so only an
        // explicit reset may restart it, and the trip says why it stopped.
        rig.Force.Throw = false;
        rig.Step();
        Assert.False(rig.StopPin.Energized);
        Assert.Equal(kicks + 1, rig.Watchdog.Kicks);
        var trip = rig.Journal().Single(e => e.Type == EventType.Trip);
        Assert.Equal(TripRule.LoopOverrun, trip.Record.Rule);
        Assert.Equal(InputChannel.Loop, trip.Record.Channel);
        Assert.Equal(Engine.TripLoop.ReasonStepException, trip.Record.ReasonCode);
    }

    [Fact]
    public void Sensor_faults_that_appear_while_tripped_are_journaled_as_sensor_fault_events()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Interlocks[0].Level = false;
        rig.Interlocks[1].Level = false;
        rig.Step();
        rig.Force.Status = Hardware.SensorReadStatus.Fault;
        rig.Step();
        rig.Force.Status = Hardware.SensorReadStatus.NewReading;
        rig.Step();
        var faults = rig.Journal().Where(e => e.Type == EventType.SensorFault).ToList();
        Assert.Equal(2, faults.Count);
        Assert.Equal((byte)SensorFaultKind.ReadError, faults[0].Record.ReasonCode);
        Assert.Equal((byte)SensorFaultKind.None, faults[1].Record.ReasonCode);
        Assert.Equal(1, rig.CountJournaled(EventType.Trip));
    }
}
