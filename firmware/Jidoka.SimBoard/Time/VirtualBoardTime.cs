using System;

namespace Jidoka.SimBoard.Time;

/// <summary>
/// A board's time in a virtual run. Each board is its own CPU: work it is charged for
/// (<see cref="Consume"/>: a 25-pulse HX711 transfer, an injected GC pause) moves its own cursor ahead
/// of the scheduler, not the scheduler, so other boards are not held up, and the core measures the step
/// as taking that long. <see cref="WaitUntil"/> never blocks: it records the wake-up time the loop asked
/// for, and the node's driver schedules the next step there.
/// </summary>
public sealed class VirtualBoardTime : IBoardTime
{
    private readonly VirtualScheduler _scheduler;
    private readonly int _driftPpm;
    private ClockRate _rate;
    private ulong _busyUntilUs;

    /// <summary>Creates the board's time on <paramref name="scheduler"/>; the counter runs <paramref name="driftPpm"/> fast.</summary>
    public VirtualBoardTime(VirtualScheduler scheduler, int driftPpm)
    {
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        _driftPpm = driftPpm;
        _rate = new ClockRate(scheduler.NowUs, 0, driftPpm);
    }

    /// <summary>The scheduler this board runs on.</summary>
    public VirtualScheduler Scheduler => _scheduler;

    /// <inheritdoc/>
    public ulong PhysicalUs => Math.Max(_scheduler.NowUs, _busyUntilUs);

    /// <summary>Simulation µs until which the CPU is busy with charged work.</summary>
    public ulong BusyUntilUs => _busyUntilUs;

    /// <inheritdoc/>
    public ulong NowUs => _rate.MonoAt(PhysicalUs);

    /// <summary>The mapping in force since the last power-on.</summary>
    public ClockRate Rate => _rate;

    /// <summary>The monotonic time the loop last asked to be woken at.</summary>
    public ulong WakeRequestMonoUs { get; private set; }

    /// <summary>True when the loop has asked for a wake-up since <see cref="TakeWakeRequest"/> was last called.</summary>
    public bool HasWakeRequest { get; private set; }

    /// <inheritdoc/>
    public void Consume(ulong us) => _busyUntilUs = PhysicalUs + us;

    /// <inheritdoc/>
    public ulong MonoAt(ulong physicalUs) => _rate.MonoAt(physicalUs);

    /// <inheritdoc/>
    public ulong PhysicalAt(ulong monoUs) => _rate.PhysicalAt(monoUs);

    /// <inheritdoc/>
    public void PowerOn(ulong bootMonoUs)
    {
        _busyUntilUs = _scheduler.NowUs;
        _rate = new ClockRate(_scheduler.NowUs, bootMonoUs, _driftPpm);
        HasWakeRequest = false;
    }

    /// <inheritdoc/>
    public void WaitUntil(ulong monoUs)
    {
        WakeRequestMonoUs = monoUs;
        HasWakeRequest = true;
    }

    /// <summary>Returns and clears the pending wake-up request as a simulation time (not before the CPU is free).</summary>
    public bool TakeWakeRequest(out ulong physicalUs)
    {
        physicalUs = 0;
        if (!HasWakeRequest)
        {
            return false;
        }

        HasWakeRequest = false;
        physicalUs = Math.Max(_rate.PhysicalAt(WakeRequestMonoUs), PhysicalUs);
        return true;
    }
}
