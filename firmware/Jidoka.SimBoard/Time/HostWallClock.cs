using System;

namespace Jidoka.SimBoard.Time;

/// <summary>
/// The wall clock of the host the bridge runs on, in a simulation: Unix µs derived from simulation time,
/// with its own drift and with steps injected on purpose (an NTP correction, an operator setting the
/// clock). Nodes have no wall clock: they learn the offset from the bridge's time-sync answers, so a step
/// here is what makes a node journal a clock-step event.
/// </summary>
public sealed class HostWallClock
{
    private readonly ISimScheduler _scheduler;
    private readonly object _sync = new();
    private long _stepsUs;

    /// <summary>Creates the clock: at simulation time 0 it reads <paramref name="epochUnixUs"/>.</summary>
    public HostWallClock(ISimScheduler scheduler, long epochUnixUs, int driftPpm = 0)
    {
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        EpochUnixUs = epochUnixUs;
        DriftPpm = driftPpm;
    }

    /// <summary>Default epoch of simulated runs: 2026-01-01T00:00:00Z.</summary>
    public const long DefaultEpochUnixUs = 1_767_225_600_000_000;

    /// <summary>Unix µs at simulation time 0.</summary>
    public long EpochUnixUs { get; }

    /// <summary>Rate error of the host clock, ppm.</summary>
    public int DriftPpm { get; }

    /// <summary>Sum of the steps injected so far, µs.</summary>
    public long StepsUs
    {
        get
        {
            lock (_sync)
            {
                return _stepsUs;
            }
        }
    }

    /// <summary>Unix µs now.</summary>
    public long UnixUs => UnixUsAt(_scheduler.NowUs);

    /// <summary>Unix µs at simulation time <paramref name="physicalUs"/> (with the steps made so far).</summary>
    public long UnixUsAt(ulong physicalUs)
    {
        long t = (long)physicalUs;
        return EpochUnixUs + t + (long)((Int128)t * DriftPpm / 1_000_000) + StepsUs;
    }

    /// <summary>Now as a <see cref="DateTimeOffset"/> (100 ns ticks, UTC).</summary>
    public DateTimeOffset UtcNow => DateTimeOffset.FromUnixTimeMilliseconds(0).AddTicks(UnixUs * 10);

    /// <summary>Steps the clock by <paramref name="deltaUs"/> (negative steps it back).</summary>
    public void Step(long deltaUs)
    {
        lock (_sync)
        {
            _stepsUs += deltaUs;
        }
    }
}
