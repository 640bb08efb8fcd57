using System;
using System.Threading;
using Jidoka.Node.Hardware;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Io;

/// <summary>
/// The external watchdog (a supervisor chip on the kick pin): if not kicked within
/// <see cref="TimeoutUs"/> it raises <see cref="Expired"/>, on which the simulated board cuts the stop
/// output and resets the MCU. Checked by scheduler callbacks at the exact expiry time, in virtual and in
/// real time.
/// </summary>
public sealed class SimulatedWatchdog : IWatchdog
{
    private readonly ISimScheduler _scheduler;
    private readonly IBoardTime _time;
    private readonly object _sync = new();
    private ulong _lastKickUs;
    private long _check;
    private bool _armed;
    private long _kicks;

    /// <summary>Creates the watchdog, disarmed until <see cref="Arm"/> (power-on).</summary>
    public SimulatedWatchdog(ISimScheduler scheduler, IBoardTime time, ulong timeoutUs)
    {
        if (timeoutUs < 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(timeoutUs));
        }

        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        TimeoutUs = timeoutUs;
    }

    /// <summary>Longest gap between kicks, µs.</summary>
    public ulong TimeoutUs { get; }

    /// <summary>Raised (on the scheduler's thread) when the timeout passes without a kick; the watchdog disarms itself.</summary>
    public event Action? Expired;

    /// <summary>Kicks since creation.</summary>
    public long Kicks => Interlocked.Read(ref _kicks);

    /// <summary>Times it expired, since creation.</summary>
    public int Expirations { get; private set; }

    /// <inheritdoc/>
    public void Kick()
    {
        Interlocked.Increment(ref _kicks);
        lock (_sync)
        {
            _lastKickUs = _time.PhysicalUs;
        }
    }

    /// <summary>Starts watching (at power-on): the first kick is due within the timeout.</summary>
    public void Arm()
    {
        lock (_sync)
        {
            _armed = true;
            _lastKickUs = _time.PhysicalUs;
            ScheduleLocked(_lastKickUs + TimeoutUs);
        }
    }

    /// <summary>Stops watching (power off).</summary>
    public void Disarm()
    {
        lock (_sync)
        {
            _armed = false;
            if (_check != 0)
            {
                _scheduler.Cancel(_check);
                _check = 0;
            }
        }
    }

    private void ScheduleLocked(ulong atUs)
    {
        if (_check != 0)
        {
            _scheduler.Cancel(_check);
        }

        _check = _scheduler.At(atUs, Check);
    }

    private void Check()
    {
        lock (_sync)
        {
            _check = 0;
            if (!_armed)
            {
                return;
            }

            ulong due = _lastKickUs + TimeoutUs;
            if (_scheduler.NowUs < due)
            {
                ScheduleLocked(due);
                return;
            }

            _armed = false;
            Expirations++;
        }

        Expired?.Invoke();
    }
}
