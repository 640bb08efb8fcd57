using System;

namespace Jidoka.SimBoard.Time;

/// <summary>
/// Maps simulation time to a board's monotonic counter: the counter starts at a boot value when the
/// board powers on and runs fast or slow by <see cref="DriftPpm"/> (a crystal's tolerance; ESP32 and
/// STM32 boards are typically within ±20–50 ppm, the node's configuration assumes 100). Integer
/// arithmetic, monotonic for |ppm| &lt; 1 000 000. Immutable: a power-on makes a new one.
/// </summary>
public sealed class ClockRate
{
    private const long Million = 1_000_000;

    /// <summary>Creates the mapping: at <paramref name="basePhysicalUs"/> the counter reads <paramref name="baseMonoUs"/>.</summary>
    public ClockRate(ulong basePhysicalUs, ulong baseMonoUs, int driftPpm)
    {
        if (driftPpm <= -100_000 || driftPpm >= 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(driftPpm), "drift must be within ±100 000 ppm");
        }

        BasePhysicalUs = basePhysicalUs;
        BaseMonoUs = baseMonoUs;
        DriftPpm = driftPpm;
    }

    /// <summary>Simulation µs of power-on.</summary>
    public ulong BasePhysicalUs { get; }

    /// <summary>Counter value at power-on.</summary>
    public ulong BaseMonoUs { get; }

    /// <summary>Rate error: positive runs fast.</summary>
    public int DriftPpm { get; }

    /// <summary>Counter value at <paramref name="physicalUs"/>; <see cref="BaseMonoUs"/> before power-on.</summary>
    public ulong MonoAt(ulong physicalUs)
    {
        if (physicalUs <= BasePhysicalUs)
        {
            return BaseMonoUs;
        }

        long delta = (long)(physicalUs - BasePhysicalUs);
        long drift = (long)((Int128)delta * DriftPpm / Million);
        return BaseMonoUs + (ulong)(delta + drift);
    }

    /// <summary>Earliest simulation time at which the counter reads at least <paramref name="monoUs"/>.</summary>
    public ulong PhysicalAt(ulong monoUs)
    {
        if (monoUs <= BaseMonoUs)
        {
            return BasePhysicalUs;
        }

        long wanted = (long)(monoUs - BaseMonoUs);
        long guess = (long)((Int128)wanted * Million / (Million + DriftPpm));
        ulong p = BasePhysicalUs + (ulong)Math.Max(0, guess - 2);
        while (MonoAt(p) < monoUs)
        {
            p++;
        }

        return p;
    }
}
