using Jidoka.Node.Hardware;

namespace Jidoka.SimBoard.Time;

/// <summary>
/// One simulated board's sense of time: its monotonic µs counter (what the core reads), the simulation
/// time its CPU has reached (what the physics is sampled at), and a way for simulated buses to spend CPU
/// time. The counter restarts at every power-on and runs at the board's own rate (crystal drift).
/// </summary>
public interface IBoardTime : IMonotonicClock, ILoopWaiter
{
    /// <summary>
    /// Simulation µs this board's CPU has reached: in virtual time the scheduler's time, or later while the
    /// CPU is busy with work it was charged for (<see cref="Consume"/>); in real time the host clock.
    /// Physics (force, vision, pins) is sampled at this time.
    /// </summary>
    ulong PhysicalUs { get; }

    /// <summary>Charges <paramref name="us"/> of CPU time (a bus transfer, an injected stall).</summary>
    void Consume(ulong us);

    /// <summary>The board's monotonic µs at simulation time <paramref name="physicalUs"/> (0 before power-on).</summary>
    ulong MonoAt(ulong physicalUs);

    /// <summary>The earliest simulation time at which the monotonic counter reads at least <paramref name="monoUs"/>.</summary>
    ulong PhysicalAt(ulong monoUs);

    /// <summary>Restarts the counter at power-on: it reads <paramref name="bootMonoUs"/> now and counts up from there.</summary>
    void PowerOn(ulong bootMonoUs);
}
