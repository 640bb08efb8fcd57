using System;
using System.Collections.Generic;

namespace Jidoka.SimBoard.Time;

/// <summary>
/// Discrete-event virtual time: callbacks run in (time, order scheduled) order on the caller's thread and
/// time jumps from one to the next. Nothing reads the host clock, so a run is a pure function of its
/// seed and inputs, and replays exactly. Not thread-safe: a virtual run is single-threaded by design.
/// </summary>
public sealed class VirtualScheduler : ISimScheduler
{
    /// <summary>Upper bound on callbacks one <see cref="RunUntil(ulong)"/> call may run before it assumes a livelock.</summary>
    public const long DefaultEventBudget = 200_000_000;

    private readonly PriorityQueue<Entry, (ulong, long)> _queue = new();
    private readonly HashSet<long> _cancelled = new();
    private long _nextId = 1;
    private ulong _now;

    /// <summary>Current virtual time, µs since the start of the run.</summary>
    public ulong NowUs => _now;

    /// <summary>Callbacks run since the start.</summary>
    public long EventsRun { get; private set; }

    /// <summary>Callbacks waiting (cancelled ones included until they come due).</summary>
    public int Pending => _queue.Count;

    /// <summary>Callbacks one <see cref="RunUntil(ulong)"/> may run; exceeding it throws (a livelock in the model).</summary>
    public long EventBudget { get; set; } = DefaultEventBudget;

    /// <inheritdoc/>
    public long At(ulong atUs, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        long id = _nextId++;
        _queue.Enqueue(new Entry(id, action), (atUs < _now ? _now : atUs, id));
        return id;
    }

    /// <summary>Runs <paramref name="action"/> <paramref name="delayUs"/> from now.</summary>
    public long After(ulong delayUs, Action action) => At(_now + delayUs, action);

    /// <inheritdoc/>
    public bool Cancel(long id)
    {
        if (id <= 0 || id >= _nextId)
        {
            return false;
        }

        return _cancelled.Add(id);
    }

    /// <summary>Runs the next due callback, advancing time to it; false when nothing is scheduled.</summary>
    public bool RunNext()
    {
        while (_queue.TryDequeue(out Entry entry, out (ulong Time, long Id) key))
        {
            if (_cancelled.Remove(entry.Id))
            {
                continue;
            }

            _now = key.Time;
            EventsRun++;
            entry.Action();
            return true;
        }

        return false;
    }

    /// <summary>
    /// Runs every callback due at or before <paramref name="untilUs"/>, then sets the time to it. Callbacks
    /// scheduled by callbacks run too when they fall inside the window.
    /// </summary>
    public void RunUntil(ulong untilUs)
    {
        long budget = EventBudget;
        while (_queue.TryPeek(out Entry _, out (ulong Time, long Id) key) && key.Time <= untilUs)
        {
            if (--budget < 0)
            {
                throw new InvalidOperationException("virtual scheduler ran more than " + EventBudget + " callbacks before " + untilUs + " µs: livelock in the model");
            }

            RunNext();
        }

        if (untilUs > _now)
        {
            _now = untilUs;
        }
    }

    /// <summary>Runs for <paramref name="durationUs"/> of virtual time.</summary>
    public void RunFor(ulong durationUs) => RunUntil(_now + durationUs);

    /// <summary>
    /// Runs until <paramref name="condition"/> holds (checked after every callback) or
    /// <paramref name="untilUs"/> is reached; returns whether the condition held.
    /// </summary>
    public bool RunUntil(Func<bool> condition, ulong untilUs)
    {
        ArgumentNullException.ThrowIfNull(condition);
        long budget = EventBudget;
        while (!condition())
        {
            if (!_queue.TryPeek(out Entry _, out (ulong Time, long Id) key) || key.Time > untilUs)
            {
                if (untilUs > _now)
                {
                    _now = untilUs;
                }

                return condition();
            }

            if (--budget < 0)
            {
                throw new InvalidOperationException("virtual scheduler exceeded its event budget: livelock in the model");
            }

            RunNext();
        }

        return true;
    }

    private readonly record struct Entry(long Id, Action Action);
}
