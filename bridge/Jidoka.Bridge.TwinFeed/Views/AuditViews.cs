using System.Linq;
using Jidoka.Bridge.Audit;
using Jidoka.Bridge.Contracts;

namespace Jidoka.Bridge.TwinFeed.Views;

/// <summary>Audit verification results as the twin feed shows them.</summary>
public static class AuditViews
{
    /// <summary>The view of <paramref name="result"/>.</summary>
    public static AuditVerificationView Verification(AuditVerification result)
    {
        System.ArgumentNullException.ThrowIfNull(result);
        return new AuditVerificationView
        {
            Intact = result.IsIntact,
            RecordsChecked = result.RecordsChecked,
            HeadSeq = result.HeadSeq,
            HeadHash = result.HeadHash,
            Findings = result.Findings
                .Select(f => new AuditFindingView { Seq = f.Seq, Kind = f.Kind.ToString().ToLowerInvariant(), Message = f.Message })
                .ToList(),
        };
    }
}
