using System;
using Jidoka.Boards.Logic.Network;
using Xunit;

namespace Jidoka.Boards.Logic.Tests;

/// <summary>The QoS 0 publish buffers: no garbage at a steady frame size, and no slot reused while M2Mqtt may still hold it.</summary>
public sealed class PublishBufferRingTests
{
    private static byte[] Payload(int length, byte seed)
    {
        byte[] b = new byte[1024];
        for (int i = 0; i < length; i++)
        {
            b[i] = (byte)(seed + i);
        }

        return b;
    }

    [Fact]
    public void A_slot_holds_an_exact_length_copy_and_comes_back_only_after_a_full_turn()
    {
        var ring = new PublishBufferRing(32);
        Assert.Equal(35, ring.SlotCount);
        byte[] first = ring.Fill(Payload(40, 1), 40);
        ring.Accepted();
        Assert.Equal(40, first.Length);
        Assert.Equal(Payload(40, 1).AsSpan(0, 40).ToArray(), first);

        for (int i = 1; i < ring.SlotCount; i++)
        {
            byte[] other = ring.Fill(Payload(40, (byte)(i + 1)), 40);
            ring.Accepted();
            Assert.NotSame(first, other);
        }

        Assert.Equal(Payload(40, 1).AsSpan(0, 40).ToArray(), first); // untouched while M2Mqtt may hold it
        Assert.Same(first, ring.Fill(Payload(40, 9), 40));
    }

    [Fact]
    public void A_refused_publish_leaves_its_slot_for_the_next_one()
    {
        var ring = new PublishBufferRing(4);
        byte[] refused = ring.Fill(Payload(10, 1), 10);
        Assert.Same(refused, ring.Fill(Payload(10, 2), 10));
        ring.Accepted();
        Assert.NotSame(refused, ring.Fill(Payload(10, 3), 10));
    }

    [Fact]
    public void A_steady_frame_size_allocates_nothing_after_the_first_turn()
    {
        var ring = new PublishBufferRing(32);
        byte[] payload = Payload(120, 7);
        for (int i = 0; i < ring.SlotCount; i++)
        {
            ring.Fill(payload, 120);
            ring.Accepted();
        }

        Assert.Equal((uint)ring.SlotCount, ring.Reallocations);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            ring.Fill(payload, 120);
            ring.Accepted();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal((uint)ring.SlotCount, ring.Reallocations);

        ring.Fill(payload, 121); // a size change reallocates that slot only
        Assert.Equal((uint)ring.SlotCount + 1, ring.Reallocations);
    }

    [Fact]
    public void A_length_beyond_the_payload_is_refused()
    {
        var ring = new PublishBufferRing(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Fill(new byte[4], 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PublishBufferRing(0));
    }
}
