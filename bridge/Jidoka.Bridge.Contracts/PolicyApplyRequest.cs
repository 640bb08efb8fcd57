namespace Jidoka.Bridge.Contracts;

/// <summary>Body of POST /api/v1/nodes/{nodeId}/policy.</summary>
public sealed record PolicyApplyRequest
{
    /// <summary>Who submits the policy; recorded with the stored policy version, the command and the audit log.</summary>
    public string? Operator { get; init; }

    /// <summary>Apply even while the node is tripped (a changeover); otherwise a tripped node stages it until reset.</summary>
    public bool Changeover { get; init; }

    /// <summary>The policy, in the policy file format.</summary>
    public PolicyDocument? Policy { get; init; }
}
