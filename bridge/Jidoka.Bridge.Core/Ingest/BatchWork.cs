using System.Collections.Generic;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;

namespace Jidoka.Bridge.Ingest;

/// <summary>What one batch gathers besides its <see cref="WriteBatch"/>: events to settle, frames of ended boots, acks owed.</summary>
internal sealed class BatchWork
{
    /// <summary>Decoded events, before de-duplication.</summary>
    public List<EventRecord> Events { get; } = new();

    /// <summary>Frames of an earlier boot, which only the store can say are repeats.</summary>
    public List<FrameRecord> EarlierBootFrames { get; } = new();

    /// <summary>Messages to publish after the commit.</summary>
    public List<OutboundMessage> Outbound { get; } = new();

    /// <summary>Event ids to acknowledge per node, in arrival order.</summary>
    public Dictionary<NodeSession, List<ulong>> Acks { get; } = new();

    /// <summary>Messages rejected.</summary>
    public int Rejected { get; set; }

    /// <summary>Messages on topics that name no node the bridge follows.</summary>
    public int Unroutable { get; set; }

    /// <summary>Owes <paramref name="session"/> an ack for <paramref name="eventId"/> (once per batch).</summary>
    public void Ack(NodeSession session, ulong eventId)
    {
        if (!Acks.TryGetValue(session, out List<ulong>? ids))
        {
            ids = new List<ulong>();
            Acks[session] = ids;
        }

        if (!ids.Contains(eventId))
        {
            ids.Add(eventId);
        }
    }
}
