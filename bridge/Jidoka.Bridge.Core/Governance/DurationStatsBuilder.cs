using System.Collections.Generic;
using System.Linq;

namespace Jidoka.Bridge.Governance;

/// <summary>Builds <see cref="DurationSummary"/> (count, mean, nearest-rank p95) from durations in µs.</summary>
public static class DurationStatsBuilder
{
    /// <summary>The 95th percentile's fraction.</summary>
    public const double P95 = 0.95;

    /// <summary>Statistics of <paramref name="durationsUs"/>.</summary>
    public static DurationSummary From(IEnumerable<long> durationsUs)
    {
        List<long> sorted = durationsUs.OrderBy(d => d).ToList();
        if (sorted.Count == 0)
        {
            return new DurationSummary(0, null, null);
        }

        // The sum of up to a million durations of at most hours in µs stays far inside a long; the
        // mean is taken in decimal so that hand-computed expectations are exact.
        decimal sum = 0;
        foreach (long d in sorted)
        {
            sum += d;
        }

        return new DurationSummary(sorted.Count, (double)(sum / sorted.Count), Percentile.NearestRank(sorted, P95));
    }
}
