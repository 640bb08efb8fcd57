using System;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Physics;

/// <summary>
/// The force on the load cell as a function of simulation time, in milli-newtons. Profiles are pure
/// functions of time (noise included: it is indexed by time, not drawn per call), so a sensor can sample
/// them at any instant, any number of times, in any order, and a run stays deterministic. Compose them
/// with <c>+</c>, <see cref="Then"/>, <see cref="Clamp"/> and <see cref="Shift"/>; build them with the
/// static factories (approach, contact, press, release, drift, noise, spikes, saturation).
/// </summary>
public abstract class ForceProfile
{
    /// <summary>Force at simulation time <paramref name="us"/>, mN.</summary>
    public abstract double MilliNewtonsAt(ulong us);

    /// <summary>Sum of two profiles (a press plus drift plus noise).</summary>
    public static ForceProfile operator +(ForceProfile a, ForceProfile b) => new Func2(a, b, (x, y) => x + y);

    /// <summary>A profile that is zero everywhere.</summary>
    public static ForceProfile Zero { get; } = Constant(0);

    /// <summary>Constant force.</summary>
    public static ForceProfile Constant(double milliNewtons) => new Lambda(_ => milliNewtons);

    /// <summary>Linear ramp from <paramref name="fromMn"/> at <paramref name="startUs"/> to <paramref name="toMn"/> after <paramref name="durationUs"/>; flat outside.</summary>
    public static ForceProfile Ramp(ulong startUs, ulong durationUs, double fromMn, double toMn) => new Lambda(t =>
    {
        if (t <= startUs)
        {
            return fromMn;
        }

        if (durationUs == 0 || t >= startUs + durationUs)
        {
            return toMn;
        }

        return fromMn + ((toMn - fromMn) * (t - startUs) / durationUs);
    });

    /// <summary>
    /// Gripper approach: no contact, only the small preload of the tooling (<paramref name="preloadMn"/>)
    /// from <paramref name="startUs"/> until the part is touched at <paramref name="contactUs"/>.
    /// </summary>
    public static ForceProfile Approach(ulong startUs, ulong contactUs, double preloadMn) =>
        new Lambda(t => t >= startUs && t < contactUs ? preloadMn : 0);

    /// <summary>
    /// One press cycle: approach (preload only), contact (a smooth rise to <paramref name="contactMn"/>),
    /// press (a ramp to <paramref name="pressMn"/>, held), release (a smooth fall to zero).
    /// </summary>
    public static ForceProfile PressCycle(ulong startUs, PressCycleTiming timing, double contactMn, double pressMn, double preloadMn = 0)
    {
        ArgumentNullException.ThrowIfNull(timing);
        ulong contact = startUs + timing.ApproachUs;
        ulong press = contact + timing.ContactUs;
        ulong hold = press + timing.PressRampUs;
        ulong release = hold + timing.HoldUs;
        ulong end = release + timing.ReleaseUs;
        return new Lambda(t =>
        {
            if (t < startUs || t >= end)
            {
                return 0;
            }

            if (t < contact)
            {
                return preloadMn;
            }

            if (t < press)
            {
                return preloadMn + ((contactMn - preloadMn) * SmoothStep(t - contact, timing.ContactUs));
            }

            if (t < hold)
            {
                return contactMn + ((pressMn - contactMn) * (t - press) / Math.Max(1.0, timing.PressRampUs));
            }

            if (t < release)
            {
                return pressMn;
            }

            return pressMn * (1 - SmoothStep(t - release, timing.ReleaseUs));
        });
    }

    /// <summary>Slow drift (a warming load cell, a creeping fixture): <paramref name="mnPerSecond"/> from <paramref name="startUs"/> on.</summary>
    public static ForceProfile Drift(ulong startUs, double mnPerSecond) =>
        new Lambda(t => t <= startUs ? 0 : mnPerSecond * (t - startUs) / 1_000_000.0);

    /// <summary>
    /// Gaussian noise of <paramref name="rmsMn"/>, a new value every <paramref name="correlationUs"/>
    /// (held between), indexed by time from <paramref name="seed"/>.
    /// </summary>
    public static ForceProfile Noise(ulong seed, double rmsMn, ulong correlationUs = 100)
    {
        ulong step = Math.Max(1, correlationUs);
        return new Lambda(t => rmsMn * SimRandom.GaussianAt(seed, t / step));
    }

    /// <summary>A rectangular spike of <paramref name="amplitudeMn"/> on [<paramref name="atUs"/>, atUs + widthUs): the crossing time is exact.</summary>
    public static ForceProfile Spike(ulong atUs, ulong widthUs, double amplitudeMn) =>
        new Lambda(t => t >= atUs && t < atUs + widthUs ? amplitudeMn : 0);

    /// <summary>
    /// Spikes at random times: on average one per <paramref name="meanIntervalUs"/>, each
    /// <paramref name="widthUs"/> wide with an amplitude up to <paramref name="maxAmplitudeMn"/>, placed from
    /// <paramref name="seed"/> (one candidate slot per interval).
    /// </summary>
    public static ForceProfile RandomSpikes(ulong seed, ulong meanIntervalUs, ulong widthUs, double maxAmplitudeMn)
    {
        if (meanIntervalUs <= widthUs)
        {
            throw new ArgumentOutOfRangeException(nameof(meanIntervalUs), "spikes must be narrower than their interval");
        }

        return new Lambda(t =>
        {
            ulong slot = t / meanIntervalUs;
            ulong h = SimRandom.Hash(seed, slot);
            if ((h & 1) == 0)
            {
                return 0;
            }

            ulong start = (slot * meanIntervalUs) + ((h >> 1) % (meanIntervalUs - widthUs));
            double amplitude = maxAmplitudeMn * ((h >> 40) / (double)(1UL << 24));
            return t >= start && t < start + widthUs ? amplitude : 0;
        });
    }

    /// <summary>This profile clamped to [<paramref name="minMn"/>, <paramref name="maxMn"/>] (a mechanical stop, an overload limit).</summary>
    public ForceProfile Clamp(double minMn, double maxMn) => new Func1(this, x => Math.Clamp(x, minMn, maxMn));

    /// <summary>This profile delayed by <paramref name="delayUs"/> (zero before).</summary>
    public ForceProfile Shift(ulong delayUs) => new Lambda(t => t < delayUs ? 0 : MilliNewtonsAt(t - delayUs));

    /// <summary>This profile until <paramref name="switchUs"/>, then <paramref name="next"/> (in absolute time).</summary>
    public ForceProfile Then(ulong switchUs, ForceProfile next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new Lambda(t => t < switchUs ? MilliNewtonsAt(t) : next.MilliNewtonsAt(t));
    }

    /// <summary>This profile repeated every <paramref name="periodUs"/> (a cell pressing part after part).</summary>
    public ForceProfile Repeat(ulong periodUs)
    {
        if (periodUs == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(periodUs));
        }

        return new Lambda(t => MilliNewtonsAt(t % periodUs));
    }

    /// <summary>
    /// First time in [<paramref name="fromUs"/>, <paramref name="toUs"/>] at which the force is at or above
    /// <paramref name="thresholdMn"/>, searched every <paramref name="resolutionUs"/> (1 µs gives the exact
    /// crossing of a step). False when it never crosses. What a rig uses as "input crossing" time.
    /// </summary>
    public bool TryFindCrossing(double thresholdMn, ulong fromUs, ulong toUs, ulong resolutionUs, out ulong crossingUs)
    {
        ulong step = Math.Max(1, resolutionUs);
        for (ulong t = fromUs; t <= toUs; t += step)
        {
            if (MilliNewtonsAt(t) >= thresholdMn)
            {
                // Refine to the µs inside the last step.
                ulong lo = t >= step ? Math.Max(fromUs, t - step + 1) : fromUs;
                for (ulong u = lo; u <= t; u++)
                {
                    if (MilliNewtonsAt(u) >= thresholdMn)
                    {
                        crossingUs = u;
                        return true;
                    }
                }
            }
        }

        crossingUs = 0;
        return false;
    }

    private static double SmoothStep(ulong elapsed, ulong duration)
    {
        if (duration == 0)
        {
            return 1;
        }

        double x = Math.Clamp(elapsed / (double)duration, 0, 1);
        return x * x * (3 - (2 * x));
    }

    private sealed class Lambda(Func<ulong, double> f) : ForceProfile
    {
        public override double MilliNewtonsAt(ulong us) => f(us);
    }

    private sealed class Func1(ForceProfile a, Func<double, double> f) : ForceProfile
    {
        public override double MilliNewtonsAt(ulong us) => f(a.MilliNewtonsAt(us));
    }

    private sealed class Func2(ForceProfile a, ForceProfile b, Func<double, double, double> f) : ForceProfile
    {
        public override double MilliNewtonsAt(ulong us) => f(a.MilliNewtonsAt(us), b.MilliNewtonsAt(us));
    }
}

/// <summary>Phase durations of one press cycle, µs.</summary>
/// <param name="ApproachUs">Tool moving in, no contact.</param>
/// <param name="ContactUs">Rise from first touch to contact force.</param>
/// <param name="PressRampUs">Ramp from contact force to press force.</param>
/// <param name="HoldUs">Press force held.</param>
/// <param name="ReleaseUs">Fall to zero.</param>
public sealed record PressCycleTiming(ulong ApproachUs, ulong ContactUs, ulong PressRampUs, ulong HoldUs, ulong ReleaseUs)
{
    /// <summary>A 1.5 s cycle: 400 ms approach, 100 ms contact, 300 ms press ramp, 500 ms hold, 200 ms release.</summary>
    public static PressCycleTiming Typical { get; } = new(400_000, 100_000, 300_000, 500_000, 200_000);

    /// <summary>Sum of the phases.</summary>
    public ulong TotalUs => ApproachUs + ContactUs + PressRampUs + HoldUs + ReleaseUs;
}
