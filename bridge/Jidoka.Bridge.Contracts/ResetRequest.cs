namespace Jidoka.Bridge.Contracts;

/// <summary>Body of POST /api/v1/nodes/{nodeId}/reset.</summary>
public sealed record ResetRequest
{
    /// <summary>Who asks for the reset (1-32 of letters, digits, '-', '_', '.', '@'); recorded by the node and in the audit log.</summary>
    public string? Operator { get; init; }
}
