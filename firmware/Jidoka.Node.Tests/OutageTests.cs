using System.Linq;
using Jidoka.Node.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Node.Tests;

public sealed class OutageTests
{
    [Fact]
    public void Frames_batch_samples_with_provenance_and_go_out_live_without_the_replayed_flag()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        rig.Step(30);
        rig.Service();
        var frames = rig.PublishedFrames().Where(f => f.SampleCount == 10).ToList();
        Assert.True(frames.Count >= 2);
        var f = frames.Last();
        Assert.Equal(0, f.Flags & FrameFlags.Replayed);
        Assert.Equal(NodeRig.PeriodUs, f.SamplePeriodUs);
        Assert.Equal(7u, f.Provenance.PolicyId);
        Assert.Equal((ushort)12, f.Provenance.ForceCalibrationId);
        Assert.Equal(TimeQuality.Unsynced, f.Provenance.TimeQuality);
        Assert.NotEqual(0, f.Flags & FrameFlags.Degraded); // unsynced time is degraded
        Assert.All(Enumerable.Range(0, f.SampleCount), i => Assert.Equal(InterlockBits.AllClosed, f.InterlockBits[i]));
        Assert.All(Enumerable.Range(0, f.SampleCount), i => Assert.NotEqual(0, f.SampleFlags[i] & SampleFlags.ForceValid));
        Assert.Equal(frames[^2].FirstSampleMonoUs + (10 * NodeRig.PeriodUs), f.FirstSampleMonoUs);
        Assert.Equal(frames[^2].FrameSequence + 1, f.FrameSequence);
    }

    [Fact]
    public void An_outage_never_moves_the_output_and_held_frames_are_replayed_oldest_dropped_and_counted()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        rig.Step(10);
        rig.Service();
        int liveFrames = rig.PublishedFrames().Count;

        rig.Link.Connected = false;
        int writes = rig.StopPin.Writes;
        for (int i = 0; i < 200; i++)
        {
            rig.Step();
            rig.Service();
            Assert.True(rig.StopPin.Energized);
        }

        Assert.Equal(TripState.Armed, rig.Core.State);
        Assert.Equal(writes + 200, rig.StopPin.Writes); // re-asserted every step, never released
        Assert.Equal(7, rig.C.Frames.Committed); // ring of 8 holds 7 committed frames
        Assert.Equal(13u, rig.C.Frames.Dropped);

        rig.ConnectBridge();
        for (int i = 0; i < 3; i++)
        {
            rig.Service();
        }

        var replayed = rig.PublishedFrames().Skip(liveFrames).Where(f => (f.Flags & FrameFlags.Replayed) != 0).ToList();
        Assert.Equal(7, replayed.Count);

        // The newest frames survive; the gap in sequence numbers is what was dropped.
        var sequences = replayed.Select(f => f.FrameSequence).ToList();
        Assert.Equal(Enumerable.Range((int)sequences[0], 7).Select(x => (uint)x), sequences);
        Assert.Equal(rig.PublishedFrames()[liveFrames - 1].FrameSequence + 14, sequences[0]);
        rig.Clock.Advance(1_000_000);
        rig.Service();
        Assert.Equal(13u, rig.PublishedStatus().Last().FramesDropped);
    }

    [Fact]
    public void Frames_and_events_are_held_while_no_bridge_is_online()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Link.Connected = true;
        rig.Step(30);
        rig.Service();
        Assert.Empty(rig.PublishedFrames());
        Assert.Empty(rig.PublishedEvents());
        rig.PostHostState(true);
        rig.Service();
        Assert.NotEmpty(rig.PublishedFrames());
        Assert.All(rig.PublishedEvents(), e => Assert.Equal(EventMessage.Replayed, e.Flags & EventMessage.Replayed));
    }

    [Fact]
    public void A_trip_during_an_outage_is_replayed_after_reconnect_and_kept_until_acknowledged()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        rig.Link.Connected = false;
        rig.Service();
        rig.SetForceMilliNewtons(700_000);
        rig.Step(3);
        Assert.False(rig.StopPin.Energized);
        rig.Service();
        Assert.DoesNotContain(rig.PublishedEvents(), e => e.Type == EventType.Trip);

        rig.ConnectBridge();
        var trip = rig.PublishedEvents().Single(e => e.Type == EventType.Trip);
        Assert.Equal(EventMessage.Replayed, trip.Flags & EventMessage.Replayed);

        // No ack: after the ack timeout it is sent again; an ack finally drops it.
        rig.Clock.Advance(10_000_000);
        rig.Service();
        Assert.Equal(2, rig.PublishedEvents().Count(e => e.EventId == trip.EventId));
        rig.Ack(new[] { trip.EventId });
        rig.Clock.Advance(20_000_000);
        rig.Service();
        Assert.Equal(2, rig.PublishedEvents().Count(e => e.EventId == trip.EventId));
        Assert.DoesNotContain(rig.Journal(), e => e.EventId == trip.EventId);
    }

    [Fact]
    public void A_bridge_restart_replays_what_it_had_not_acknowledged()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge(session: 1);
        rig.SetForceMilliNewtons(700_000);
        rig.Step(3);
        rig.Service();
        var trip = rig.PublishedEvents().Single(e => e.Type == EventType.Trip);
        Assert.Equal(0, trip.Flags & EventMessage.Replayed);
        rig.PostHostState(true, session: 2);
        rig.Service();
        var again = rig.PublishedEvents().Where(e => e.EventId == trip.EventId).ToList();
        Assert.Equal(2, again.Count);
        Assert.Equal(EventMessage.Replayed, again[1].Flags & EventMessage.Replayed);
    }

    [Fact]
    public void A_policy_change_closes_the_open_frame_so_each_frame_names_one_policy()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        rig.Step(1);
        while (rig.C.Frames.Head.SampleCount == 0 || rig.C.Frames.Head.SampleCount > 5)
        {
            rig.Step();
        }

        int open = rig.C.Frames.Head.SampleCount;
        rig.Command(CommandType.ApplyPolicy, fill: c => c.Policy.CopyFrom(StandardPolicy.Create(8)));
        rig.Step(20);
        rig.Service();
        var frames = rig.PublishedFrames();
        Assert.Contains(frames, f => f.Provenance.PolicyId == 7 && f.SampleCount == open);
        Assert.Contains(frames, f => f.Provenance.PolicyId == 8);
    }
}

public sealed class SessionChangeTests
{
    [Fact]
    public void A_drop_and_reconnect_between_two_rounds_is_seen_by_the_session_count_and_subscriptions_are_renewed()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        rig.Service();
        int subscriptionsBefore = rig.Link.Subscriptions.Count;
        uint reconnectsBefore = rig.Core.Comms.Reconnects;

        // The link dropped and reconnected with a clean session between two rounds: IsConnected reads
        // true both times, only the session count moved.
        rig.Link.Sessions++;
        rig.Service();

        Assert.Equal(reconnectsBefore + 1, rig.Core.Comms.Reconnects);
        Assert.Equal(subscriptionsBefore * 2, rig.Link.Subscriptions.Count);

        // No change in the count, no new subscriptions.
        rig.Service();
        Assert.Equal(subscriptionsBefore * 2, rig.Link.Subscriptions.Count);
    }
}
