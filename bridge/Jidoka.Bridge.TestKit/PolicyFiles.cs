using System.Collections.Generic;
using Jidoka.Bridge.Contracts;

namespace Jidoka.Bridge.TestKit;

/// <summary>Policy documents for the tests.</summary>
public static class PolicyFiles
{
    public static PolicyDocument Valid(uint id) => new()
    {
        PolicyId = id,
        ForceLimitMilliNewtons = 450_000,
        ForceWarnMilliNewtons = 400_000,
        ForceOverLimitMs = 3,
        ForceRangeMinMilliNewtons = -10_000,
        ForceRangeMaxMilliNewtons = 1_000_000,
        ForceStuckMs = 50,
        VisionMinConfidence = 8000,
        VisionMaxAgeMs = 200,
        InterlockDebounceMs = 10,
        DiscrepancyMs = 100,
        LoopPeriodUs = 1000,
        LoopDeadlineUs = 800,
        Responses = new Dictionary<string, string>
        {
            ["force-over-limit"] = "regrip",
            ["vision-low-confidence"] = "reinspect",
            ["vision-stale"] = "reinspect",
            ["interlock-open"] = "pause",
            ["channel-discrepancy"] = "maintenance",
            ["sensor-fault"] = "recalibrate",
            ["loop-overrun"] = "maintenance",
        },
    };
}
