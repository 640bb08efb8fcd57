using System.Collections.Generic;

namespace Jidoka.Bridge.Contracts;

/// <summary>The result of verifying the audit log (GET /api/v1/audit/verify).</summary>
public sealed record AuditVerificationView
{
    /// <summary>True when no record was edited, deleted or moved.</summary>
    public required bool Intact { get; init; }

    /// <summary>Records read.</summary>
    public required long RecordsChecked { get; init; }

    /// <summary>Sequence of the last record (0 for an empty log): anchor it outside the bridge.</summary>
    public required long HeadSeq { get; init; }

    /// <summary>Hash of the last record, lowercase hex.</summary>
    public required string HeadHash { get; init; }

    /// <summary>Every problem found, in log order.</summary>
    public required IReadOnlyList<AuditFindingView> Findings { get; init; }
}

/// <summary>One problem in the audit log.</summary>
public sealed record AuditFindingView
{
    /// <summary>The record concerned.</summary>
    public required long Seq { get; init; }

    /// <summary>"edited", "deleted" or "reordered".</summary>
    public required string Kind { get; init; }

    /// <summary>A sentence for people.</summary>
    public required string Message { get; init; }
}
