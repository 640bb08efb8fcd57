using Jidoka.Protocol;

namespace Jidoka.Bridge.Storage;

/// <summary>A calibration as the bridge stored it before pushing it.</summary>
public sealed record CalibrationVersionRecord
{
    /// <summary>Channel (force or vision).</summary>
    public required InputChannel Channel { get; init; }

    /// <summary>Calibration id.</summary>
    public required ushort CalibrationId { get; init; }

    /// <summary>Calibration version.</summary>
    public required ushort Version { get; init; }

    /// <summary>The encoded calibration record (CalibrationRecord.SizeBytes).</summary>
    public required byte[] Encoded { get; init; }

    /// <summary>Node it was sent to.</summary>
    public required string NodeId { get; init; }

    /// <summary>Operator who submitted it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it was stored, Unix µs.</summary>
    public required long CreatedUnixUs { get; init; }
}
