using System;
using FsCheck.Xunit;
using Jidoka.Boards.Logic.Force;
using Jidoka.Node.Hardware;
using Xunit;

namespace Jidoka.Boards.Logic.Tests;

public sealed class Hx711ProtocolTests
{
    [Theory]
    [InlineData(128, 25)]
    [InlineData(32, 26)]
    [InlineData(64, 27)]
    public void Gain_selects_the_datasheet_pulse_count(int gain, int pulses) =>
        Assert.Equal(pulses, Hx711Protocol.PulsesForGain(gain));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(256)]
    public void Any_other_gain_is_refused(int gain) =>
        Assert.Throws<ArgumentException>(() => Hx711Protocol.PulsesForGain(gain));

    [Theory]
    [InlineData(25, 0x80)]
    [InlineData(26, 0xA0)]
    [InlineData(27, 0xA8)]
    public void Read_pattern_is_six_bytes_of_1010_then_the_gain_pulses_then_PD_SCK_low(int pulses, byte last)
    {
        var mosi = new byte[Hx711Protocol.ReadFrameBytes];
        Hx711Protocol.FillReadPattern(mosi, pulses);
        Assert.Equal(new byte[] { 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, last }, mosi);
    }

    [Theory]
    [InlineData(0x000000, 0)]
    [InlineData(0x000001, 1)]
    [InlineData(0x7FFFFF, 8388607)]
    [InlineData(0x800000, -8388608)]
    [InlineData(0xFFFFFF, -1)]
    [InlineData(0xABCDEF, -5517841)]
    public void Decodes_24_bit_twos_complement_including_both_saturation_codes(int value24, int expected)
    {
        var hx = new SimulatedHx711(value24);
        Assert.Equal(SensorReadStatus.NewReading, Hx711Protocol.TryDecode(hx.Transfer(Pattern(25)), 25, out int counts));
        Assert.Equal(expected, counts);
    }

    [Property(MaxTest = 500)]
    public bool Any_conversion_round_trips_through_the_bus_at_every_gain(int seed, int gainIndex)
    {
        int value24 = seed & 0xFFFFFF;
        int pulses = 25 + (int)((uint)gainIndex % 3);
        var hx = new SimulatedHx711(value24);
        SensorReadStatus status = Hx711Protocol.TryDecode(hx.Transfer(Pattern(pulses)), pulses, out int counts);
        return status == SensorReadStatus.NewReading && counts == SimulatedHx711.Expected(value24);
    }

    [Fact]
    public void Probe_reads_ready_only_when_DOUT_stayed_low_for_the_whole_byte()
    {
        Assert.True(Hx711Protocol.IsDataReady(new SimulatedHx711(0x123456, ready: true).Transfer(new byte[1])[0]));
        Assert.False(Hx711Protocol.IsDataReady(new SimulatedHx711(0x123456, ready: false).Transfer(new byte[1])[0]));

        // A conversion finishing mid-probe (DOUT falling during the byte) is read next step, not now.
        Assert.False(Hx711Protocol.IsDataReady(0xF0));
        Assert.False(Hx711Protocol.IsDataReady(0x01));
    }

    [Fact]
    public void The_probe_sends_no_PD_SCK_pulse()
    {
        // A zero byte on MOSI keeps PD_SCK low, so probing cannot shift a bit out of a pending conversion.
        var hx = new SimulatedHx711(0x0F0F0F);
        hx.Transfer(new byte[Hx711Protocol.ProbeBytes]);
        Assert.Equal(SensorReadStatus.NewReading, Hx711Protocol.TryDecode(hx.Transfer(Pattern(25)), 25, out int counts));
        Assert.Equal(0x0F0F0F, counts);
    }

    [Fact]
    public void DOUT_stuck_low_is_a_fault_not_a_zero_reading()
    {
        // A live HX711 drives DOUT high after the 25th pulse; a line stuck low never does.
        Assert.True(Hx711Protocol.IsDataReady(0x00));
        Assert.Equal(SensorReadStatus.Fault, Hx711Protocol.TryDecode(SimulatedHx711.StuckMiso(high: false), 25, out int counts));
        Assert.Equal(0, counts);
    }

    [Fact]
    public void DOUT_stuck_high_never_reads_ready()
    {
        Assert.False(Hx711Protocol.IsDataReady(SimulatedHx711.StuckMiso(high: true)[0]));
    }

    [Fact]
    public void Short_buffers_and_impossible_pulse_counts_are_faults_not_exceptions()
    {
        Assert.Equal(SensorReadStatus.Fault, Hx711Protocol.TryDecode(new byte[3], 25, out _));
        Assert.Equal(SensorReadStatus.Fault, Hx711Protocol.TryDecode(new byte[7], 24, out _));
        Assert.Equal(SensorReadStatus.Fault, Hx711Protocol.TryDecode(null!, 25, out _));
        Assert.Throws<ArgumentException>(() => Hx711Protocol.FillReadPattern(new byte[6], 25));
    }

    [Fact]
    public void Decoding_allocates_nothing()
    {
        byte[] miso = new SimulatedHx711(0x654321).Transfer(Pattern(25));
        Hx711Protocol.TryDecode(miso, 25, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            Hx711Protocol.TryDecode(miso, 25, out _);
            Hx711Protocol.IsDataReady(miso[0]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static byte[] Pattern(int pulses)
    {
        var mosi = new byte[Hx711Protocol.ReadFrameBytes];
        Hx711Protocol.FillReadPattern(mosi, pulses);
        return mosi;
    }
}
