using Jidoka.Protocol;

namespace Jidoka.Node.TestKit;

/// <summary>
/// The one standard policy the host-side node tests, benchmarks and board-logic tests run under: 1 ms loop,
/// force limit 450 N over 3 samples with a warning band from 350 N, vision at least 0.5 and at most 200 ms
/// old, 5 ms interlock debounce, 50 ms discrepancy time, and a response class per rule. A test that needs
/// another value changes the returned copy, so the difference is written where it matters.
/// </summary>
public static class StandardPolicy
{
    /// <summary>Loop period, µs.</summary>
    public const uint LoopPeriodUs = 1000;

    /// <summary>Default policy id.</summary>
    public const uint Id = 7;

    /// <summary>A new copy of the standard policy under <paramref name="id"/>.</summary>
    public static PolicyRecord Create(uint id = Id)
    {
        var p = new PolicyRecord
        {
            PolicyId = id,
            ForceLimitMilliNewtons = 450_000,
            ForceWarnMilliNewtons = 350_000,
            ForceOverLimitSamples = 3,
            ForceRangeMinMilliNewtons = -50_000,
            ForceRangeMaxMilliNewtons = 1_000_000,
            ForceStuckSamples = 500,
            VisionMinConfidence = 5000,
            VisionMaxAgeMs = 200,
            InterlockDebounceMs = 5,
            DiscrepancyMs = 50,
            LoopPeriodUs = LoopPeriodUs,
            LoopDeadlineUs = 800,
        };
        p.SetResponse(TripRule.ForceOverLimit, ResponseClass.Regrip);
        p.SetResponse(TripRule.VisionLowConfidence, ResponseClass.Reinspect);
        p.SetResponse(TripRule.VisionStale, ResponseClass.Reinspect);
        p.SetResponse(TripRule.InterlockOpen, ResponseClass.Pause);
        p.SetResponse(TripRule.ChannelDiscrepancy, ResponseClass.Maintenance);
        p.SetResponse(TripRule.SensorFault, ResponseClass.Recalibrate);
        p.SetResponse(TripRule.LoopOverrun, ResponseClass.Maintenance);
        return p;
    }
}
