using System;
using System.Globalization;

namespace Jidoka.Cli.Output;

/// <summary>How the tool writes times, durations and values for people.</summary>
public static class Format
{
    /// <summary>A Unix µs wall time as "2025-03-01 10:00:00.123Z".</summary>
    public static string Wall(long unixUs) =>
        DateTimeOffset.UnixEpoch.AddTicks(unixUs * 10).ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A duration in µs, in the largest unit that keeps it readable: "850 µs", "12.5 ms", "3.20 s", "4m05s", "2h10m".</summary>
    public static string Duration(double us)
    {
        double a = Math.Abs(us);
        string sign = us < 0 ? "-" : "";
        if (a < 1000)
        {
            return sign + a.ToString("0", CultureInfo.InvariantCulture) + " µs";
        }

        if (a < 1_000_000)
        {
            return sign + (a / 1000).ToString("0.##", CultureInfo.InvariantCulture) + " ms";
        }

        if (a < 60_000_000)
        {
            return sign + (a / 1_000_000).ToString("0.00", CultureInfo.InvariantCulture) + " s";
        }

        var span = TimeSpan.FromMicroseconds(a);
        return sign + (span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{span.Minutes:00}m")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m{span.Seconds:00}s"));
    }

    /// <summary>An optional duration, "-" when absent.</summary>
    public static string Duration(double? us) => us is double v ? Duration(v) : "-";

    /// <summary>An optional duration, "-" when absent.</summary>
    public static string Duration(long? us) => us is long v ? Duration((double)v) : "-";

    /// <summary>Seconds of uptime as "1h00m" or "42s".</summary>
    public static string Uptime(long seconds) => seconds < 60
        ? seconds.ToString(CultureInfo.InvariantCulture) + "s"
        : Duration(seconds * 1_000_000.0);

    /// <summary>Milli-newtons as newtons: "452.3 N".</summary>
    public static string Force(long milliNewtons) => (milliNewtons / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " N";

    /// <summary>Vision confidence (1/10 000) as a percentage: "97.0 %".</summary>
    public static string Confidence(long perTenThousand) => (perTenThousand / 100.0).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>A ratio 0..1 as a percentage, "-" when absent.</summary>
    public static string Percent(double? ratio) => ratio is double r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "-";

    /// <summary>A ratio, "-" when absent.</summary>
    public static string Ratio(double? ratio) => ratio is double r ? r.ToString("0.##", CultureInfo.InvariantCulture) : "-";

    /// <summary>A time quality with its bound: "synced ±850 µs", "unsynced".</summary>
    public static string TimeQuality(string quality, uint uncertaintyUs) =>
        quality == "unsynced" ? quality : quality + " ±" + Duration((double)uncertaintyUs);

    /// <summary>An integer.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
