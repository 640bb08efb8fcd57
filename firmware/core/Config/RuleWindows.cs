using Jidoka.Protocol;

namespace Jidoka.Node.Config
{
    /// <summary>
    /// Turns the policy's force windows (ms) into the reading counts the force rules compare against. A node
    /// does this once, when a policy is applied, so the trip loop compares integers and the same policy means
    /// the same time at any loop period.
    /// </summary>
    public static class RuleWindows
    {
        /// <summary>Fewest readings an over-limit window may span: one reading over the limit trips.</summary>
        public const int OverLimitReadingsMin = 1;

        /// <summary>Fewest readings a stuck window may span: "identical" needs a second reading to compare.</summary>
        public const int StuckReadingsMin = 2;

        /// <summary>
        /// Time between two force readings the rules count, µs: the loop period, or the front end's own
        /// reading interval when that is longer (counting is per new reading, not per step).
        /// </summary>
        public static uint SampleIntervalUs(PolicyRecord policy, NodeConfig config)
        {
            uint loopUs = policy.LoopPeriodUs;
            return config.ForceReadingIntervalUs > loopUs ? config.ForceReadingIntervalUs : loopUs;
        }

        /// <summary>
        /// Readings that span <paramref name="windowMs"/> at <paramref name="intervalUs"/> per reading:
        /// ceil(windowMs × 1000 / intervalUs), so a window is never shortened by rounding. 0 when the interval is 0.
        /// </summary>
        public static int Readings(ushort windowMs, uint intervalUs)
        {
            if (intervalUs == 0)
            {
                return 0;
            }

            ulong windowUs = (ulong)windowMs * 1000;
            return (int)((windowUs + intervalUs - 1) / intervalUs);
        }

        /// <summary>
        /// Why this board cannot honour the policy's force windows at its sample interval, or
        /// <see cref="PolicyProblem.None"/>: an over-limit window shorter than one reading, or a stuck window
        /// shorter than two, would be stretched by the node rather than met, so it is refused instead.
        /// </summary>
        public static PolicyProblem Check(PolicyRecord policy, NodeConfig config)
        {
            uint intervalUs = SampleIntervalUs(policy, config);
            if ((ulong)policy.ForceOverLimitMs * 1000 < (ulong)intervalUs * OverLimitReadingsMin)
            {
                return PolicyProblem.ForceOverLimitMs;
            }

            if ((ulong)policy.ForceStuckMs * 1000 < (ulong)intervalUs * StuckReadingsMin)
            {
                return PolicyProblem.ForceStuckMs;
            }

            return PolicyProblem.None;
        }
    }
}
