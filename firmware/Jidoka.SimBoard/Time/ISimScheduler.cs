using System;

namespace Jidoka.SimBoard.Time;

/// <summary>
/// Simulation time and deferred work, in microseconds since the simulation started. The virtual
/// implementation (<see cref="VirtualScheduler"/>) runs callbacks in time order on the caller's thread
/// and never waits; the real-time one (<see cref="RealTimeScheduler"/>) runs them on a timer thread at
/// the wall time they are due. Simulated parts (bouncing pins, the watchdog, the vision system, the
/// simulated network) take one of these, so the same part works in both modes.
/// </summary>
public interface ISimScheduler
{
    /// <summary>Microseconds since the simulation started.</summary>
    ulong NowUs { get; }

    /// <summary>
    /// Runs <paramref name="action"/> at <paramref name="atUs"/> (at once, in order, when it has passed).
    /// Returns an id for <see cref="Cancel"/>.
    /// </summary>
    long At(ulong atUs, Action action);

    /// <summary>Cancels a callback that has not run yet; false when it already ran or was cancelled.</summary>
    bool Cancel(long id);
}
