using System;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Storage;

/// <summary>The one place the protocol's provenance (as decoded from frames, events and status) becomes a <see cref="RecordProvenance"/>.</summary>
public static class ProvenanceMapper
{
    /// <summary>The provenance block of a decoded frame or event.</summary>
    public static RecordProvenance From(Provenance decoded)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        return new RecordProvenance
        {
            TimeQuality = decoded.TimeQuality,
            TimeUncertaintyUs = decoded.TimeUncertaintyUs,
            PolicyId = decoded.PolicyId,
            PolicyHash = decoded.PolicyHash,
            ForceCalibration = new CalibrationTag(decoded.ForceCalibrationId, decoded.ForceCalibrationVersion),
            VisionCalibration = new CalibrationTag(decoded.VisionCalibrationId, decoded.VisionCalibrationVersion),
        };
    }

    /// <summary>The same fields as a decoded status reports them.</summary>
    public static RecordProvenance From(StatusMessage status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new RecordProvenance
        {
            TimeQuality = status.TimeQuality,
            TimeUncertaintyUs = status.TimeUncertaintyUs,
            PolicyId = status.PolicyId,
            PolicyHash = status.PolicyHash,
            ForceCalibration = new CalibrationTag(status.ForceCalibrationId, status.ForceCalibrationVersion),
            VisionCalibration = new CalibrationTag(status.VisionCalibrationId, status.VisionCalibrationVersion),
        };
    }
}
