using System;
using Jidoka.Node.Hardware;
using Jidoka.Protocol;
using Jidoka.SimBoard.Physics;
using Jidoka.SimBoard.Sensors;
using Jidoka.SimBoard.Time;
using Xunit;

namespace Jidoka.SimBoard.Tests;

public sealed class SensorBusTests
{
    private sealed class Bench
    {
        public readonly VirtualScheduler Scheduler = new();
        public readonly VirtualBoardTime Time;
        public readonly ForceInput Force = new();
        public readonly LoadCell Cell = LoadCell.Default500N;

        public Bench()
        {
            Time = new VirtualBoardTime(Scheduler, 0);
            Time.PowerOn(0);
        }

        public void RunTo(ulong us) => Scheduler.RunUntil(us);
    }

    private static (Bench Bench, SimulatedHx711 Chip, SimulatedHx711Bus Bus, Hx711ForceSource Source) Hx711(int sps = 80, double noise = 0)
    {
        var b = new Bench();
        var chip = new SimulatedHx711(new LoadCellInput(b.Cell, b.Force), () => b.Time.PhysicalUs, sps, noise, 7);
        var bus = new SimulatedHx711Bus(chip, b.Time, 700_000, 150);
        return (b, chip, bus, new Hx711ForceSource(bus));
    }

    [Theory]
    [InlineData(80, 50_000UL, 12_500UL)]
    [InlineData(10, 400_000UL, 100_000UL)]
    public void Hx711_data_ready_follows_settling_and_the_output_data_rate(int sps, ulong settlingUs, ulong periodUs)
    {
        var (b, chip, _, source) = Hx711(sps);
        b.RunTo(settlingUs - 1);
        Assert.True(chip.Dout);
        Assert.Equal(SensorReadStatus.NotReady, source.TryReadCounts(out _));

        b.RunTo(settlingUs);
        Assert.False(chip.Dout);
        Assert.Equal(SensorReadStatus.NewReading, source.TryReadCounts(out _));

        // After the 25th pulse DOUT is high until the next conversion completes.
        Assert.True(chip.Dout);
        Assert.Equal(SensorReadStatus.NotReady, source.TryReadCounts(out _));
        b.RunTo(settlingUs + periodUs - 1);
        Assert.Equal(SensorReadStatus.NotReady, source.TryReadCounts(out _));
        b.RunTo(settlingUs + periodUs);
        Assert.Equal(SensorReadStatus.NewReading, source.TryReadCounts(out _));

        // A 1 kHz loop over one second of conversions gets one reading per conversion, no more.
        int readings = 0;
        ulong start = b.Scheduler.NowUs;
        for (ulong t = start; t <= start + 1_000_000; t += 1000)
        {
            b.RunTo(t);
            if (source.TryReadCounts(out _) == SensorReadStatus.NewReading)
            {
                readings++;
            }
        }

        Assert.Equal(sps, readings);
    }

    [Fact]
    public void Hx711_counts_are_24_bit_twos_complement_clocked_msb_first()
    {
        var (b, chip, _, source) = Hx711();
        b.Force.Profile = ForceProfile.Constant(-100_000);
        b.RunTo(50_000);
        Assert.Equal(SensorReadStatus.NewReading, source.TryReadCounts(out int counts));
        // (20 µV/V zero balance − 400 µV/V) × 10⁻⁶ × 128 × 2²⁴.
        int expected = (int)Math.Round(-380e-6 * 128 * (1 << 24));
        Assert.Equal(expected, counts);
        Assert.True(counts < 0);
        Assert.Equal(chip.ConvertAt(0), counts);

        b.Force.Profile = ForceProfile.Constant(100_000);
        b.RunTo(62_500);
        Assert.Equal(SensorReadStatus.NewReading, source.TryReadCounts(out counts));
        Assert.Equal((int)Math.Round(420e-6 * 128 * (1 << 24)), counts);
    }

    [Fact]
    public void Hx711_saturates_at_7FFFFF_and_800000()
    {
        var (b, _, _, source) = Hx711();
        b.Force.Profile = ForceProfile.Constant(2_000_000);
        b.RunTo(50_000);
        Assert.Equal(SensorReadStatus.NewReading, source.TryReadCounts(out int counts));
        Assert.Equal(0x7FFFFF, counts);

        b.Force.Profile = ForceProfile.Constant(-2_000_000);
        b.RunTo(62_500);
        Assert.Equal(SensorReadStatus.NewReading, source.TryReadCounts(out counts));
        Assert.Equal(-0x800000, counts);
    }

    [Fact]
    public void Hx711_read_costs_bus_time_and_only_the_data_ready_check_when_not_ready()
    {
        var (b, _, bus, source) = Hx711();
        b.RunTo(10_000);
        source.TryReadCounts(out _);
        Assert.Equal(10_000UL, b.Time.PhysicalUs);
        b.RunTo(50_000);
        source.TryReadCounts(out _);
        // 150 µs driver overhead + 56 bits at 700 kHz (80 µs).
        Assert.InRange(b.Time.PhysicalUs - 50_000, 229UL, 231UL);
        Assert.Equal(1, bus.Transfers);
    }

    [Fact]
    public void Hx711_gain_follows_the_pulse_count_and_a_long_high_pulse_powers_it_down()
    {
        var (b, chip, bus, _) = Hx711();
        b.RunTo(50_000);
        // 26 pulses: next conversion on channel B, gain 32.
        byte[] pattern = new byte[7];
        for (int p = 0; p < 26; p++)
        {
            pattern[(2 * p) / 8] |= (byte)(1 << (7 - ((2 * p) % 8)));
        }

        Assert.True(bus.TransferFullDuplex(pattern, new byte[7]));
        Assert.Equal(32, chip.Gain);

        // PD_SCK high for 8 bit times at 100 kHz = 80 µs > 60 µs: powered down, DOUT high, settles again after.
        var slow = new SimulatedHx711Bus(chip, b.Time, 100_000, 0);
        slow.TransferFullDuplex(new byte[] { 0xFF }, new byte[1]);
        Assert.True(chip.Dout);
        ulong upAt = b.Time.PhysicalUs;
        slow.TransferFullDuplex(new byte[] { 0x80 }, new byte[1]);
        Assert.Equal(128, chip.Gain);
        b.RunTo(upAt + 20_000);
        Assert.False(chip.IsReady);
        b.RunTo(b.Time.PhysicalUs + 50_000);
        Assert.True(chip.IsReady);
    }

    [Fact]
    public void Hx711_that_stops_answering_is_never_ready_and_a_bus_error_is_a_fault()
    {
        var (b, chip, bus, source) = Hx711();
        b.RunTo(50_000);
        chip.FaultNoResponse = true;
        Assert.Equal(SensorReadStatus.NotReady, source.TryReadCounts(out _));
        chip.FaultNoResponse = false;
        bus.FaultTransferError = true;
        Assert.Equal(SensorReadStatus.Fault, source.TryReadCounts(out _));
    }

    [Fact]
    public void Hx711_calibration_maps_counts_back_to_force()
    {
        var (b, _, _, source) = Hx711(noise: 0);
        CalibrationRecord cal = ForceCalibrations.ForHx711(b.Cell);
        Assert.Equal(CalibrationProblem.None, cal.Validate());
        ulong t = 50_000;
        foreach (int mn in new[] { 0, 1_000, 150_000, 450_000, -30_000 })
        {
            b.Force.Profile = ForceProfile.Constant(mn);
            b.RunTo(t);
            Assert.Equal(SensorReadStatus.NewReading, source.TryReadCounts(out int counts));
            Assert.InRange(cal.ToUnits(counts), mn - (Math.Abs(mn) / 10_000) - 1, mn + (Math.Abs(mn) / 10_000) + 1);
            t += 12_500;
        }
    }

    private static (Bench Bench, SimulatedAdc Adc, AdcForceSource Source) AdcBench(double noise = 0)
    {
        var b = new Bench();
        var adc = new SimulatedAdc(new LoadCellInput(b.Cell, b.Force), b.Time, AdcFrontEnd.Default with { NoiseLsbRms = noise }, 9);
        return (b, adc, new AdcForceSource(adc));
    }

    [Fact]
    public void Adc_is_12_bit_and_saturates_at_full_scale_and_zero()
    {
        var (b, adc, source) = AdcBench();
        Assert.Equal(SensorReadStatus.NewReading, source.TryReadCounts(out int zero));
        Assert.InRange(zero, 288, 290);
        b.Force.Profile = ForceProfile.Constant(600_000);
        source.TryReadCounts(out int high);
        Assert.Equal(4095, high);
        b.Force.Profile = ForceProfile.Constant(-100_000);
        source.TryReadCounts(out int low);
        Assert.Equal(0, low);
        b.Force.Profile = ForceProfile.Constant(100_000);
        adc.Rail = AmplifierRail.High;
        source.TryReadCounts(out int railed);
        Assert.Equal(4095, railed);
        adc.Rail = AmplifierRail.None;
        adc.FaultReadError = true;
        Assert.Equal(SensorReadStatus.Fault, source.TryReadCounts(out _));
    }

    [Fact]
    public void Adc_conversion_costs_its_conversion_time_and_the_calibration_maps_back_within_a_count()
    {
        var (b, _, source) = AdcBench();
        CalibrationRecord cal = ForceCalibrations.ForAdc(AdcFrontEnd.Default, b.Cell);
        Assert.Equal(CalibrationProblem.None, cal.Validate());
        double mnPerCount = cal.GainMicroUnitsPerCount / 1e6;
        Assert.InRange(mnPerCount, 122.0, 122.2);
        foreach (int mn in new[] { 0, 5_000, 150_000, 399_000, -20_000 })
        {
            b.Force.Profile = ForceProfile.Constant(mn);
            ulong before = b.Time.PhysicalUs;
            source.TryReadCounts(out int counts);
            Assert.Equal(20UL, b.Time.PhysicalUs - before);
            Assert.InRange(cal.ToUnits(counts), mn - (2 * mnPerCount), mn + (2 * mnPerCount));
        }
    }

    [Fact]
    public void Adc_noise_is_seeded_and_dithers_a_constant_input()
    {
        var (b, _, source) = AdcBench(noise: 0.6);
        var seen = new System.Collections.Generic.HashSet<int>();
        var first = new System.Collections.Generic.List<int>();
        for (int i = 0; i < 200; i++)
        {
            source.TryReadCounts(out int c);
            seen.Add(c);
            first.Add(c);
        }

        Assert.True(seen.Count >= 3);
        var (b2, _, source2) = AdcBench(noise: 0.6);
        for (int i = 0; i < 200; i++)
        {
            source2.TryReadCounts(out int c);
            Assert.Equal(first[i], c);
        }
    }
}
