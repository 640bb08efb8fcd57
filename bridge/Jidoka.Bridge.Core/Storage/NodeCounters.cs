namespace Jidoka.Bridge.Storage;

/// <summary>Ingest counts for one node since it was first seen; they survive bridge restarts.</summary>
public sealed record NodeCounters
{
    /// <summary>Frames accepted by the decoder (including duplicates).</summary>
    public long FramesReceived { get; init; }

    /// <summary>Frames written to the store.</summary>
    public long FramesStored { get; init; }

    /// <summary>Frames dropped because the same boot and sequence had already been received.</summary>
    public long FramesDuplicate { get; init; }

    /// <summary>Frames that arrived late, inside the reorder window, and filled their gap.</summary>
    public long FramesReordered { get; init; }

    /// <summary>Sequence gaps confirmed (the reorder window passed without the frames arriving).</summary>
    public long GapsDetected { get; init; }

    /// <summary>Frames missing in confirmed gaps and not recovered since.</summary>
    public long FramesLost { get; init; }

    /// <summary>Frames that filled a confirmed gap later (replayed by the node).</summary>
    public long FramesRecovered { get; init; }

    /// <summary>Frames stored as historical (replayed flag, or from an earlier boot).</summary>
    public long FramesHistorical { get; init; }

    /// <summary>Events written to the store.</summary>
    public long EventsStored { get; init; }

    /// <summary>Events received again after they had been stored (acknowledged again, not stored twice).</summary>
    public long EventsDuplicate { get; init; }

    /// <summary>Events that carried the replayed flag.</summary>
    public long EventsReplayed { get; init; }

    /// <summary>Reboots detected (a boot id higher than the last one seen).</summary>
    public long RebootsDetected { get; init; }

    /// <summary>Messages whose node-side time disagreed with the bridge clock by more than the skew threshold.</summary>
    public long ClockSkewFlags { get; init; }

    /// <summary>Messages rejected (any reason); per-reason counts are in <see cref="NodeRecord.Rejects"/>.</summary>
    public long MessagesRejected { get; init; }
}
