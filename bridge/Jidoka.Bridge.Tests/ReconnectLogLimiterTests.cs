using System;
using System.Linq;
using Jidoka.Bridge.Hosting;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>The reconnect loop tries every second; its log line comes once at the start of an outage and then once a minute.</summary>
public sealed class ReconnectLogLimiterTests
{
    [Fact]
    public void An_hour_of_one_second_attempts_logs_61_lines_and_a_new_outage_logs_at_once()
    {
        var limiter = new ReconnectLogLimiter();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        int logged = Enumerable.Range(0, 3601).Count(s => limiter.ShouldLog(start.AddSeconds(s), out _));
        Assert.Equal(61, logged);
        Assert.True(limiter.ShouldLog(start.AddSeconds(3660), out TimeSpan outage));
        Assert.Equal(TimeSpan.FromSeconds(3660), outage);

        (int attempts, TimeSpan length) = limiter.Reset(start.AddSeconds(3661));
        Assert.Equal(3602, attempts);
        Assert.Equal(TimeSpan.FromSeconds(3661), length);
        Assert.True(limiter.ShouldLog(start.AddSeconds(3662), out TimeSpan second));
        Assert.Equal(TimeSpan.Zero, second);
        Assert.False(limiter.ShouldLog(start.AddSeconds(3663), out _));
    }
}
