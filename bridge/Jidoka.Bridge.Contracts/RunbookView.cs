namespace Jidoka.Bridge.Contracts;

/// <summary>What a trip cause means and what to do about it (GET /api/v1/runbooks), as docs/operations.md says.</summary>
public sealed record RunbookView
{
    /// <summary>The rule that fired ("force-over-limit"...).</summary>
    public required string Cause { get; init; }

    /// <summary>What the node saw (Markdown inline text, as in the operations guide).</summary>
    public required string Seen { get; init; }

    /// <summary>What to do (Markdown inline text).</summary>
    public required string Action { get; init; }
}
