using System;
using System.Threading;

namespace Jidoka.SimBoard.Time;

/// <summary>
/// A board's time in a real-time run: the host's monotonic clock (through the
/// <see cref="RealTimeScheduler"/>), scaled by the board's drift and restarted at every power-on.
/// <see cref="WaitUntil"/> sleeps: the host's sleep granularity (about 1 ms on Linux) is coarser than a
/// 1 kHz loop needs, so the loop scheduler's skip-and-count path is exercised for real; set
/// <see cref="SpinBelowUs"/> to spin the last stretch when pacing matters more than CPU.
/// </summary>
public sealed class RealTimeBoardTime : IBoardTime
{
    private readonly ISimScheduler _host;
    private readonly int _driftPpm;
    private ClockRate _rate;

    /// <summary>Creates the board's time over <paramref name="host"/>'s clock.</summary>
    public RealTimeBoardTime(ISimScheduler host, int driftPpm)
    {
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _driftPpm = driftPpm;
        _rate = new ClockRate(host.NowUs, 0, driftPpm);
    }

    /// <summary>Below this many µs to go, <see cref="WaitUntil"/> spins instead of sleeping (0: never spins).</summary>
    public ulong SpinBelowUs { get; set; }

    /// <inheritdoc/>
    public ulong PhysicalUs => _host.NowUs;

    /// <inheritdoc/>
    public ulong NowUs => Volatile.Read(ref _rate).MonoAt(_host.NowUs);

    /// <inheritdoc/>
    public void Consume(ulong us)
    {
        // Bus transfers are tens of µs (spin); injected stalls are milliseconds (sleep).
        ulong until = _host.NowUs + us;
        if (us >= 2000)
        {
            Thread.Sleep(TimeSpan.FromMilliseconds((us - 1000) / 1000.0));
        }

        // A bus transfer on the device keeps the CPU: spin without yielding (SpinWait.SpinOnce would give the
        // core away after a few iterations, and on a busy host the step then waits behind every other runnable
        // thread, milliseconds, which the node rightly counts against its loop deadline).
        while (_host.NowUs < until)
        {
            Thread.SpinWait(8);
        }
    }

    /// <inheritdoc/>
    public ulong MonoAt(ulong physicalUs) => Volatile.Read(ref _rate).MonoAt(physicalUs);

    /// <inheritdoc/>
    public ulong PhysicalAt(ulong monoUs) => Volatile.Read(ref _rate).PhysicalAt(monoUs);

    /// <inheritdoc/>
    public void PowerOn(ulong bootMonoUs) => Volatile.Write(ref _rate, new ClockRate(_host.NowUs, bootMonoUs, _driftPpm));

    /// <inheritdoc/>
    public void WaitUntil(ulong monoUs)
    {
        ulong target = PhysicalAt(monoUs);
        while (true)
        {
            ulong now = _host.NowUs;
            if (now >= target)
            {
                return;
            }

            ulong remaining = target - now;
            if (remaining <= SpinBelowUs)
            {
                Thread.SpinWait(20);
                continue;
            }

            ulong sleepUs = remaining - SpinBelowUs;
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Max(1, sleepUs / 1000)));
            if (SpinBelowUs == 0)
            {
                return;
            }
        }
    }
}
