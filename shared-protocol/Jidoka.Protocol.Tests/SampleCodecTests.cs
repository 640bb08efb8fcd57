using FsCheck.Xunit;
using Xunit;

namespace Jidoka.Protocol.Tests;

/// <summary>The 10-byte sample record has one reader and one writer: <see cref="SampleCodec"/>.</summary>
public sealed class SampleCodecTests
{
    [Property]
    public void A_packed_sample_reads_back_as_written(int force, ushort confidence, ushort age, byte interlocks, byte flags, byte index)
    {
        int slot = index % 5;
        byte[] samples = new byte[5 * SampleCodec.SizeBytes];
        var cursor = new FieldCursor();
        cursor.Reset(samples, slot * SampleCodec.SizeBytes, SampleCodec.SizeBytes);
        SampleCodec.Write(cursor, force, confidence, age, interlocks, flags);
        Assert.Equal(SampleCodec.SizeBytes, cursor.Position);

        Assert.True(SampleCodec.Read(cursor, samples, slot, out int f, out ushort c, out ushort a, out byte i, out byte s));
        Assert.Equal((force, confidence, age, interlocks, flags), (f, c, a, i, s));
    }

    [Fact]
    public void The_sample_block_of_a_frame_vector_reads_as_the_frame_decoder_reads_it()
    {
        byte[] input = VectorFiles.Named("frame-10-samples").Input;
        var frame = new FrameMessage();
        Assert.True(frame.TryDecode(input, 0, input.Length).IsAccepted);
        byte[] block = new byte[frame.SampleCount * SampleCodec.SizeBytes];
        System.Array.Copy(input, FrameCodec.HeaderBytes, block, 0, block.Length);

        var cursor = new FieldCursor();
        for (int n = 0; n < frame.SampleCount; n++)
        {
            Assert.True(SampleCodec.Read(cursor, block, n, out int force, out ushort confidence, out ushort age, out byte interlocks, out byte flags));
            Assert.Equal(frame.ForceMilliNewtons[n], force);
            Assert.Equal(frame.VisionConfidence[n], confidence);
            Assert.Equal(frame.VisionAgeMs[n], age);
            Assert.Equal(frame.InterlockBits[n], interlocks);
            Assert.Equal(frame.SampleFlags[n], flags);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public void An_index_outside_the_block_reads_false_and_zeros(int index)
    {
        byte[] samples = new byte[3 * SampleCodec.SizeBytes];
        for (int b = 0; b < samples.Length; b++)
        {
            samples[b] = 0xFF;
        }

        Assert.False(SampleCodec.Read(new FieldCursor(), samples, index, out int force, out ushort confidence, out ushort age, out byte interlocks, out byte flags));
        Assert.Equal((0, (ushort)0, (ushort)0, (byte)0, (byte)0), (force, confidence, age, interlocks, flags));
    }
}
