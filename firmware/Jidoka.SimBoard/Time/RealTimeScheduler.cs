using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace Jidoka.SimBoard.Time;

/// <summary>
/// Simulation time that is the host's monotonic clock (<see cref="Stopwatch"/>), with one timer thread
/// that runs scheduled callbacks when they fall due. Used to run simulated boards against a real broker
/// and a real bridge process. Callbacks must be short; they run one at a time on the timer thread.
/// </summary>
public sealed class RealTimeScheduler : ISimScheduler, IDisposable
{
    private readonly long _startTicks = Stopwatch.GetTimestamp();
    private readonly PriorityQueue<(long Id, Action Action), (ulong, long)> _queue = new();
    private readonly HashSet<long> _cancelled = new();
    private readonly object _sync = new();
    private readonly Thread _thread;
    private long _nextId = 1;
    private bool _stopping;

    /// <summary>Starts the timer thread.</summary>
    public RealTimeScheduler()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "sim-timers" };
        _thread.Start();
    }

    /// <inheritdoc/>
    public ulong NowUs => ToUs(Stopwatch.GetTimestamp() - _startTicks);

    /// <summary>Callbacks that threw (the timer thread carries on), since start.</summary>
    public int CallbackFaults { get; private set; }

    /// <inheritdoc/>
    public long At(ulong atUs, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_sync)
        {
            long id = _nextId++;
            _queue.Enqueue((id, action), (atUs, id));
            Monitor.Pulse(_sync);
            return id;
        }
    }

    /// <inheritdoc/>
    public bool Cancel(long id)
    {
        lock (_sync)
        {
            return id > 0 && id < _nextId && _cancelled.Add(id);
        }
    }

    /// <summary>Stops the timer thread; pending callbacks are dropped.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            _stopping = true;
            Monitor.Pulse(_sync);
        }

        _thread.Join();
    }

    private static ulong ToUs(long ticks) => (ulong)((Int128)ticks * 1_000_000 / Stopwatch.Frequency);

    private void Run()
    {
        while (true)
        {
            Action? due = null;
            lock (_sync)
            {
                while (due == null)
                {
                    if (_stopping)
                    {
                        return;
                    }

                    if (!_queue.TryPeek(out (long Id, Action Action) entry, out (ulong Time, long Id) key))
                    {
                        Monitor.Wait(_sync);
                        continue;
                    }

                    if (_cancelled.Remove(entry.Id))
                    {
                        _queue.Dequeue();
                        continue;
                    }

                    ulong now = NowUs;
                    if (key.Time <= now)
                    {
                        _queue.Dequeue();
                        due = entry.Action;
                        break;
                    }

                    // Monitor.Wait has millisecond resolution; waking a little early and re-checking is fine.
                    ulong waitUs = key.Time - now;
                    Monitor.Wait(_sync, TimeSpan.FromMilliseconds(Math.Max(1, Math.Min(waitUs / 1000, 100))));
                }
            }

            try
            {
                due();
            }
            catch (Exception)
            {
                CallbackFaults++;
            }
        }
    }
}
