using System;

namespace Jidoka.Bridge.Hosting;

/// <summary>
/// When the reconnect loop says so: the first failed attempt of an outage, then at most once per
/// <see cref="Interval"/>, each line with the attempts and the outage's length so far, so that a broker
/// down for an hour costs 60 log lines instead of 3600. Not thread-safe: one reconnect loop owns it.
/// </summary>
public sealed class ReconnectLogLimiter
{
    /// <summary>Least time between two lines of one outage.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _outageStart;
    private DateTimeOffset _lastLogged;

    /// <summary>Attempts in the current outage.</summary>
    public int Attempts { get; private set; }

    /// <summary>Counts an attempt at <paramref name="now"/>; true when it should be logged, with the outage's length so far.</summary>
    public bool ShouldLog(DateTimeOffset now, out TimeSpan outage)
    {
        Attempts++;
        _outageStart ??= now;
        outage = now - _outageStart.Value;
        if (Attempts == 1 || now - _lastLogged >= Interval)
        {
            _lastLogged = now;
            return true;
        }

        return false;
    }

    /// <summary>Ends the outage (connected again); returns its attempts and length.</summary>
    public (int Attempts, TimeSpan Outage) Reset(DateTimeOffset now)
    {
        var result = (Attempts, _outageStart is { } start ? now - start : TimeSpan.Zero);
        Attempts = 0;
        _outageStart = null;
        return result;
    }
}
