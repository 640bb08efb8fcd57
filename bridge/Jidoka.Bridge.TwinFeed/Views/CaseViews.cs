using System.Collections.Generic;
using System.Linq;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;

namespace Jidoka.Bridge.TwinFeed.Views;

/// <summary>Exception cases as the twin feed shows them.</summary>
public static class CaseViews
{
    /// <summary>The case at a glance.</summary>
    public static CaseSummaryView Summary(CaseRecord c)
    {
        System.ArgumentNullException.ThrowIfNull(c);
        return new CaseSummaryView
        {
            CaseId = c.CaseId,
            NodeId = c.NodeId,
            CellId = c.CellId,
            Status = ViewNames.CaseStatus(c.Status),
            TripEventId = c.TripEventId,
            BootId = c.BootId,
            Cause = TripRuleNames.Name(c.Decision.Rule),
            Response = ResponseClassNames.Name(c.Response),
            TripWallUnixUs = c.TripWallUnixUs,
            TripWallSource = ViewNames.WallSource(c.TripWallSource),
            OpenedUnixUs = c.OpenedUnixUs,
            TimeToSafeStateUs = c.TimeToSafeStateUs,
            TimeToResetUs = c.TimeToResetUs,
            TimeToRecoverQualityUs = c.TimeToRecoverQualityUs,
            ResetBy = c.ResetBy,
            ResetSource = ResetSourceNames.Name(c.ResetSource),
            NearMissCount = c.NearMissCount,
            Historical = c.Historical,
            WindowComplete = c.WindowComplete,
        };
    }

    /// <summary>The case with its decision record, sample window and linked near-misses.</summary>
    public static CaseDetailView Detail(CaseRecord c, IReadOnlyList<SampleRecord> window, IReadOnlyList<EventRecord> nearMisses)
    {
        System.ArgumentNullException.ThrowIfNull(c);
        System.ArgumentNullException.ThrowIfNull(window);
        System.ArgumentNullException.ThrowIfNull(nearMisses);
        return new CaseDetailView
        {
            Summary = Summary(c),
            Decision = RecordViews.Decision(c.Decision),
            Provenance = RecordViews.Provenance(c.Provenance, c.TripWallSource),
            Reset = c.ResetEventId == 0
                ? null
                : new CaseResetView { EventId = c.ResetEventId, BootId = c.ResetBootId, MonoUs = c.ResetMonoUs, Source = ResetSourceNames.Name(c.ResetSource), By = c.ResetBy },
            Recovery = c.TimeToRecoverQualityUs is null
                ? null
                : new CaseRecoveryView { FrameSequence = c.RecoveredFrameSequence, MonoUs = c.RecoveredMonoUs },
            Window = new SampleWindowView
            {
                FromMonoUs = c.WindowFromMonoUs,
                ToMonoUs = c.WindowToMonoUs,
                DetectMonoUs = c.Decision.DetectMonoUs,
                Complete = c.WindowComplete,
                Samples = window.Select(RecordViews.Sample).ToList(),
            },
            NearMisses = nearMisses.Select(EventViews.Event).ToList(),
        };
    }
}
