using System;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Network;

/// <summary>
/// Exponential reconnect back-off with full jitter (AWS architecture blog's "full jitter"): the n-th
/// consecutive failure waits a uniform time in [0, min(cap, base·2ⁿ)], so fifty nodes that lost the broker
/// together do not all come back in the same millisecond. Jitter comes from a seeded stream.
/// </summary>
public sealed class ReconnectBackoff
{
    private readonly SimRandom _random;
    private readonly object _sync = new();
    private int _failures;

    /// <summary>
    /// Shortest wait before any reconnect attempt, µs. The core notices a lost session only by polling
    /// <c>IsConnected</c> once per communication round; a link that came back before the next round would
    /// hide the drop, and the core would not subscribe again on the new clean session. Waiting several
    /// rounds makes every drop visible.
    /// </summary>
    public const ulong MinimumDelayUs = 50_000;

    /// <summary>Creates the policy.</summary>
    public ReconnectBackoff(ulong baseUs, ulong capUs, SimRandom random)
    {
        if (baseUs == 0 || capUs < baseUs)
        {
            throw new ArgumentOutOfRangeException(nameof(capUs));
        }

        BaseUs = baseUs;
        CapUs = capUs;
        _random = random ?? throw new ArgumentNullException(nameof(random));
    }

    /// <summary>First back-off ceiling, µs.</summary>
    public ulong BaseUs { get; }

    /// <summary>Largest back-off, µs.</summary>
    public ulong CapUs { get; }

    /// <summary>Consecutive failures so far.</summary>
    public int Failures
    {
        get
        {
            lock (_sync)
            {
                return _failures;
            }
        }
    }

    /// <summary>Records a failure (or a drop) and returns how long to wait before the next attempt, µs (at least <see cref="MinimumDelayUs"/>).</summary>
    public ulong NextDelayUs()
    {
        lock (_sync)
        {
            int n = Math.Min(_failures, 30);
            _failures++;
            ulong ceiling = Math.Min(CapUs, BaseUs << n);
            return MinimumDelayUs + (ulong)_random.NextLong((long)ceiling);
        }
    }

    /// <summary>Records a success: the next failure starts from the base again.</summary>
    public void Reset()
    {
        lock (_sync)
        {
            _failures = 0;
        }
    }
}
