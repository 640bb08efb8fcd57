using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Xunit;

namespace Jidoka.Bridge.Tests;

public sealed class FrameSequenceTrackerTests
{
    private readonly NodeCounterSet _counters = new(new NodeCounters());

    [Fact]
    public void In_order_frames_count_nothing()
    {
        var tracker = new FrameSequenceTracker(4, 1_000_000);
        Assert.Equal(FrameArrival.First, tracker.Observe(10, 0, _counters));
        Assert.Equal(FrameArrival.InOrder, tracker.Observe(11, 0, _counters));
        tracker.Sweep(0, _counters);
        Assert.Equal(0, _counters.GapsDetected);
    }

    [Fact]
    public void A_gap_is_confirmed_only_after_the_window_and_a_late_replay_recovers_it()
    {
        var tracker = new FrameSequenceTracker(4, 1_000_000);
        tracker.Observe(0, 0, _counters);
        Assert.Equal(FrameArrival.AfterGap, tracker.Observe(3, 0, _counters));
        tracker.Sweep(0, _counters);
        Assert.Equal(0, _counters.GapsDetected);
        Assert.Equal(2, tracker.PendingMissing);

        for (uint s = 4; s <= 8; s++)
        {
            tracker.Observe(s, 0, _counters);
        }

        tracker.Sweep(0, _counters);
        Assert.Equal(1, _counters.GapsDetected);
        Assert.Equal(2, _counters.FramesLost);
        Assert.Equal(FrameArrival.Recovered, tracker.Observe(2, 0, _counters));
        Assert.Equal(1, _counters.FramesLost);
        Assert.Equal(1, _counters.FramesRecovered);
        Assert.Equal(FrameArrival.Duplicate, tracker.Observe(2, 0, _counters));
    }

    [Fact]
    public void The_time_window_confirms_a_gap_when_the_node_goes_quiet()
    {
        var tracker = new FrameSequenceTracker(64, 500_000);
        tracker.Observe(0, 0, _counters);
        tracker.Observe(5, 100, _counters);
        tracker.Sweep(400_000, _counters);
        Assert.Equal(0, _counters.GapsDetected);
        tracker.Sweep(500_100, _counters);
        Assert.Equal(1, _counters.GapsDetected);
        Assert.Equal(4, _counters.FramesLost);
    }

    [Fact]
    public void A_late_frame_inside_the_window_is_reordered_not_lost()
    {
        var tracker = new FrameSequenceTracker(4, 1_000_000);
        tracker.Observe(0, 0, _counters);
        tracker.Observe(2, 0, _counters);
        Assert.Equal(FrameArrival.Reordered, tracker.Observe(1, 0, _counters));
        tracker.ConfirmAll(_counters);
        Assert.Equal(1, _counters.FramesReordered);
        Assert.Equal(0, _counters.GapsDetected);
    }

    [Fact]
    public void Sequence_numbers_wrap_around()
    {
        var tracker = new FrameSequenceTracker(4, 1_000_000);
        tracker.Observe(uint.MaxValue - 1, 0, _counters);
        Assert.Equal(FrameArrival.InOrder, tracker.Observe(uint.MaxValue, 0, _counters));
        Assert.Equal(FrameArrival.InOrder, tracker.Observe(0, 0, _counters));
        Assert.Equal(FrameArrival.AfterGap, tracker.Observe(2, 0, _counters));
        Assert.Equal(FrameArrival.Reordered, tracker.Observe(1, 0, _counters));
        Assert.Equal(FrameArrival.Duplicate, tracker.Observe(uint.MaxValue, 0, _counters));
    }
}
