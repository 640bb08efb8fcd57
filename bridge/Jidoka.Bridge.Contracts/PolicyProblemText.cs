using Jidoka.Protocol;

namespace Jidoka.Bridge.Contracts;

/// <summary>What each <see cref="PolicyProblem"/> means, in words for the person who wrote the policy.</summary>
public static class PolicyProblemText
{
    /// <summary>A sentence for <paramref name="problem"/>.</summary>
    public static string Describe(PolicyProblem problem) => problem switch
    {
        PolicyProblem.None => "the policy is valid",
        PolicyProblem.PolicyId => "policyId must be 1 or more",
        PolicyProblem.ForceLimit => "forceLimitMilliNewtons must be above 0 and below forceRangeMaxMilliNewtons",
        PolicyProblem.ForceWarn => "forceWarnMilliNewtons must be above 0 and below forceLimitMilliNewtons",
        PolicyProblem.ForceOverLimitMs => "forceOverLimitMs must be 1..1000 ms and at least one reading interval of the node",
        PolicyProblem.ForceRange => "forceRangeMinMilliNewtons must be below the warning threshold and forceRangeMaxMilliNewtons above the limit",
        PolicyProblem.ForceStuckMs => "forceStuckMs must be 2 ms or more and at least two reading intervals of the node",
        PolicyProblem.VisionMinConfidence => "visionMinConfidence must be at most 10000",
        PolicyProblem.VisionMaxAge => "visionMaxAgeMs must be 1..60000",
        PolicyProblem.InterlockDebounce => "interlockDebounceMs must be at most 1000",
        PolicyProblem.DiscrepancyTime => "discrepancyMs must be 1..10000 and longer than interlockDebounceMs",
        PolicyProblem.LoopPeriod => "loopPeriodUs must be 100..100000",
        PolicyProblem.LoopDeadline => "loopDeadlineUs must be 1..loopPeriodUs",
        PolicyProblem.ResponseClass => "every rule that trips needs a response class",
        _ => "unknown problem",
    };
}
