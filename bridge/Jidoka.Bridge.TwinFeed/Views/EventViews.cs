using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;

namespace Jidoka.Bridge.TwinFeed.Views;

/// <summary>Stored events as the twin feed shows them.</summary>
public static class EventViews
{
    /// <summary>The view of <paramref name="e"/>.</summary>
    public static EventView Event(EventRecord e)
    {
        System.ArgumentNullException.ThrowIfNull(e);
        return new EventView
        {
            NodeId = e.NodeId,
            EventId = e.EventId,
            Type = EventTypeNames.Name(e.Type),
            BootId = e.BootId,
            MonoUs = e.MonoUs,
            WallUnixUs = e.WallUnixUs,
            Historical = e.Historical,
            ReceivedUnixUs = e.ReceivedUnixUs,
            CaseId = e.CaseId,
            Provenance = RecordViews.Provenance(e.Provenance, e.WallSource),
            Record = RecordViews.Decision(e.Record),
        };
    }
}
