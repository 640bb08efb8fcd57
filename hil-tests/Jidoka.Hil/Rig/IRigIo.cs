using System;

namespace Jidoka.Hil.Rig;

/// <summary>
/// The bench rig's I/O as the HIL tests need it: drive the node's interlock status lines (and optionally
/// its reset button and a force step), and read and timestamp its stop output. A Raspberry Pi with
/// opto-isolated level shifting implements it over System.Device.Gpio (<see cref="GpioRigIo"/>); the
/// wiring is in docs/hil.md. Channels are in the protocol's interlock bit order: 0 guard A, 1 guard B,
/// 2 light curtain A, 3 light curtain B, 4 e-stop A, 5 e-stop B.
/// </summary>
public interface IRigIo : IDisposable
{
    /// <summary>What the rig is (board, pin map), for reports.</summary>
    string Description { get; }

    /// <summary>The rig's monotonic clock, µs (edge timestamps use it).</summary>
    long NowUs { get; }

    /// <summary>Drives interlock line <paramref name="channel"/> (0..5): <paramref name="contactClosed"/> true = healthy.</summary>
    void SetInterlock(int channel, bool contactClosed);

    /// <summary>True when the pin map wires the node's reset button.</summary>
    bool CanPressReset { get; }

    /// <summary>Presses (true) or releases the node's reset button.</summary>
    void SetResetButton(bool pressed);

    /// <summary>True when the pin map wires a force step (a shunt-calibration resistor switched across the load cell).</summary>
    bool CanStepForce { get; }

    /// <summary>The force the step simulates, N (from the shunt resistor's calibration).</summary>
    double ForceStepNewtons { get; }

    /// <summary>Applies (true) or removes the force step.</summary>
    void SetForceStep(bool applied);

    /// <summary>The stop output now: true = energized (the cell may run).</summary>
    bool StopEnergized { get; }

    /// <summary>
    /// The first stop-output edge to <paramref name="energized"/> at or after <paramref name="sinceUs"/>,
    /// timestamped by the rig's pin-change callback; waits up to <paramref name="timeout"/> for it.
    /// </summary>
    bool TryWaitStop(bool energized, long sinceUs, TimeSpan timeout, out long atUs);
}
