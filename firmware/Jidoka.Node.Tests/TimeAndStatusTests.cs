using System.Linq;
using Jidoka.Node.Comms;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Node.Tests;

public sealed class TimeAndStatusTests
{
    private const long WallBaseUs = 1_764_489_600_000_000;

    private static TimeSyncRequestMessage LastRequest(NodeRig rig)
    {
        var p = rig.Link.Sent.Last(s => s.Topic == rig.TopicOf(TopicKind.TimeRequest));
        var m = new TimeSyncRequestMessage();
        Assert.True(m.TryDecode(p.Payload, 0, p.Payload.Length).IsAccepted);
        return m;
    }

    // Answers the last request as a bridge whose clock reads mono + offset, with the given one-way delays.
    private static void Answer(NodeRig rig, long offsetUs, ulong upUs, ulong turnUs, ulong downUs)
    {
        var request = LastRequest(rig);
        rig.Clock.Advance(upUs);
        long t2 = (long)rig.Clock.Now + offsetUs;
        rig.Clock.Advance(turnUs);
        long t3 = (long)rig.Clock.Now + offsetUs;
        rig.Clock.Advance(downUs);
        rig.Post(rig.TopicOf(TopicKind.TimeResponse), new TimeSyncResponseMessage
        {
            NodeId = NodeRig.Node,
            RequestId = request.RequestId,
            T1NodeMonoUs = request.T1NodeMonoUs,
            T2ReceiveUnixUs = t2,
            T3TransmitUnixUs = t3,
        });
        rig.Service();
    }

    [Fact]
    public void A_time_exchange_sets_offset_uncertainty_and_quality_and_frames_carry_them()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        Assert.Equal(TimeQuality.Unsynced, LastRequest(rig).TimeQuality);

        // Symmetric 2 ms each way: the offset comes out exact, the bound is half the round trip.
        Answer(rig, WallBaseUs, 2000, 500, 2000);
        Assert.Equal(TimeQuality.Synced, rig.C.Time.QualityAt(rig.Clock.Now));
        Assert.Equal(WallBaseUs, rig.C.Time.OffsetUs);
        Assert.Equal(2001u, rig.C.Time.UncertaintyAt(rig.Clock.Now));
        rig.Step(25);
        rig.Service();
        var frame = rig.PublishedFrames().Last();
        Assert.Equal(TimeQuality.Synced, frame.Provenance.TimeQuality);
        Assert.Equal(WallBaseUs, frame.Provenance.WallOffsetUs);
    }

    [Fact]
    public void A_change_of_time_quality_closes_the_open_frame()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        rig.Step(1);
        while (rig.C.Frames.Head.SampleCount == 0 || rig.C.Frames.Head.SampleCount > 5)
        {
            rig.Step();
        }

        int open = rig.C.Frames.Head.SampleCount;
        Answer(rig, WallBaseUs, 100, 0, 100);
        rig.Step(20);
        rig.Service();
        var frames = rig.PublishedFrames();
        Assert.Contains(frames, f => f.Provenance.TimeQuality == TimeQuality.Unsynced && f.SampleCount == open);
        Assert.Contains(frames, f => f.Provenance.TimeQuality == TimeQuality.Synced);
    }

    [Fact]
    public void Without_exchanges_the_node_goes_to_holdover_with_growing_uncertainty()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        Answer(rig, WallBaseUs, 1000, 0, 1000);
        uint u0 = rig.C.Time.UncertaintyAt(rig.Clock.Now);
        rig.Link.Connected = false;
        rig.Clock.Advance(61_000_000);
        Assert.Equal(TimeQuality.Holdover, rig.C.Time.QualityAt(rig.Clock.Now));

        // 100 ppm of 61 s is 6.1 ms.
        Assert.Equal(u0 + 6100, rig.C.Time.UncertaintyAt(rig.Clock.Now));
    }

    [Fact]
    public void An_offset_jump_beyond_the_threshold_is_journaled_as_a_clock_step()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        Answer(rig, WallBaseUs, 1000, 0, 1000);
        rig.Clock.Advance(16_000_000);
        rig.Service();
        Answer(rig, WallBaseUs + 1_000_000, 1000, 0, 1000);
        var step = rig.LastJournaled(EventType.ClockStep);
        Assert.Equal(1_000_000, step.Record.ObservedValue);
        Assert.Equal(50_000, step.Record.LimitValue);
        Assert.Equal(WallBaseUs + 1_000_000, step.Provenance.WallOffsetUs);
    }

    [Fact]
    public void Exchanges_with_a_long_round_trip_or_a_stale_request_id_are_discarded()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        Answer(rig, WallBaseUs, 300_000, 0, 300_000);
        Assert.Equal(TimeQuality.Unsynced, rig.C.Time.QualityAt(rig.Clock.Now));
        Assert.Equal(1u, rig.C.Time.Rejected);

        var request = LastRequest(rig);
        rig.Post(rig.TopicOf(TopicKind.TimeResponse), new TimeSyncResponseMessage
        {
            NodeId = NodeRig.Node,
            RequestId = request.RequestId + 5,
            T1NodeMonoUs = request.T1NodeMonoUs,
            T2ReceiveUnixUs = WallBaseUs,
            T3TransmitUnixUs = WallBaseUs,
        });
        rig.Service();
        Assert.Equal(TimeQuality.Unsynced, rig.C.Time.QualityAt(rig.Clock.Now));
    }

    [Fact]
    public void Status_is_retained_published_on_connect_on_change_and_periodically()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();

        // Status goes out at once on connect; the bridge's retained state arrives just after, and that
        // change is published once the minimum interval has passed.
        Assert.False(rig.PublishedStatus().Last().HostOnline);
        rig.StepUntil(rig.Clock.Now + 1_000_000);
        rig.Service();
        var first = rig.PublishedStatus().Last();
        Assert.True(first.Online);
        Assert.Equal(TripState.Armed, first.TripState);
        Assert.Equal(7u, first.PolicyId);
        Assert.Equal(rig.C.PolicyHash, first.PolicyHash);
        Assert.Equal("sim", first.Board);
        Assert.Equal(NodeRig.PeriodUs, first.LoopPeriodUs);
        Assert.True(first.HostOnline);
        int count = rig.PublishedStatus().Count;

        rig.Vision.Raw = 10;
        rig.Step();
        rig.Service();
        Assert.Equal(count, rig.PublishedStatus().Count); // within the minimum interval
        rig.Clock.Advance(1_000_000);
        rig.Service();
        var tripped = rig.PublishedStatus().Last();
        Assert.Equal(TripState.Tripped, tripped.TripState);
        Assert.Equal(TripRule.VisionLowConfidence, tripped.TripCause);
        Assert.Equal(ResponseClass.Reinspect, tripped.Response);
        Assert.Equal(rig.C.Latch.TripEventId, tripped.TripEventId);
        Assert.True(tripped.JournalDepth >= 1);

        count = rig.PublishedStatus().Count;
        rig.Clock.Advance(30_000_000);
        rig.Service();
        Assert.Equal(count, rig.PublishedStatus().Count);
        rig.Clock.Advance(30_000_000);
        rig.Service();
        Assert.Equal(count + 1, rig.PublishedStatus().Count);
    }

    [Fact]
    public void The_last_will_is_the_offline_status_on_the_status_topic()
    {
        var rig = new NodeRig();
        Assert.Equal("jidoka/v1/cell-a/press-01/status", rig.Core.LastWillTopic);
        byte[] payload = rig.Core.LastWillPayload();
        var status = new StatusMessage();
        Assert.True(status.TryDecode(payload, 0, payload.Length).IsAccepted);
        Assert.False(status.Online);
        Assert.Equal(NodeRig.Cell, status.CellId);
        Assert.Equal(NodeRig.Node, status.NodeId);
        Assert.Equal(System.Text.Encoding.ASCII.GetString(payload), LastWill.PayloadText(NodeRig.Cell, NodeRig.Node));
        Assert.True(LastWill.Retain);
    }

    [Fact]
    public void Every_reconnect_subscribes_again_and_is_counted()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        Assert.Equal(4, rig.Link.Subscriptions.Count);
        Assert.Contains("jidoka/v1/_host/+/state", rig.Link.Subscriptions);
        rig.Link.Connected = false;
        rig.Service();
        rig.ConnectBridge();
        Assert.Equal(8, rig.Link.Subscriptions.Count);
        Assert.Equal(1u, rig.Core.Comms.Reconnects);
    }
}
