using System;
using FsCheck.Xunit;
using Xunit;

namespace Jidoka.Protocol.Tests;

/// <summary>
/// The cursor every codec writes and reads fields through: little-endian layout in order, and a window
/// that no read or write passes, reported as a result instead of an exception.
/// </summary>
public sealed class FieldCursorTests
{
    [Fact]
    public void Fields_are_written_little_endian_one_after_another()
    {
        byte[] buffer = new byte[40];
        var c = new FieldCursor();
        c.Reset(buffer, 1, 38);
        c.WriteUInt8(0xA1);
        c.WriteUInt16(0x0302);
        c.WriteUInt32(0x07060504);
        c.WriteInt32(-2);
        c.WriteUInt64(0x0F0E0D0C0B0A0908);
        c.WriteInt64(-3);
        c.WriteBytes(new byte[] { 0x55, 0x66 }, 0, 2);
        c.WriteFixedId(4, "ab");

        Assert.False(c.Overran);
        Assert.Equal(33, c.Position);
        Assert.Equal(
            "00-A1-02-03-04-05-06-07-FE-FF-FF-FF-08-09-0A-0B-0C-0D-0E-0F-FD-FF-FF-FF-FF-FF-FF-FF-55-66-61-62-00-00-00-00-00-00-00-00",
            BitConverter.ToString(buffer));
        Assert.Equal(33, c.EncodeOutcome().BytesWritten);
    }

    [Property]
    public void Every_width_reads_back_what_was_written(byte u8, ushort u16, uint u32, int i32, ulong u64, long i64)
    {
        byte[] buffer = new byte[27];
        var c = new FieldCursor();
        c.Reset(buffer, 0, buffer.Length);
        c.WriteUInt8(u8);
        c.WriteUInt16(u16);
        c.WriteUInt32(u32);
        c.WriteInt32(i32);
        c.WriteUInt64(u64);
        c.WriteInt64(i64);
        Assert.Equal(buffer.Length, c.Position);

        c.Reset(buffer, 0, buffer.Length);
        Assert.Equal(u8, c.ReadUInt8());
        Assert.Equal(u16, c.ReadUInt16());
        Assert.Equal(u32, c.ReadUInt32());
        Assert.Equal(i32, c.ReadInt32());
        Assert.Equal(u64, c.ReadUInt64());
        Assert.Equal(i64, c.ReadInt64());
        Assert.Equal(0, c.Remaining);
        Assert.True(c.DecodeOutcome().IsAccepted);
    }

    [Fact]
    public void A_read_past_the_window_returns_zero_and_reports_too_short()
    {
        byte[] buffer = { 1, 2, 3, 4, 5, 6 };
        var c = new FieldCursor();
        c.Reset(buffer, 0, 3);
        Assert.Equal(0x0201, c.ReadUInt16());
        Assert.Equal(0u, c.ReadUInt32()); // bytes 2..5 exist in the array but not in the window

        Assert.True(c.Overran);
        Assert.Equal(0, c.ReadUInt8()); // stays overrun: later fields do not read shifted data
        DecodeResult result = c.DecodeOutcome();
        Assert.Equal(RejectReason.TooShort, result.Reason);
        Assert.Equal("length", result.Field);
    }

    [Fact]
    public void A_write_past_the_window_writes_nothing_and_reports_buffer_too_small()
    {
        byte[] buffer = new byte[8];
        var c = new FieldCursor();
        c.Reset(buffer, 2, 5);
        c.WriteUInt32(0xFFFFFFFF);
        c.WriteUInt16(0xEEEE); // needs 2, 1 left
        c.WriteUInt8(0xDD); // would fit, but the cursor is already overrun

        Assert.Equal(new byte[] { 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0 }, buffer);
        EncodeResult result = c.EncodeOutcome();
        Assert.Equal(EncodeStatus.BufferTooSmall, result.Status);
        Assert.Equal(0, result.BytesWritten);
        Assert.Equal("buffer", result.Field);
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(0, -1)]
    [InlineData(3, 2)]
    [InlineData(5, 0)]
    [InlineData(int.MaxValue, 1)]
    public void A_window_outside_the_buffer_is_overrun_from_the_start(int offset, int length)
    {
        var c = new FieldCursor();
        c.Reset(new byte[4], offset, length);
        Assert.True(c.Overran);
        Assert.Equal(0, c.ReadUInt8());
        c.WriteUInt8(1);
        Assert.False(c.DecodeOutcome().IsAccepted);
    }

    [Fact]
    public void A_null_buffer_or_bad_copy_range_is_reported_not_thrown()
    {
        var c = new FieldCursor();
        c.Reset(null!, 0, 0);
        Assert.True(c.Overran);

        c.Reset(new byte[8], 0, 8);
        c.ReadBytes(new byte[2], 1, 2); // destination too small
        Assert.True(c.Overran);

        c.Reset(new byte[8], 0, 8);
        c.WriteBytes(new byte[2], 0, 3); // source too small
        Assert.True(c.Overran);

        c.Reset(new byte[8], 0, 8);
        Assert.False(c.TryReadFixedId(16, false, false, out string id));
        Assert.Equal("", id);
        Assert.True(c.Overran);
    }

    [Fact]
    public void Reset_clears_an_earlier_overrun()
    {
        var c = new FieldCursor();
        c.Reset(new byte[2], 0, 2);
        c.ReadUInt32();
        Assert.True(c.Overran);
        c.Reset(new byte[4], 0, 4);
        Assert.False(c.Overran);
        Assert.Equal(0u, c.ReadUInt32());
        Assert.False(c.Overran);
    }

    [Fact]
    public void The_crc_covers_everything_written_since_the_reset()
    {
        byte[] buffer = new byte[10];
        var c = new FieldCursor();
        c.Reset(buffer, 2, 8);
        c.WriteUInt32(0x04030201);
        c.WriteCrc32();
        Assert.Equal(8, c.Position);
        Assert.Equal(Crc32.Compute(buffer, 2, 4), LittleEndian.ReadUInt32(buffer, 6));
    }
}
