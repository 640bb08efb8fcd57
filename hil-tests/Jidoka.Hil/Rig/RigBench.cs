using System;
using System.Threading;

namespace Jidoka.Hil.Rig;

/// <summary>A bench measurement: what the rig did, when the stop output answered.</summary>
/// <param name="What">The stimulus.</param>
/// <param name="StimulusUs">Rig µs of the stimulus.</param>
/// <param name="StopOffUs">Rig µs the stop output went off, when it did.</param>
public sealed record BenchTrip(string What, long StimulusUs, long? StopOffUs)
{
    /// <summary>Stimulus → stop output off, µs (the time-to-safe-state the rig observed), when it went off.</summary>
    public long? LatencyUs => StopOffUs - StimulusUs;
}

/// <summary>Bench procedures over any <see cref="IRigIo"/>: bring the node to armed, trip it, measure.</summary>
public static class RigBench
{
    /// <summary>Closes every interlock, removes the force step, and resets the node (button) until its stop output is energized.</summary>
    public static bool TryArm(IRigIo rig, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(rig);
        for (int i = 0; i < 6; i++)
        {
            rig.SetInterlock(i, true);
        }

        if (rig.CanStepForce)
        {
            rig.SetForceStep(false);
        }

        // Closing contacts must hold the debounce time before the node counts them closed.
        Thread.Sleep(50);
        if (rig.StopEnergized)
        {
            return true;
        }

        if (rig.CanPressReset)
        {
            rig.SetResetButton(true);
            Thread.Sleep(100); // longer than the node's 50 ms reset hold
            rig.SetResetButton(false);
        }

        return rig.TryWaitStop(true, 0, timeout, out _) || rig.StopEnergized;
    }

    /// <summary>Opens both channels of interlock pair <paramref name="pair"/> (0 guard, 1 light curtain, 2 e-stop) and times the stop output.</summary>
    public static BenchTrip OpenInterlock(IRigIo rig, int pair, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(rig);
        long at = rig.NowUs;
        rig.SetInterlock(pair * 2, false);
        rig.SetInterlock((pair * 2) + 1, false);
        return new BenchTrip("interlock " + pair + " open", at, rig.TryWaitStop(false, at, timeout, out long off) ? off : null);
    }

    /// <summary>Opens one channel of pair <paramref name="pair"/> only (a discrepancy) and times the stop output.</summary>
    public static BenchTrip OpenOneChannel(IRigIo rig, int pair, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(rig);
        long at = rig.NowUs;
        rig.SetInterlock((pair * 2) + 1, false);
        return new BenchTrip("interlock " + pair + " channel B open", at, rig.TryWaitStop(false, at, timeout, out long off) ? off : null);
    }

    /// <summary>Applies the force step and times the stop output.</summary>
    public static BenchTrip StepForce(IRigIo rig, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(rig);
        long at = rig.NowUs;
        rig.SetForceStep(true);
        return new BenchTrip($"force step {rig.ForceStepNewtons} N", at, rig.TryWaitStop(false, at, timeout, out long off) ? off : null);
    }
}
