using Jidoka.Protocol;

namespace Jidoka.Bridge.Storage;

/// <summary>
/// What a stored frame, event, case or node state says about its own trustworthiness: how good the
/// node's time mapping was, and which policy and calibrations were in force. One value type so that a
/// new provenance field is added here, in <see cref="ProvenanceMapper"/>, in the store's one binder and
/// one reader, and in one view mapping, instead of in every record. The wall-clock offset itself is not
/// kept: it is applied when the record's wall time is mapped (see Time.WallClockMapper).
/// </summary>
public readonly record struct RecordProvenance
{
    /// <summary>The node's time quality.</summary>
    public TimeQuality TimeQuality { get; init; }

    /// <summary>The node's bound on its offset error, µs.</summary>
    public uint TimeUncertaintyUs { get; init; }

    /// <summary>Policy in force (its id is its version).</summary>
    public uint PolicyId { get; init; }

    /// <summary>CRC-32 of the policy in force.</summary>
    public uint PolicyHash { get; init; }

    /// <summary>Calibration of the force channel.</summary>
    public CalibrationTag ForceCalibration { get; init; }

    /// <summary>Calibration of the vision channel.</summary>
    public CalibrationTag VisionCalibration { get; init; }
}
