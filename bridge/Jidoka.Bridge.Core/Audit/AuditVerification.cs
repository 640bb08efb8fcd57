using System.Collections.Generic;

namespace Jidoka.Bridge.Audit;

/// <summary>The result of verifying the audit log.</summary>
/// <param name="RecordsChecked">Records read.</param>
/// <param name="Findings">Every problem found, in log order; empty when the log is intact.</param>
/// <param name="HeadSeq">Sequence of the last record read, 0 for an empty log.</param>
/// <param name="HeadHash">Hash of the last record read, or the genesis hash.</param>
public sealed record AuditVerification(long RecordsChecked, IReadOnlyList<AuditFinding> Findings, long HeadSeq, string HeadHash)
{
    /// <summary>True when no problem was found.</summary>
    public bool IsIntact => Findings.Count == 0;
}
