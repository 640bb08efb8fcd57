using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Jidoka.Cli.Commands;

/// <summary>Times on the command line: "2h" ago, or an ISO 8601 time, turned into Unix µs for the bridge.</summary>
public static partial class TimeArgument
{
    /// <summary>
    /// Parses "90s", "15m", "2h", "7d" (that long before <paramref name="now"/>), or an ISO 8601 time
    /// that starts with a date ("2025-03-01T10:00:00Z"; no offset means UTC).
    /// </summary>
    public static long ToUnixUs(string option, string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        Match relative = Relative().Match(text);
        if (relative.Success && long.TryParse(relative.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long amount) && amount <= 100_000)
        {
            TimeSpan span = relative.Groups[2].Value switch
            {
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            return (now - span).ToUnixTimeMilliseconds() * 1000;
        }

        if (text.Length >= 10 && text[4] == '-' && text[7] == '-'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset time))
        {
            return (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        }

        throw new CliError(ExitCodes.Usage, $"{option} '{text}' is neither a span back from now (90s, 15m, 2h, 7d) nor an ISO 8601 time (2025-03-01T10:00:00Z).");
    }

    [GeneratedRegex("^([0-9]{1,6})(s|m|h|d)$")]
    private static partial Regex Relative();
}
