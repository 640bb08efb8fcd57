using System;
using System.Collections.Generic;

namespace Jidoka.Bridge.Governance;

/// <summary>Percentiles by the nearest-rank method: the result is always a value that was observed.</summary>
public static class Percentile
{
    /// <summary>
    /// The <paramref name="fraction"/> percentile (0 &lt; fraction ≤ 1) of <paramref name="sortedAscending"/>:
    /// the ⌈fraction·n⌉-th smallest value. For 20 values the 95th percentile is the 19th; for fewer than
    /// 20 it is the largest.
    /// </summary>
    public static long NearestRank(IReadOnlyList<long> sortedAscending, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sortedAscending);
        if (sortedAscending.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(sortedAscending));
        }

        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "Must be in (0, 1].");
        }

        // Integer arithmetic on per-mille ranks avoids 0.95 * 20 = 18.999... rounding up to 20.
        long perMille = (long)Math.Round(fraction * 1000);
        long rank = ((perMille * sortedAscending.Count) + 999) / 1000;
        return sortedAscending[(int)Math.Clamp(rank, 1, sortedAscending.Count) - 1];
    }
}
