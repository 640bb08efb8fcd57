namespace Jidoka.Bridge.Contracts;

/// <summary>A policy version the bridge stored (GET /api/v1/policies/{policyId}): its limits, and who submitted it when.</summary>
public sealed record PolicyVersionView
{
    /// <summary>Policy id.</summary>
    public required uint PolicyId { get; init; }

    /// <summary>CRC-32 of the policy record as 8 hex digits, as frames and events carry it.</summary>
    public required string PolicyHash { get; init; }

    /// <summary>Operator who submitted it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When the bridge stored it, Unix µs.</summary>
    public required long CreatedUnixUs { get; init; }

    /// <summary>The limits and responses, in the policy file format.</summary>
    public required PolicyDocument Policy { get; init; }
}
