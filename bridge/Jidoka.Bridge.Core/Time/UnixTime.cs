using System;

namespace Jidoka.Bridge;

/// <summary>Conversions between <see cref="DateTimeOffset"/> and the Unix µs the protocol and store use.</summary>
public static class UnixTime
{
    /// <summary>Unix µs of <paramref name="time"/>.</summary>
    public static long ToUnixUs(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>The instant <paramref name="unixUs"/> Unix µs names.</summary>
    public static DateTimeOffset FromUnixUs(long unixUs) => DateTimeOffset.UnixEpoch.AddTicks(unixUs * 10);
}
