namespace Jidoka.BoardConfigs.Model;

/// <summary>Default calibrations of the two calibrated channels.</summary>
public sealed record CalibrationSetConfig
{
    /// <summary>Force channel: counts → mN.</summary>
    public required CalibrationConfig Force { get; init; }

    /// <summary>Vision channel: counts → 1/10 000.</summary>
    public required CalibrationConfig Vision { get; init; }
}

/// <summary>One default calibration: the fields of <see cref="Jidoka.Protocol.CalibrationRecord"/> except the channel.</summary>
public sealed record CalibrationConfig
{
    /// <summary>Calibration id, 1 or more.</summary>
    public required ushort CalibrationId { get; init; }

    /// <summary>Version, 1 or more.</summary>
    public required ushort Version { get; init; }

    /// <summary>Millionths of an engineering unit per count.</summary>
    public required int GainMicroUnitsPerCount { get; init; }

    /// <summary>Raw count that reads as zero.</summary>
    public required int OffsetCounts { get; init; }

    /// <summary>When it was made, Unix seconds.</summary>
    public required long CalibratedUnixSeconds { get; init; }

    /// <summary>Who made it ("nominal" for the defaults shipped here).</summary>
    public required string Technician { get; init; }
}
