namespace Jidoka.Bridge.Contracts;

/// <summary>A node's ingest counts since the bridge first saw it (docs/storage.md, table nodes).</summary>
public sealed record IngestCountsView
{
    /// <summary>Frames accepted by the decoder, duplicates included.</summary>
    public required long FramesReceived { get; init; }

    /// <summary>Frames stored.</summary>
    public required long FramesStored { get; init; }

    /// <summary>Frames received again and dropped.</summary>
    public required long FramesDuplicate { get; init; }

    /// <summary>Sequence gaps confirmed.</summary>
    public required long GapsDetected { get; init; }

    /// <summary>Frames missing in confirmed gaps and not recovered.</summary>
    public required long FramesLost { get; init; }

    /// <summary>Frames that filled a confirmed gap later.</summary>
    public required long FramesRecovered { get; init; }

    /// <summary>Events stored.</summary>
    public required long EventsStored { get; init; }

    /// <summary>Events that arrived with the replayed flag.</summary>
    public required long EventsReplayed { get; init; }

    /// <summary>Reboots detected.</summary>
    public required long RebootsDetected { get; init; }

    /// <summary>Messages rejected, any reason.</summary>
    public required long MessagesRejected { get; init; }
}
