using System;
using System.Globalization;

namespace Jidoka.Bridge.TwinFeed.Http;

/// <summary>Wall-clock times as query parameters write them.</summary>
public static class TimeText
{
    /// <summary>
    /// Parses an integer of Unix microseconds, or an ISO 8601 time that starts with a date
    /// (yyyy-MM-dd; no offset means UTC). A '+' of an offset that arrived as a space (an unencoded
    /// query string) is put back.
    /// </summary>
    public static bool TryParseUnixUs(string text, out long unixUs)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out unixUs))
        {
            return true;
        }

        if (text.Length < 10 || !char.IsAsciiDigit(text[0]) || text[4] != '-' || text[7] != '-')
        {
            unixUs = 0;
            return false;
        }

        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out DateTimeOffset time)
            || DateTimeOffset.TryParse(text.Replace(' ', '+'), CultureInfo.InvariantCulture, styles, out time))
        {
            unixUs = UnixTime.ToUnixUs(time);
            return true;
        }

        unixUs = 0;
        return false;
    }
}
