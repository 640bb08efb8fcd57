using System;

namespace Jidoka.Bridge;

/// <summary>Settings of the bridge's logic (section "Bridge" of appsettings). Transport and storage settings live beside their code.</summary>
public sealed class BridgeOptions
{
    /// <summary>The bridge's host id: its retained state topic and its audit entries carry it.</summary>
    public string HostId { get; set; } = "bridge-1";

    /// <summary>Ingest settings.</summary>
    public IngestOptions Ingest { get; set; } = new();

    /// <summary>Exception-case settings.</summary>
    public CaseOptions Cases { get; set; } = new();

    /// <summary>Time mapping settings.</summary>
    public TimeOptions Time { get; set; } = new();

    /// <summary>How long frames are kept, days; 0 keeps them forever. Case windows, events, cases and the audit log are always kept.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        if (!Jidoka.Protocol.Identifiers.IsValidId(HostId))
        {
            throw new ArgumentException($"Bridge:HostId '{HostId}' is not a valid id (1-16 of a-z, 0-9, '-', '_').");
        }

        if (RetentionDays < 0)
        {
            throw new ArgumentException("Bridge:RetentionDays must be 0 (keep forever) or more.");
        }

        Ingest.Validate();
        Cases.Validate();
        Time.Validate();
    }
}

/// <summary>Ingest settings.</summary>
public sealed class IngestOptions
{
    /// <summary>A missing frame is declared lost once the sequence has moved this many frames past it.</summary>
    public int ReorderWindowFrames { get; set; } = 64;

    /// <summary>...or once this long has passed since the gap was seen (bridge clock), whichever comes first.</summary>
    public int ReorderWindowMs { get; set; } = 500;

    /// <summary>Most messages stored in one transaction.</summary>
    public int MaxBatchMessages { get; set; } = 4000;

    /// <summary>Messages the receive queue holds before the MQTT receive loop waits (back-pressure to the broker).</summary>
    public int QueueCapacity { get; set; } = 100000;

    /// <summary>Event ids remembered per node to answer duplicates without a database look-up.</summary>
    public int RecentEventIdsPerNode { get; set; } = 4096;

    /// <summary>Most nodes the bridge follows; messages from further node ids are dropped and counted as unroutable.</summary>
    public int MaxNodes { get; set; } = 10000;

    /// <summary>A node with no status is treated as online while it sent something within this many seconds.</summary>
    public int NodeSilenceSeconds { get; set; } = 30;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (ReorderWindowFrames < 1 || ReorderWindowMs < 1)
        {
            throw new ArgumentException("Bridge:Ingest reorder window must be at least 1 frame and 1 ms.");
        }

        if (MaxBatchMessages < 1 || QueueCapacity < MaxBatchMessages)
        {
            throw new ArgumentException("Bridge:Ingest:MaxBatchMessages must be at least 1 and no more than QueueCapacity.");
        }

        if (RecentEventIdsPerNode < 1 || NodeSilenceSeconds < 1 || MaxNodes < 1)
        {
            throw new ArgumentException("Bridge:Ingest:RecentEventIdsPerNode, NodeSilenceSeconds and MaxNodes must be at least 1.");
        }
    }
}

/// <summary>Exception-case settings.</summary>
public sealed class CaseOptions
{
    /// <summary>Samples kept before the trip's detection, ms.</summary>
    public int WindowBeforeMs { get; set; } = 2000;

    /// <summary>Samples kept after the trip's detection, ms.</summary>
    public int WindowAfterMs { get; set; } = 2000;

    /// <summary>Near-misses this long before a trip (same boot) are linked to its case, ms.</summary>
    public int NearMissLinkWindowMs { get; set; } = 60000;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (WindowBeforeMs < 0 || WindowAfterMs < 0 || NearMissLinkWindowMs < 0)
        {
            throw new ArgumentException("Bridge:Cases windows must not be negative.");
        }
    }
}

/// <summary>Time mapping settings.</summary>
public sealed class TimeOptions
{
    /// <summary>
    /// Node time and bridge time may disagree by this much beyond the node's stated uncertainty (and
    /// the frame's own duration) before the node is flagged for clock skew, ms.
    /// </summary>
    public int SkewThresholdMs { get; set; } = 1000;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (SkewThresholdMs < 1)
        {
            throw new ArgumentException("Bridge:Time:SkewThresholdMs must be at least 1.");
        }
    }
}
