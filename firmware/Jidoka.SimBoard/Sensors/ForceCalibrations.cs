using System;
using Jidoka.Protocol;

namespace Jidoka.SimBoard.Sensors;

/// <summary>
/// Calibration records that map a simulated front end's counts back to milli-newtons, as a technician's
/// two-point calibration would: gain = 10⁶ / (counts per mN) in µmN per count, offset = counts at zero
/// force (rounded, so a reading is exact to within a count).
/// </summary>
public static class ForceCalibrations
{
    /// <summary>Calibration date of the simulated board's records: 2026-01-01T00:00:00Z.</summary>
    public const long CalibratedUnixSeconds = 1_767_225_600;

    /// <summary>Technician named in the simulated board's records.</summary>
    public const string Technician = "nominal";

    /// <summary>The record for a front end with <paramref name="countsPerMilliNewton"/> and <paramref name="zeroCounts"/>.</summary>
    public static CalibrationRecord For(double countsPerMilliNewton, double zeroCounts, ushort calibrationId = 1, ushort version = 1)
    {
        if (countsPerMilliNewton <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(countsPerMilliNewton));
        }

        return new CalibrationRecord
        {
            Channel = InputChannel.Force,
            CalibrationId = calibrationId,
            Version = version,
            GainMicroUnitsPerCount = checked((int)Math.Round(1_000_000 / countsPerMilliNewton)),
            OffsetCounts = checked((int)Math.Round(zeroCounts)),
            CalibratedUnixSeconds = CalibratedUnixSeconds,
            Technician = Technician,
        };
    }

    /// <summary>The record for the ADC chain <paramref name="frontEnd"/> with <paramref name="cell"/>.</summary>
    public static CalibrationRecord ForAdc(AdcFrontEnd frontEnd, LoadCell cell) =>
        For(frontEnd.CountsPerMilliNewton(cell), frontEnd.ZeroCounts(cell));

    /// <summary>The record for an HX711 at gain 128 with <paramref name="cell"/>.</summary>
    public static CalibrationRecord ForHx711(LoadCell cell) =>
        For(SimulatedHx711.CountsPerMilliNewton(cell), SimulatedHx711.ZeroCounts(cell));

    /// <summary>The unity vision calibration (raw score = confidence in 1/10 000).</summary>
    public static CalibrationRecord UnityVision() => new()
    {
        Channel = InputChannel.Vision,
        CalibrationId = 1,
        Version = 1,
        GainMicroUnitsPerCount = CalibrationRecord.UnityGainMicro,
        OffsetCounts = 0,
        CalibratedUnixSeconds = CalibratedUnixSeconds,
        Technician = Technician,
    };
}
