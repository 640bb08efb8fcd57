using System;
using System.Collections.Generic;

namespace Jidoka.Bridge.TwinFeed.Stream;

/// <summary>
/// The last messages of the live stream, so a client that lost its connection can resume from the
/// <c>Last-Event-ID</c> it last saw instead of starting over from a snapshot. Bounded: the oldest message
/// goes when the buffer is full. Not thread-safe; the hub calls it under its lock.
/// </summary>
public sealed class FeedReplayBuffer
{
    private readonly FeedMessage[] _ring;
    private int _start;
    private int _count;

    /// <summary>Creates a buffer of <paramref name="capacity"/> messages (0: no replay) for ids after <paramref name="firstIdMinusOne"/>.</summary>
    public FeedReplayBuffer(int capacity, long firstIdMinusOne)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _ring = new FeedMessage[capacity];
        BaseId = firstIdMinusOne;
        LastId = firstIdMinusOne;
    }

    /// <summary>The id before this bridge run's first message: ids of earlier runs are at most this.</summary>
    public long BaseId { get; }

    /// <summary>The id of the newest message added (<see cref="BaseId"/> before the first).</summary>
    public long LastId { get; private set; }

    /// <summary>Messages held.</summary>
    public int Count => _count;

    /// <summary>Adds the next message (ids must increase).</summary>
    public void Add(FeedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Id <= LastId)
        {
            throw new ArgumentException($"message id {message.Id} is not after {LastId}", nameof(message));
        }

        LastId = message.Id;
        if (_ring.Length == 0)
        {
            return;
        }

        if (_count < _ring.Length)
        {
            _ring[(_start + _count) % _ring.Length] = message;
            _count++;
        }
        else
        {
            _ring[_start] = message;
            _start = (_start + 1) % _ring.Length;
        }
    }

    /// <summary>
    /// The messages after <paramref name="lastSeenId"/>, oldest first, when all of them are still held;
    /// otherwise null and, in <paramref name="reason"/>, why the client has to start over.
    /// </summary>
    public IReadOnlyList<FeedMessage>? After(long lastSeenId, out string reason)
    {
        reason = "";
        if (lastSeenId == LastId)
        {
            return Array.Empty<FeedMessage>();
        }

        if (lastSeenId > LastId)
        {
            reason = $"id {lastSeenId} is newer than this bridge's last message {LastId}";
            return null;
        }

        if (lastSeenId < BaseId)
        {
            reason = $"id {lastSeenId} is from an earlier bridge run (this run's ids start after {BaseId})";
            return null;
        }

        long oldestHeld = _count == 0 ? LastId + 1 : _ring[_start].Id;
        if (lastSeenId < oldestHeld - 1)
        {
            reason = $"the messages after id {lastSeenId} are no longer held (the replay buffer keeps the last {_ring.Length})";
            return null;
        }

        var missed = new List<FeedMessage>((int)(LastId - lastSeenId));
        for (int i = 0; i < _count; i++)
        {
            FeedMessage m = _ring[(_start + i) % _ring.Length];
            if (m.Id > lastSeenId)
            {
                missed.Add(m);
            }
        }

        return missed;
    }
}
