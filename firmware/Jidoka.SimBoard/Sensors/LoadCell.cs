using System;
using Jidoka.SimBoard.Physics;

namespace Jidoka.SimBoard.Sensors;

/// <summary>
/// A strain-gauge load cell (a full Wheatstone bridge): its output is ratiometric, in µV per volt of
/// excitation, proportional to force up to its rated capacity, plus a zero balance (the output at no
/// load). Datasheet-style figures: a typical industrial cell is 2 mV/V at capacity, zero balance within
/// ±2 % of that.
/// </summary>
public sealed class LoadCell
{
    /// <summary>Creates a cell.</summary>
    /// <param name="capacityMilliNewtons">Rated capacity, mN.</param>
    /// <param name="sensitivityMicroVoltsPerVolt">Output at rated capacity, µV/V (2000 = 2 mV/V).</param>
    /// <param name="zeroBalanceMicroVoltsPerVolt">Output at no load, µV/V.</param>
    public LoadCell(int capacityMilliNewtons, double sensitivityMicroVoltsPerVolt, double zeroBalanceMicroVoltsPerVolt)
    {
        if (capacityMilliNewtons <= 0 || sensitivityMicroVoltsPerVolt <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacityMilliNewtons));
        }

        CapacityMilliNewtons = capacityMilliNewtons;
        SensitivityMicroVoltsPerVolt = sensitivityMicroVoltsPerVolt;
        ZeroBalanceMicroVoltsPerVolt = zeroBalanceMicroVoltsPerVolt;
    }

    /// <summary>A 500 N, 2 mV/V cell with a 20 µV/V zero balance (the simulated board's default).</summary>
    public static LoadCell Default500N { get; } = new(500_000, 2000, 20);

    /// <summary>Rated capacity, mN.</summary>
    public int CapacityMilliNewtons { get; }

    /// <summary>Output at rated capacity, µV/V.</summary>
    public double SensitivityMicroVoltsPerVolt { get; }

    /// <summary>Output at no load, µV/V.</summary>
    public double ZeroBalanceMicroVoltsPerVolt { get; }

    /// <summary>Output per mN, µV/V.</summary>
    public double MicroVoltsPerVoltPerMilliNewton => SensitivityMicroVoltsPerVolt / CapacityMilliNewtons;

    /// <summary>Bridge output for <paramref name="milliNewtons"/>, µV/V (linear; no overload model).</summary>
    public double OutputMicroVoltsPerVolt(double milliNewtons) => ZeroBalanceMicroVoltsPerVolt + (milliNewtons * MicroVoltsPerVoltPerMilliNewton);
}

/// <summary>A load cell under a force input: what a converter front end samples.</summary>
public sealed class LoadCellInput
{
    /// <summary>Creates the pairing.</summary>
    public LoadCellInput(LoadCell cell, ForceInput force)
    {
        Cell = cell ?? throw new ArgumentNullException(nameof(cell));
        Force = force ?? throw new ArgumentNullException(nameof(force));
    }

    /// <summary>The cell.</summary>
    public LoadCell Cell { get; }

    /// <summary>The force acting on it.</summary>
    public ForceInput Force { get; }

    /// <summary>Bridge output at simulation time <paramref name="us"/>, µV/V.</summary>
    public double MicroVoltsPerVoltAt(ulong us) => Cell.OutputMicroVoltsPerVolt(Force.MilliNewtonsAt(us));
}
