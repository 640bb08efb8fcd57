using System;
using Jidoka.Protocol;

namespace Jidoka.Hil.Scenarios;

/// <summary>Applies a scenario's <see cref="PolicySpec"/> to a policy record.</summary>
public static class PolicySpecs
{
    /// <summary>Sets every field <paramref name="spec"/> names on <paramref name="policy"/> (newtons become milli-newtons).</summary>
    public static void ApplyTo(this PolicySpec? spec, PolicyRecord policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (spec == null)
        {
            return;
        }

        if (spec.PolicyId is uint id)
        {
            policy.PolicyId = id;
        }

        if (spec.ForceLimitN is double limit)
        {
            policy.ForceLimitMilliNewtons = (int)Math.Round(limit * 1000);
        }

        if (spec.ForceWarnN is double warn)
        {
            policy.ForceWarnMilliNewtons = (int)Math.Round(warn * 1000);
        }

        if (spec.ForceOverLimitMs is int over)
        {
            policy.ForceOverLimitMs = (ushort)over;
        }

        if (spec.ForceStuckMs is int stuck)
        {
            policy.ForceStuckMs = (ushort)stuck;
        }

        if (spec.VisionMinConfidence is int min)
        {
            policy.VisionMinConfidence = (ushort)min;
        }

        if (spec.VisionMaxAgeMs is int age)
        {
            policy.VisionMaxAgeMs = (ushort)age;
        }

        if (spec.DiscrepancyMs is int discrepancy)
        {
            policy.DiscrepancyMs = (ushort)discrepancy;
        }
    }
}
