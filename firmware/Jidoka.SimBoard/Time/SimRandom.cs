using System;

namespace Jidoka.SimBoard.Time;

/// <summary>
/// The simulation's only source of randomness: xoshiro256** seeded through SplitMix64. Every random
/// choice of a run (latencies, bounce edges, noise, torn-write lengths) comes from one root seed, so a
/// failing run replays exactly from that seed. Streams are forked by name (<see cref="Fork"/>) rather
/// than drawn in sequence, so adding a node or a fault does not shift the numbers every other part sees.
/// </summary>
/// <remarks>
/// System.Random is not used: its seeded algorithm is an implementation detail of the runtime, and a
/// replay must give the same numbers on every SDK that builds this project.
/// </remarks>
public sealed class SimRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a stream from <paramref name="seed"/>.</summary>
    public SimRandom(ulong seed)
    {
        Seed = seed;
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The seed this stream was created from.</summary>
    public ulong Seed { get; }

    /// <summary>
    /// An independent stream named <paramref name="label"/>, derived from this stream's seed only (not
    /// from how many numbers have been drawn), so forks are stable however the run unfolds.
    /// </summary>
    public SimRandom Fork(string label) => new SimRandom(Mix(Seed, HashLabel(label)));

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public long NextLong(long maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive));
        }

        // Rejection sampling keeps the distribution exactly uniform.
        ulong bound = (ulong)maxExclusive;
        ulong limit = ulong.MaxValue - (ulong.MaxValue % bound);
        ulong r;
        do
        {
            r = NextUInt64();
        }
        while (r >= limit);
        return (long)(r % bound);
    }

    /// <summary>Uniform integer in [<paramref name="min"/>, <paramref name="max"/>] (both inclusive).</summary>
    public long NextRange(long min, long max)
    {
        if (max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max));
        }

        return max == min ? min : min + NextLong(max - min + 1);
    }

    /// <summary>Uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="probability"/> (0 never draws a number).</summary>
    public bool Chance(double probability)
    {
        if (probability <= 0)
        {
            return false;
        }

        return probability >= 1 || NextDouble() < probability;
    }

    /// <summary>A standard normal deviate (Box–Muller).</summary>
    public double NextGaussian() => Gaussian(NextUInt64(), NextUInt64());

    /// <summary>
    /// A stateless random value for (<paramref name="seed"/>, <paramref name="index"/>): noise indexed by
    /// time gives the same value however often, and in whatever order, a signal is sampled.
    /// </summary>
    public static ulong Hash(ulong seed, ulong index) => Mix(seed, index);

    /// <summary>A standard normal deviate that depends only on (<paramref name="seed"/>, <paramref name="index"/>).</summary>
    public static double GaussianAt(ulong seed, ulong index) => Gaussian(Mix(seed, index * 2), Mix(seed, (index * 2) + 1));

    /// <summary>Combines a seed and a label into a child seed.</summary>
    public static ulong Derive(ulong seed, string label) => Mix(seed, HashLabel(label));

    private static double Gaussian(ulong a, ulong b)
    {
        double u1 = ((a >> 11) + 1) * (1.0 / ((1UL << 53) + 1));
        double u2 = (b >> 11) * (1.0 / (1UL << 53));
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong HashLabel(string label)
    {
        // FNV-1a over UTF-16 code units: stable across runs and platforms, unlike string.GetHashCode.
        ulong h = 14695981039346656037UL;
        foreach (char c in label)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        return h;
    }

    private static ulong Mix(ulong a, ulong b)
    {
        ulong x = a ^ (b * 0x9E3779B97F4A7C15UL);
        return SplitMix(ref x);
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        ulong z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
