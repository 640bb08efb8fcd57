using System;
using System.Threading.Channels;

namespace Jidoka.Bridge.TwinFeed.Stream;

/// <summary>
/// One stream client's queue. Bounded: a client that falls behind by more than its capacity is cut
/// off (<see cref="Overflowed"/>) rather than making the bridge hold unbounded memory or drop
/// messages silently; it reconnects and re-reads the current state.
/// </summary>
public sealed class FeedSubscription : IDisposable
{
    private readonly Channel<FeedMessage> _queue;
    private readonly Action<FeedSubscription> _unsubscribe;
    private int _overflowed;

    /// <summary>Creates a subscription holding at most <paramref name="capacity"/> messages; <paramref name="unsubscribe"/> runs on dispose.</summary>
    public FeedSubscription(string? nodeId, string? cellId, int capacity, Action<FeedSubscription> unsubscribe)
    {
        NodeId = nodeId;
        CellId = cellId;
        _unsubscribe = unsubscribe ?? throw new ArgumentNullException(nameof(unsubscribe));
        _queue = Channel.CreateBounded<FeedMessage>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Only messages about this node, or null for all.</summary>
    public string? NodeId { get; }

    /// <summary>Only messages about nodes of this cell, or null for all.</summary>
    public string? CellId { get; }

    /// <summary>The messages, in order; completes when the subscription overflowed or was disposed.</summary>
    public ChannelReader<FeedMessage> Reader => _queue.Reader;

    /// <summary>True when messages were lost because the client fell too far behind.</summary>
    public bool Overflowed => System.Threading.Volatile.Read(ref _overflowed) != 0;

    /// <summary>Whether <paramref name="message"/> passes this subscription's filters.</summary>
    public bool Accepts(FeedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (NodeId == null || string.Equals(NodeId, message.NodeId, StringComparison.Ordinal))
            && (CellId == null || string.Equals(CellId, message.CellId, StringComparison.Ordinal));
    }

    /// <summary>Queues <paramref name="message"/> without waiting; on a full queue the subscription overflows and completes.</summary>
    public void Offer(FeedMessage message)
    {
        if (!_queue.Writer.TryWrite(message) && System.Threading.Interlocked.Exchange(ref _overflowed, 1) == 0)
        {
            _queue.Writer.TryComplete();
        }
    }

    /// <summary>Stops receiving.</summary>
    public void Dispose()
    {
        _unsubscribe(this);
        _queue.Writer.TryComplete();
    }
}
