using System;
using Jidoka.Node.Hardware;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Sensors;

/// <summary>
/// The analog chain of the 1 kHz force path: load cell excited at <see cref="ExcitationVolts"/>, an
/// instrumentation amplifier (gain, output offset), and the MCU's SAR ADC (<see cref="Bits"/> bits over
/// <see cref="ReferenceMicroVolts"/>). Outside the converter's range the count saturates at 0 or full
/// scale, as a real ADC does when the amplifier output reaches a rail.
/// </summary>
/// <param name="ExcitationVolts">Bridge excitation, V.</param>
/// <param name="AmplifierGain">Instrumentation amplifier gain.</param>
/// <param name="AmplifierOffsetMicroVolts">Amplifier output offset (reference pin), µV.</param>
/// <param name="Bits">ADC resolution (12 on ESP32 and STM32).</param>
/// <param name="ReferenceMicroVolts">ADC full-scale input, µV.</param>
/// <param name="ConversionUs">Time one on-demand conversion takes on the device (driver included), µs.</param>
/// <param name="NoiseLsbRms">Converter noise, LSB rms.</param>
public sealed record AdcFrontEnd(double ExcitationVolts, double AmplifierGain, double AmplifierOffsetMicroVolts, int Bits, double ReferenceMicroVolts, ulong ConversionUs, double NoiseLsbRms)
{
    /// <summary>
    /// The simulated board's chain: 3.3 V excitation, gain 500, 200 mV output offset, 12-bit ADC over 3.3 V,
    /// 20 µs per conversion, 0.6 LSB noise. With the 500 N cell that is about 122 mN per count, zero at
    /// about 289 counts, full scale about 465 N (above the default policy's 400 N range, so a railed
    /// amplifier reads as out of range) and −35 N at zero counts.
    /// </summary>
    public static AdcFrontEnd Default { get; } = new(3.3, 500, 200_000, 12, 3_300_000, 20, 0.6);

    /// <summary>Largest count (2^Bits − 1).</summary>
    public int FullScaleCounts => (1 << Bits) - 1;

    /// <summary>Counts per mN with <paramref name="cell"/>.</summary>
    public double CountsPerMilliNewton(LoadCell cell) =>
        AmplifierGain * ExcitationVolts * cell.MicroVoltsPerVoltPerMilliNewton * (1 << Bits) / ReferenceMicroVolts;

    /// <summary>Counts at zero force with <paramref name="cell"/>.</summary>
    public double ZeroCounts(LoadCell cell) =>
        (AmplifierOffsetMicroVolts + (AmplifierGain * ExcitationVolts * cell.ZeroBalanceMicroVoltsPerVolt)) * (1 << Bits) / ReferenceMicroVolts;
}

/// <summary>Which way a railed amplifier is stuck.</summary>
public enum AmplifierRail
{
    /// <summary>Not railed.</summary>
    None = 0,

    /// <summary>Output stuck at the supply (a broken bridge wire pulling the input up): ADC reads full scale.</summary>
    High = 1,

    /// <summary>Output stuck at ground: ADC reads 0.</summary>
    Low = 2,
}

/// <summary>
/// The MCU ADC channel behind the force amplifier, converting on demand (as nanoFramework's
/// <c>AdcChannel.ReadValue()</c> does): each conversion samples the input at the moment it completes and
/// charges its conversion time to the board's CPU.
/// </summary>
public sealed class SimulatedAdc
{
    private readonly LoadCellInput _input;
    private readonly IBoardTime _time;
    private readonly ulong _noiseSeed;

    /// <summary>Creates the channel.</summary>
    public SimulatedAdc(LoadCellInput input, IBoardTime time, AdcFrontEnd frontEnd, ulong noiseSeed)
    {
        _input = input ?? throw new ArgumentNullException(nameof(input));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        FrontEnd = frontEnd ?? throw new ArgumentNullException(nameof(frontEnd));
        if (frontEnd.Bits < 8 || frontEnd.Bits > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(frontEnd), "ADC resolution must be 8..16 bits");
        }

        _noiseSeed = noiseSeed;
    }

    private int _lastCounts;

    /// <summary>The analog chain.</summary>
    public AdcFrontEnd FrontEnd { get; }

    /// <summary>Fault injection: the amplifier output is stuck at a rail.</summary>
    public AmplifierRail Rail { get; set; }

    /// <summary>Fault injection: conversions report an error.</summary>
    public bool FaultReadError { get; set; }

    /// <summary>
    /// Fault injection: every conversion repeats the last good one (a seized sample-and-hold, a latched-up
    /// converter): a plausible value that only the node's stuck-sensor check can catch.
    /// </summary>
    public bool FaultStuck { get; set; }

    /// <summary>Conversions made, since creation.</summary>
    public long Conversions { get; private set; }

    /// <summary>Counts for an amplifier output of <paramref name="microVolts"/> plus noise at <paramref name="us"/>, saturating at 0 and full scale.</summary>
    public int CountsFor(double microVolts, ulong us)
    {
        double counts = microVolts * (1 << FrontEnd.Bits) / FrontEnd.ReferenceMicroVolts;
        if (FrontEnd.NoiseLsbRms > 0)
        {
            counts += FrontEnd.NoiseLsbRms * SimRandom.GaussianAt(_noiseSeed, us);
        }

        double floor = Math.Floor(counts);
        return floor <= 0 ? 0 : floor >= FrontEnd.FullScaleCounts ? FrontEnd.FullScaleCounts : (int)floor;
    }

    /// <summary>Amplifier output at simulation time <paramref name="us"/>, µV (before the ADC clamps it).</summary>
    public double AmplifierMicroVoltsAt(ulong us)
    {
        return Rail switch
        {
            AmplifierRail.High => FrontEnd.ReferenceMicroVolts * 1.1,
            AmplifierRail.Low => 0,
            _ => FrontEnd.AmplifierOffsetMicroVolts + (FrontEnd.AmplifierGain * FrontEnd.ExcitationVolts * _input.MicroVoltsPerVoltAt(us)),
        };
    }

    /// <summary>Runs one conversion now; false on an injected read error.</summary>
    public bool TryConvert(out int counts)
    {
        _time.Consume(FrontEnd.ConversionUs);
        counts = 0;
        if (FaultReadError)
        {
            return false;
        }

        ulong at = _time.PhysicalUs;
        if (!FaultStuck || Conversions == 0)
        {
            _lastCounts = CountsFor(AmplifierMicroVoltsAt(at), at);
        }

        counts = _lastCounts;
        Conversions++;
        return true;
    }
}

/// <summary>The board's ADC force driver: every call is a new on-demand conversion (the 1 kHz path).</summary>
public sealed class AdcForceSource : IForceSource
{
    private readonly SimulatedAdc _adc;

    /// <summary>Creates the driver over <paramref name="adc"/>.</summary>
    public AdcForceSource(SimulatedAdc adc)
    {
        _adc = adc ?? throw new ArgumentNullException(nameof(adc));
    }

    /// <inheritdoc/>
    public SensorReadStatus TryReadCounts(out int counts) =>
        _adc.TryConvert(out counts) ? SensorReadStatus.NewReading : SensorReadStatus.Fault;
}
