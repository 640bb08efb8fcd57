namespace Jidoka.Bridge.Contracts;

/// <summary>Which policy and calibrations were in force, and how good the node's clock was.</summary>
public sealed record ProvenanceView
{
    /// <summary>Policy id.</summary>
    public required uint PolicyId { get; init; }

    /// <summary>Policy hash, 8 lowercase hex digits.</summary>
    public required string PolicyHash { get; init; }

    /// <summary>Force calibration as "{id}.{version}".</summary>
    public required string ForceCalibration { get; init; }

    /// <summary>Vision calibration as "{id}.{version}".</summary>
    public required string VisionCalibration { get; init; }

    /// <summary>"unsynced", "synced" or "holdover".</summary>
    public required string TimeQuality { get; init; }

    /// <summary>Bound on the node's clock offset error, µs.</summary>
    public required uint TimeUncertaintyUs { get; init; }

    /// <summary>
    /// Where wall times come from: "node-synced", "node-holdover", or "bridge-receipt" (the node had
    /// no time sync; the bridge's receive time stands in).
    /// </summary>
    public required string WallSource { get; init; }
}
