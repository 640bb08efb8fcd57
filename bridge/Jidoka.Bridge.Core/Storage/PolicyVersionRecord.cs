namespace Jidoka.Bridge.Storage;

/// <summary>A policy as the bridge stored it before pushing it: the exact 47-byte record and its hash.</summary>
public sealed record PolicyVersionRecord
{
    /// <summary>Policy id (the version: a new id for every change).</summary>
    public required uint PolicyId { get; init; }

    /// <summary>CRC-32 of the record, as frames and events carry it.</summary>
    public required uint PolicyHash { get; init; }

    /// <summary>The encoded policy record (PolicyRecord.SizeBytes).</summary>
    public required byte[] Encoded { get; init; }

    /// <summary>Operator who submitted it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it was stored, Unix µs.</summary>
    public required long CreatedUnixUs { get; init; }
}
