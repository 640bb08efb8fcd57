using System;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Sensors;

/// <summary>
/// An HX711 24-bit load-cell ADC at the pin level (datasheet, Avia Semiconductor): DOUT goes low when a
/// conversion is ready; each PD_SCK rising edge shifts out the next bit, MSB first, two's complement;
/// 25, 26 or 27 pulses in all select the next conversion's channel and gain (A/128, B/32, A/64); after
/// the 24th bit DOUT returns high until the next conversion. Output data rate is 10 or 80 samples/s
/// (RATE pin); after power-up or reset the first conversion is ready after the settling time (400 ms at
/// 10 SPS, 50 ms at 80 SPS). PD_SCK held high for more than 60 µs powers the chip down. Input full
/// scale at gain 128 is ±0.5·AVDD/128; the bridge is excited from AVDD, so counts are ratiometric:
/// counts = (bridge µV/V)·10⁻⁶·gain·2²⁴, saturating at 0x7FFFFF and 0x800000.
/// </summary>
/// <remarks>
/// A conversion is modelled as the average of eight samples of the input over its conversion period (the
/// chip's sigma-delta filter sees a spike shorter than a conversion, diluted), plus optional noise
/// indexed by conversion number.
/// </remarks>
public sealed class SimulatedHx711
{
    /// <summary>Largest count (0x7FFFFF).</summary>
    public const int CountMax = 0x7FFFFF;

    /// <summary>Smallest count (0x800000 as a signed 24-bit value).</summary>
    public const int CountMin = -0x800000;

    /// <summary>PD_SCK high longer than this powers the chip down, µs.</summary>
    public const ulong PowerDownHighUs = 60;

    private readonly LoadCellInput _input;
    private readonly Func<ulong> _nowUs;
    private readonly ulong _noiseSeed;
    private ulong _poweredUpAtUs;

    private bool _poweredDown;
    private long _readConversion = -1;
    private int _shiftRegister;
    private int _pulsesThisRead;
    private bool _sckHigh;
    private ulong _sckRoseAtUs;
    private int _gain = 128;

    /// <summary>Creates the chip sampling <paramref name="input"/>; <paramref name="nowUs"/> is the simulation time at the pins.</summary>
    public SimulatedHx711(LoadCellInput input, Func<ulong> nowUs, int samplesPerSecond, double noiseCountsRms, ulong noiseSeed)
    {
        if (samplesPerSecond != 10 && samplesPerSecond != 80)
        {
            throw new ArgumentOutOfRangeException(nameof(samplesPerSecond), "the HX711 runs at 10 or 80 samples/s");
        }

        _input = input ?? throw new ArgumentNullException(nameof(input));
        _nowUs = nowUs ?? throw new ArgumentNullException(nameof(nowUs));
        SamplesPerSecond = samplesPerSecond;
        NoiseCountsRms = noiseCountsRms;
        _noiseSeed = noiseSeed;
        _poweredUpAtUs = nowUs();
    }

    /// <summary>10 or 80.</summary>
    public int SamplesPerSecond { get; }

    /// <summary>Conversion period, µs (12 500 at 80 SPS).</summary>
    public ulong ConversionPeriodUs => 1_000_000UL / (ulong)SamplesPerSecond;

    /// <summary>Time from power-up to the first ready conversion, µs (four conversion periods).</summary>
    public ulong SettlingUs => 4 * ConversionPeriodUs;

    /// <summary>Gain of the conversion in progress: 128 (channel A) after 25 pulses, 32 (B) after 26, 64 (A) after 27.</summary>
    public int Gain => _gain;

    /// <summary>Converter noise, counts rms.</summary>
    public double NoiseCountsRms { get; }

    /// <summary>Fault injection: the chip stops answering (DOUT stays high; a broken wire, a dead chip).</summary>
    public bool FaultNoResponse { get; set; }

    /// <summary>Fault injection: every conversion returns this count (a latched-up chip); null for none.</summary>
    public int? FaultStuckCounts { get; set; }

    /// <summary>Conversions completed since power-up at the current time.</summary>
    public long CompletedConversions
    {
        get
        {
            ulong now = _nowUs();
            if (_poweredDown || now < _poweredUpAtUs + SettlingUs)
            {
                return 0;
            }

            return 1 + (long)((now - _poweredUpAtUs - SettlingUs) / ConversionPeriodUs);
        }
    }

    /// <summary>DOUT level: false (low) while a conversion is ready and not yet fully shifted out.</summary>
    public bool Dout
    {
        get
        {
            if (FaultNoResponse || _poweredDown)
            {
                return true;
            }

            if (_pulsesThisRead >= 1 && _pulsesThisRead <= 24)
            {
                // Mid-read DOUT carries the bit the last rising edge shifted out.
                return ((_shiftRegister >> (24 - _pulsesThisRead)) & 1) == 1;
            }

            // From the 25th pulse until the next conversion DOUT is high.
            return _pulsesThisRead >= 25 || CompletedConversions - 1 <= _readConversion;
        }
    }

    /// <summary>True when DOUT is low, i.e. a conversion is ready to be read.</summary>
    public bool IsReady => !FaultNoResponse && !_poweredDown && _pulsesThisRead == 0 && CompletedConversions - 1 > _readConversion;

    /// <summary>The board powered up (AVDD came back): the chip resets and settles again, gain 128.</summary>
    public void PowerOn()
    {
        _poweredUpAtUs = _nowUs();
        _poweredDown = false;
        _readConversion = -1;
        _pulsesThisRead = 0;
        _sckHigh = false;
        _gain = 128;
    }

    /// <summary>PD_SCK rising edge: shifts out the next data bit (DOUT then carries it).</summary>
    public void ClockRise()
    {
        if (_sckHigh)
        {
            return;
        }

        _sckHigh = true;
        _sckRoseAtUs = _nowUs();
        if (FaultNoResponse || _poweredDown)
        {
            return;
        }

        _pulsesThisRead++;
        if (_pulsesThisRead == 1)
        {
            if (!IsReadyForShift())
            {
                // Clocking while DOUT is high shifts out ones from an idle register; the driver must not do it.
                _shiftRegister = 0xFFFFFF;
            }
            else
            {
                long conversion = CompletedConversions - 1;
                _readConversion = conversion;
                _shiftRegister = ConvertAt(conversion) & 0xFFFFFF;
            }
        }
    }

    /// <summary>
    /// PD_SCK falling edge. A pulse held high longer than <see cref="PowerDownHighUs"/> powers the chip
    /// down; the next rising-then-falling edge pair after that powers it up again (with settling).
    /// </summary>
    public void ClockFall()
    {
        if (!_sckHigh)
        {
            return;
        }

        _sckHigh = false;
        ulong now = _nowUs();
        if (now - _sckRoseAtUs > PowerDownHighUs)
        {
            _poweredDown = true;
            return;
        }

        if (_poweredDown)
        {
            // PD_SCK back low: power-up and reset; gain returns to 128.
            _poweredDown = false;
            _poweredUpAtUs = now;
            _readConversion = -1;
            _gain = 128;
            PdSckIdle();
        }
    }

    /// <summary>
    /// PD_SCK left low after a read (the end of the SPI transfer): the 25, 26 or 27 pulses given pick the
    /// next conversion's gain.
    /// </summary>
    public void PdSckIdle()
    {
        if (_pulsesThisRead >= 25)
        {
            _gain = _pulsesThisRead switch
            {
                25 => 128,
                26 => 32,
                _ => 64,
            };
        }

        _pulsesThisRead = 0;
    }

    /// <summary>The signed 24-bit count conversion number <paramref name="conversion"/> (since power-up) produces.</summary>
    public int ConvertAt(long conversion)
    {
        if (FaultStuckCounts is int stuck)
        {
            return stuck;
        }

        ulong end = _poweredUpAtUs + SettlingUs + ((ulong)conversion * ConversionPeriodUs);
        ulong start = end > ConversionPeriodUs ? end - ConversionPeriodUs : 0;
        double sum = 0;
        for (int i = 1; i <= 8; i++)
        {
            sum += _input.MicroVoltsPerVoltAt(start + ((end - start) * (ulong)i / 8));
        }

        double microVoltsPerVolt = sum / 8;
        double counts = microVoltsPerVolt * 1e-6 * _gain * (1 << 24);
        if (NoiseCountsRms > 0)
        {
            counts += NoiseCountsRms * SimRandom.GaussianAt(_noiseSeed, (ulong)conversion + (_poweredUpAtUs << 20));
        }

        return Saturate(counts);
    }

    /// <summary>Counts per mN at gain 128 for <paramref name="cell"/>.</summary>
    public static double CountsPerMilliNewton(LoadCell cell) => cell.MicroVoltsPerVoltPerMilliNewton * 1e-6 * 128 * (1 << 24);

    /// <summary>Counts at zero force, gain 128, for <paramref name="cell"/>.</summary>
    public static double ZeroCounts(LoadCell cell) => cell.ZeroBalanceMicroVoltsPerVolt * 1e-6 * 128 * (1 << 24);

    private bool IsReadyForShift() => CompletedConversions - 1 > _readConversion;

    private static int Saturate(double counts)
    {
        double rounded = Math.Round(counts);
        return rounded >= CountMax ? CountMax : rounded <= CountMin ? CountMin : (int)rounded;
    }
}
