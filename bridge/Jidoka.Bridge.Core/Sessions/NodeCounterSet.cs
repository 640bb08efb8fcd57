using Jidoka.Bridge.Storage;

namespace Jidoka.Bridge.Sessions;

/// <summary>
/// The mutable form of <see cref="NodeCounters"/> the ingest engine bumps per message (no allocation on
/// the hot path); <see cref="ToRecord"/> takes the stored snapshot.
/// </summary>
public sealed class NodeCounterSet
{
    /// <summary>Starts from stored counts.</summary>
    public NodeCounterSet(NodeCounters stored)
    {
        System.ArgumentNullException.ThrowIfNull(stored);
        FramesReceived = stored.FramesReceived;
        FramesStored = stored.FramesStored;
        FramesDuplicate = stored.FramesDuplicate;
        FramesReordered = stored.FramesReordered;
        GapsDetected = stored.GapsDetected;
        FramesLost = stored.FramesLost;
        FramesRecovered = stored.FramesRecovered;
        FramesHistorical = stored.FramesHistorical;
        EventsStored = stored.EventsStored;
        EventsDuplicate = stored.EventsDuplicate;
        EventsReplayed = stored.EventsReplayed;
        RebootsDetected = stored.RebootsDetected;
        ClockSkewFlags = stored.ClockSkewFlags;
        MessagesRejected = stored.MessagesRejected;
    }

    /// <summary>See <see cref="NodeCounters.FramesReceived"/>.</summary>
    public long FramesReceived { get; set; }

    /// <summary>See <see cref="NodeCounters.FramesStored"/>.</summary>
    public long FramesStored { get; set; }

    /// <summary>See <see cref="NodeCounters.FramesDuplicate"/>.</summary>
    public long FramesDuplicate { get; set; }

    /// <summary>See <see cref="NodeCounters.FramesReordered"/>.</summary>
    public long FramesReordered { get; set; }

    /// <summary>See <see cref="NodeCounters.GapsDetected"/>.</summary>
    public long GapsDetected { get; set; }

    /// <summary>See <see cref="NodeCounters.FramesLost"/>.</summary>
    public long FramesLost { get; set; }

    /// <summary>See <see cref="NodeCounters.FramesRecovered"/>.</summary>
    public long FramesRecovered { get; set; }

    /// <summary>See <see cref="NodeCounters.FramesHistorical"/>.</summary>
    public long FramesHistorical { get; set; }

    /// <summary>See <see cref="NodeCounters.EventsStored"/>.</summary>
    public long EventsStored { get; set; }

    /// <summary>See <see cref="NodeCounters.EventsDuplicate"/>.</summary>
    public long EventsDuplicate { get; set; }

    /// <summary>See <see cref="NodeCounters.EventsReplayed"/>.</summary>
    public long EventsReplayed { get; set; }

    /// <summary>See <see cref="NodeCounters.RebootsDetected"/>.</summary>
    public long RebootsDetected { get; set; }

    /// <summary>See <see cref="NodeCounters.ClockSkewFlags"/>.</summary>
    public long ClockSkewFlags { get; set; }

    /// <summary>See <see cref="NodeCounters.MessagesRejected"/>.</summary>
    public long MessagesRejected { get; set; }

    /// <summary>An immutable snapshot.</summary>
    public NodeCounters ToRecord() => new()
    {
        FramesReceived = FramesReceived,
        FramesStored = FramesStored,
        FramesDuplicate = FramesDuplicate,
        FramesReordered = FramesReordered,
        GapsDetected = GapsDetected,
        FramesLost = FramesLost,
        FramesRecovered = FramesRecovered,
        FramesHistorical = FramesHistorical,
        EventsStored = EventsStored,
        EventsDuplicate = EventsDuplicate,
        EventsReplayed = EventsReplayed,
        RebootsDetected = RebootsDetected,
        ClockSkewFlags = ClockSkewFlags,
        MessagesRejected = MessagesRejected,
    };
}
