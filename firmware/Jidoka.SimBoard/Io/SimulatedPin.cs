using System;
using System.Collections.Generic;
using Jidoka.Node.Hardware;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Io;

/// <summary>How a contact bounces when it changes: a few extra edges within a short window (seeded).</summary>
/// <param name="MinExtraEdgePairs">Fewest extra open/close pairs per change.</param>
/// <param name="MaxExtraEdgePairs">Most extra pairs per change.</param>
/// <param name="WindowUs">All bounce edges fall within this long after the change, µs.</param>
public sealed record BounceSpec(int MinExtraEdgePairs, int MaxExtraEdgePairs, ulong WindowUs)
{
    /// <summary>A typical mechanical contact: 1–4 extra pairs within 3 ms.</summary>
    public static BounceSpec Typical { get; } = new(1, 4, 3000);
}

/// <summary>
/// One simulated input pin, already in its meaning (true = contact closed / button pressed), like the
/// board's GPIO after polarity. The contact can bounce (seeded edges after each change), stick (the pin
/// reads a fixed level whatever the contact does: a welded contact, a shorted wire), and it raises
/// <see cref="Changed"/> on every level change the pin sees, as the board's GPIO ValueChanged event
/// does.
/// </summary>
public sealed class SimulatedPin : IDigitalInput
{
    private readonly ISimScheduler _scheduler;
    private readonly SimRandom _random;
    private readonly object _sync = new();
    private readonly List<long> _pendingBounce = new();
    private bool _contact;
    private bool _bounceLevel;
    private bool? _stuck;

    /// <summary>Creates the pin with the contact at <paramref name="closed"/>.</summary>
    public SimulatedPin(string name, bool closed, ISimScheduler scheduler, SimRandom random)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _contact = closed;
        _bounceLevel = closed;
    }

    /// <summary>Pin name (for traces).</summary>
    public string Name { get; }

    /// <summary>Raised after every change of the level the pin reads (bounce edges included), on the thread that made it.</summary>
    public event Action<SimulatedPin>? Changed;

    /// <summary>Bounce applied to each contact change; null for a clean contact.</summary>
    public BounceSpec? Bounce { get; set; }

    /// <summary>Level changes the pin has seen, since creation.</summary>
    public long Edges { get; private set; }

    /// <summary>The contact's settled state (what the process did), regardless of bounce or a stuck pin.</summary>
    public bool ContactClosed
    {
        get
        {
            lock (_sync)
            {
                return _contact;
            }
        }
    }

    /// <summary>True while the pin is stuck.</summary>
    public bool IsStuck
    {
        get
        {
            lock (_sync)
            {
                return _stuck.HasValue;
            }
        }
    }

    /// <inheritdoc/>
    public bool Read()
    {
        lock (_sync)
        {
            return _stuck ?? _bounceLevel;
        }
    }

    /// <summary>Changes the contact now; with <see cref="Bounce"/> set, extra edges follow within its window.</summary>
    public void Set(bool closed)
    {
        List<bool> raised = new();
        lock (_sync)
        {
            foreach (long id in _pendingBounce)
            {
                _scheduler.Cancel(id);
            }

            _pendingBounce.Clear();
            _contact = closed;
            SetLevelLocked(closed, raised);
            BounceSpec? bounce = Bounce;
            if (bounce != null && bounce.MaxExtraEdgePairs > 0 && bounce.WindowUs > 1)
            {
                int pairs = (int)_random.NextRange(bounce.MinExtraEdgePairs, bounce.MaxExtraEdgePairs);
                ulong now = _scheduler.NowUs;
                var times = new List<ulong>(pairs * 2);
                for (int i = 0; i < pairs * 2; i++)
                {
                    times.Add(now + 1 + (ulong)_random.NextLong((long)bounce.WindowUs - 1));
                }

                times.Sort();
                for (int i = 0; i < times.Count; i++)
                {
                    bool level = i % 2 == 0 ? !closed : closed;
                    _pendingBounce.Add(_scheduler.At(times[i], () => BounceEdge(level)));
                }
            }
        }

        Raise(raised);
    }

    /// <summary>Makes the pin read <paramref name="level"/> whatever the contact does, until <see cref="Unstick"/>.</summary>
    public void StickAt(bool level)
    {
        bool before;
        lock (_sync)
        {
            before = _stuck ?? _bounceLevel;
            _stuck = level;
        }

        if (before != level)
        {
            RaiseOne();
        }
    }

    /// <summary>Frees a stuck pin: it reads the contact again.</summary>
    public void Unstick()
    {
        bool changed;
        lock (_sync)
        {
            changed = _stuck.HasValue && _stuck.Value != _bounceLevel;
            _stuck = null;
        }

        if (changed)
        {
            RaiseOne();
        }
    }

    private void BounceEdge(bool level)
    {
        List<bool> raised = new();
        lock (_sync)
        {
            SetLevelLocked(level, raised);
        }

        Raise(raised);
    }

    private void SetLevelLocked(bool level, List<bool> raised)
    {
        if (_bounceLevel == level)
        {
            return;
        }

        _bounceLevel = level;
        if (_stuck == null)
        {
            Edges++;
            raised.Add(level);
        }
    }

    private void Raise(List<bool> raised)
    {
        foreach (bool _ in raised)
        {
            Changed?.Invoke(this);
        }
    }

    private void RaiseOne()
    {
        lock (_sync)
        {
            Edges++;
        }

        Changed?.Invoke(this);
    }
}
