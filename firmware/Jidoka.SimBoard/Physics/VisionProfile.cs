using System;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Physics;

/// <summary>
/// What the vision system reports over time: a confidence score in 1/10 000 for each frame it produces,
/// or nothing (a dropout: it stopped sending). Pure functions of time, like <see cref="ForceProfile"/>.
/// </summary>
public abstract class VisionProfile
{
    /// <summary>The score the vision system produces for a frame at simulation time <paramref name="us"/>; false when it produces none.</summary>
    public abstract bool TryScoreAt(ulong us, out int score);

    /// <summary>A steady score with optional noise (rms, 1/10 000), noise indexed by time from <paramref name="seed"/>.</summary>
    public static VisionProfile Nominal(int score, double noiseRms = 0, ulong seed = 0) =>
        new Lambda(t => Clamp(score + (noiseRms > 0 ? noiseRms * SimRandom.GaussianAt(seed, t / 1000) : 0)));

    /// <summary>A score falling linearly from <paramref name="from"/> to <paramref name="to"/> over [startUs, startUs + durationUs] (a lens fogging, lighting failing).</summary>
    public static VisionProfile Degrading(int from, int to, ulong startUs, ulong durationUs) => new Lambda(t =>
    {
        if (t <= startUs)
        {
            return from;
        }

        if (durationUs == 0 || t >= startUs + durationUs)
        {
            return to;
        }

        return Clamp(from + ((to - from) * (double)(t - startUs) / durationUs));
    });

    /// <summary>This profile with no output during [<paramref name="startUs"/>, startUs + durationUs) (the vision system stopped sending).</summary>
    public VisionProfile WithDropout(ulong startUs, ulong durationUs) => new Gated(this, t => t < startUs || t >= startUs + durationUs);

    /// <summary>This profile until <paramref name="switchUs"/>, then <paramref name="next"/>.</summary>
    public VisionProfile Then(ulong switchUs, VisionProfile next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new Switch(this, switchUs, next);
    }

    /// <summary>No output at all (the vision system is off).</summary>
    public static VisionProfile Silent { get; } = new Gated(new Lambda(_ => 0), _ => false);

    private static int Clamp(double score) => (int)Math.Round(Math.Clamp(score, 0, 10_000));

    private sealed class Lambda(Func<ulong, int> f) : VisionProfile
    {
        public override bool TryScoreAt(ulong us, out int score)
        {
            score = f(us);
            return true;
        }
    }

    private sealed class Gated(VisionProfile inner, Func<ulong, bool> producing) : VisionProfile
    {
        public override bool TryScoreAt(ulong us, out int score)
        {
            score = 0;
            return producing(us) && inner.TryScoreAt(us, out score);
        }
    }

    private sealed class Switch(VisionProfile first, ulong switchUs, VisionProfile next) : VisionProfile
    {
        public override bool TryScoreAt(ulong us, out int score) => us < switchUs ? first.TryScoreAt(us, out score) : next.TryScoreAt(us, out score);
    }
}
