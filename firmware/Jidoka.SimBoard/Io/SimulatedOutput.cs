using System;
using System.Collections.Generic;
using Jidoka.Node.Hardware;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Io;

/// <summary>Why an output changed.</summary>
public enum OutputChangeCause
{
    /// <summary>The node wrote it.</summary>
    Write = 0,

    /// <summary>The board lost power: outputs drop (de-energize-to-trip).</summary>
    PowerLoss = 1,

    /// <summary>The external watchdog expired and cut the output in hardware.</summary>
    Watchdog = 2,
}

/// <summary>One output transition: when (simulation and the board's monotonic µs), to what, and why.</summary>
/// <param name="PhysicalUs">Simulation µs of the change (the board CPU's time).</param>
/// <param name="MonoUs">The board's monotonic µs of the change.</param>
/// <param name="Energized">The level after the change.</param>
/// <param name="Cause">Why it changed.</param>
public readonly record struct OutputTransition(ulong PhysicalUs, ulong MonoUs, bool Energized, OutputChangeCause Cause);

/// <summary>
/// A simulated output pin (the stop output or the andon light) that the HIL rig reads: it records every
/// transition with its time, so a rig can compute input crossing → stop output off in simulation time.
/// While the board is unpowered or its watchdog holds the output off, writes do not energize it.
/// </summary>
public sealed class SimulatedOutput : IDigitalOutput
{
    /// <summary>Transitions kept, at most; older ones are dropped (counted) so a long run stays bounded.</summary>
    public const int TransitionsMax = 100_000;

    private readonly IBoardTime _time;
    private readonly object _sync = new();
    private readonly List<OutputTransition> _transitions = new();
    private bool _pinEnergized;
    private bool _powered;
    private bool _forcedOff;

    /// <summary>Creates the output, de-energized and unpowered.</summary>
    public SimulatedOutput(string name, IBoardTime time)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Output name (for traces).</summary>
    public string Name { get; }

    /// <summary>True while the output is energized (what the relay or the rig sees).</summary>
    public bool Energized
    {
        get
        {
            lock (_sync)
            {
                return _pinEnergized && _powered && !_forcedOff;
            }
        }
    }

    /// <summary>Writes, since creation.</summary>
    public long Writes { get; private set; }

    /// <summary>Transitions dropped because <see cref="TransitionsMax"/> were kept.</summary>
    public long TransitionsDropped { get; private set; }

    /// <summary>A copy of the transitions, oldest first.</summary>
    public IReadOnlyList<OutputTransition> Transitions
    {
        get
        {
            lock (_sync)
            {
                return _transitions.ToArray();
            }
        }
    }

    /// <inheritdoc/>
    public void Write(bool energized)
    {
        lock (_sync)
        {
            Writes++;
            bool before = EnergizedLocked;
            _pinEnergized = energized;
            Record(before, OutputChangeCause.Write);
        }
    }

    /// <summary>The first transition to <paramref name="energized"/> at or after <paramref name="fromPhysicalUs"/>.</summary>
    public bool TryFindTransition(bool energized, ulong fromPhysicalUs, out OutputTransition transition)
    {
        lock (_sync)
        {
            foreach (OutputTransition t in _transitions)
            {
                if (t.Energized == energized && t.PhysicalUs >= fromPhysicalUs)
                {
                    transition = t;
                    return true;
                }
            }
        }

        transition = default;
        return false;
    }

    /// <summary>Board power: off drops the output (and it stays off until the node writes it again).</summary>
    public void SetPowered(bool powered)
    {
        lock (_sync)
        {
            bool before = EnergizedLocked;
            _powered = powered;
            if (!powered)
            {
                // The pin's latch loses its state with the MCU; after power-on it starts de-energized.
                _pinEnergized = false;
            }

            Record(before, OutputChangeCause.PowerLoss);
        }
    }

    /// <summary>The external watchdog holding the output off (true) or releasing it.</summary>
    public void SetForcedOff(bool forcedOff)
    {
        lock (_sync)
        {
            bool before = EnergizedLocked;
            _forcedOff = forcedOff;
            Record(before, OutputChangeCause.Watchdog);
        }
    }

    private bool EnergizedLocked => _pinEnergized && _powered && !_forcedOff;

    private void Record(bool before, OutputChangeCause cause)
    {
        bool after = EnergizedLocked;
        if (after == before)
        {
            return;
        }

        if (_transitions.Count >= TransitionsMax)
        {
            _transitions.RemoveAt(0);
            TransitionsDropped++;
        }

        ulong physical = _time.PhysicalUs;
        _transitions.Add(new OutputTransition(physical, _time.NowUs, after, cause));
    }
}
