using System;
using System.Threading;
using System.Threading.Tasks;

namespace Jidoka.SimBoard.Time;

/// <summary>
/// A <see cref="TimeProvider"/> over simulation time, for host-side code (the bridge's logic) that takes
/// its clock by injection: <see cref="GetUtcNow"/> is the <see cref="HostWallClock"/> (steps included),
/// timestamps are simulation µs, and timers fire as scheduler callbacks. Over a
/// <see cref="VirtualScheduler"/> everything then happens in virtual time on the simulation's thread.
/// </summary>
public sealed class SimTimeProvider : TimeProvider
{
    private readonly ISimScheduler _scheduler;
    private readonly HostWallClock _wall;

    /// <summary>Creates the provider.</summary>
    public SimTimeProvider(ISimScheduler scheduler, HostWallClock wall)
    {
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        _wall = wall ?? throw new ArgumentNullException(nameof(wall));
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _wall.UtcNow;

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc/>
    public override long TimestampFrequency => 1_000_000;

    /// <inheritdoc/>
    public override long GetTimestamp() => (long)_scheduler.NowUs;

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new SimTimer(_scheduler, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class SimTimer : ITimer
    {
        private readonly ISimScheduler _scheduler;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly object _sync = new();
        private long _pending;
        private ulong _periodUs;
        private bool _disposed;

        public SimTimer(ISimScheduler scheduler, TimerCallback callback, object? state)
        {
            _scheduler = scheduler;
            _callback = callback;
            _state = state;
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_sync)
            {
                if (_disposed)
                {
                    return false;
                }

                if (_pending != 0)
                {
                    _scheduler.Cancel(_pending);
                    _pending = 0;
                }

                _periodUs = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : (ulong)(period.Ticks / 10);
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    ulong dueUs = dueTime <= TimeSpan.Zero ? 0 : (ulong)(dueTime.Ticks / 10);
                    _pending = _scheduler.At(_scheduler.NowUs + dueUs, Fire);
                }

                return true;
            }
        }

        public void Dispose()
        {
            lock (_sync)
            {
                _disposed = true;
                if (_pending != 0)
                {
                    _scheduler.Cancel(_pending);
                    _pending = 0;
                }
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Fire()
        {
            lock (_sync)
            {
                if (_disposed)
                {
                    return;
                }

                // A zero period would reschedule at the same instant forever; such timers fire once.
                _pending = _periodUs > 0 ? _scheduler.At(_scheduler.NowUs + _periodUs, Fire) : 0;
            }

            _callback(_state);
        }
    }
}
