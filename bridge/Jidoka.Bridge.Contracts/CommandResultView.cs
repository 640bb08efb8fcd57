namespace Jidoka.Bridge.Contracts;

/// <summary>
/// What became of a command the bridge sent (reset, apply policy): the node's answer, or "pending"
/// when none came within the wait.
/// </summary>
public sealed record CommandResultView
{
    /// <summary>The command's id (unique per bridge; audit subject "command/{id}").</summary>
    public required uint CommandId { get; init; }

    /// <summary>Target node.</summary>
    public required string NodeId { get; init; }

    /// <summary>"reset" or "apply-policy".</summary>
    public required string Type { get; init; }

    /// <summary>"applied", "staged", "rejected", or "pending" (no answer within the wait; it may still come).</summary>
    public required string Outcome { get; init; }

    /// <summary>Why the node rejected it ("cause-active", "not-tripped"...), "none" otherwise.</summary>
    public required string Reason { get; init; }

    /// <summary>The node's detail for a rejected policy or calibration (a problem name), empty otherwise.</summary>
    public required string Detail { get; init; }

    /// <summary>The node's journal event recording the outcome, 0 for none.</summary>
    public required ulong EventId { get; init; }

    /// <summary>A sentence for people.</summary>
    public required string Message { get; init; }
}
