using System;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Node.Tests;

public sealed class AllocationTests
{
    [Fact]
    public void A_steady_state_step_including_frame_append_allocates_nothing_over_10000_steps()
    {
        var rig = new NodeRig().BootAndArm();

        // Warm up: JIT, first frames, the ring filling and starting to drop oldest-first.
        rig.Step(1000);
        Assert.True(rig.C.Frames.Dropped > 0);
        uint framesBefore = rig.C.Frames.NextSequence;

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            rig.Clock.Now += NodeRig.PeriodUs;
            rig.Core.Step();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(TripState.Armed, rig.Core.State);
        Assert.Equal(1000u, rig.C.Frames.NextSequence - framesBefore); // 10 samples per frame: frames were appended
    }

    [Fact]
    public void A_trip_step_allocates_nothing_either()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Step(100);
        rig.SetForceMilliNewtons(600_000);
        rig.Step(2);
        long before = GC.GetAllocatedBytesForCurrentThread();
        rig.Clock.Now += NodeRig.PeriodUs;
        rig.Core.Step();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(TripState.Tripped, rig.Core.State);
        Assert.Equal(0, allocated);
    }
}
