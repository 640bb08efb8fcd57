using System;
using Xunit;

namespace Jidoka.Protocol.Tests;

/// <summary>
/// The node encodes frames, events and status in its loop or right beside it, where a GC pause is a
/// missed deadline. These encoders must allocate nothing once their message objects exist.
/// </summary>
public sealed class AllocationTests
{
    private static long AllocatedBy(Action action, int repetitions)
    {
        action(); // warm up: JIT, static constructors (the CRC table) and type loading allocate once.
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < repetitions; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Encoding_a_ten_sample_frame_allocates_zero_bytes()
    {
        var frame = new FrameMessage();
        Assert.True(frame.TryDecode(VectorFiles.Named("frame-10-samples").Input, 0, 173).IsAccepted);
        Assert.Equal(10, frame.SampleCount);
        byte[] buffer = new byte[ProtocolLimits.MaxMessageBytes];
        int written = 0;

        long allocated = AllocatedBy(
            () =>
            {
                frame.FrameSequence++;
                written = frame.TryEncode(buffer, 0).BytesWritten;
            },
            1000);

        Assert.Equal(173, written);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Encoding_an_event_allocates_zero_bytes()
    {
        byte[] input = VectorFiles.Named("event-trip-force-over-limit").Input;
        var message = new EventMessage();
        Assert.True(message.TryDecode(input, 0, input.Length).IsAccepted);
        byte[] buffer = new byte[ProtocolLimits.MaxMessageBytes];
        EncodeResult result = default;
        Assert.Equal(0, AllocatedBy(() => result = message.TryEncode(buffer, 0), 1000));
        Assert.Equal(EventCodec.EncodedSize, result.BytesWritten);
    }

    [Fact]
    public void Encoding_status_json_allocates_zero_bytes()
    {
        byte[] input = VectorFiles.Named("status-online-tripped").Input;
        var status = new StatusMessage();
        Assert.True(status.TryDecode(input, 0, input.Length).IsAccepted);
        byte[] buffer = new byte[ProtocolLimits.MaxMessageBytes];
        EncodeResult result = default;
        Assert.Equal(0, AllocatedBy(() => { status.UptimeSeconds++; result = status.TryEncode(buffer, 0); }, 1000));
        Assert.True(result.IsWritten);
    }

    [Fact]
    public void The_measurement_itself_detects_an_allocation()
    {
        // Guards against a measurement that always reads zero.
        Assert.True(AllocatedBy(() => GC.KeepAlive(new byte[64]), 10) >= 640);
    }
}
