namespace Jidoka.Bridge.Audit;

/// <summary>What the verifier found wrong at one place in the audit log.</summary>
public enum AuditFindingKind
{
    /// <summary>The record's content no longer matches its hash: it was edited.</summary>
    Edited = 1,

    /// <summary>Records are missing: a sequence gap, a link to a record that no longer exists, or a truncated tail.</summary>
    Deleted = 2,

    /// <summary>The record is intact but stands at the wrong place in the chain: records were reordered.</summary>
    Reordered = 3,
}

/// <summary>One problem the verifier found.</summary>
/// <param name="Seq">The record concerned (for deletions: the first missing sequence, or the record after the hole).</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Message">A sentence for people.</param>
public sealed record AuditFinding(long Seq, AuditFindingKind Kind, string Message);
