using Jidoka.Protocol;
using Jidoka.SimBoard.Nodes;

namespace Jidoka.Node.TestKit;

/// <summary>
/// The one standard policy the host-side node tests, benchmarks and board-logic tests run under: the
/// simulated board's policy (policy 1 of board-configs/simulated.json: 1 ms loop, 800 µs deadline, 3 samples
/// over the limit, 5 ms interlock debounce, and its response class per rule) with the node tests' wider
/// limits: force limit 450 N with a warning band from 350 N in a -50..1000 N range, stuck after 500
/// samples, vision at least 0.5 and at most 200 ms old, 50 ms discrepancy time. A test that needs another
/// value changes the returned copy, so the difference is written where it matters.
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
        PolicyRecord p = SimulatedBoardConfig.DefaultPolicy();
        p.PolicyId = id;
        p.ForceLimitMilliNewtons = 450_000;
        p.ForceWarnMilliNewtons = 350_000;
        p.ForceRangeMinMilliNewtons = -50_000;
        p.ForceRangeMaxMilliNewtons = 1_000_000;
        p.ForceStuckMs = 500;
        p.VisionMinConfidence = 5000;
        p.VisionMaxAgeMs = 200;
        p.DiscrepancyMs = 50;
        return p;
    }
}
