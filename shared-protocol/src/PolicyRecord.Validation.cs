namespace Jidoka.Protocol
{
    /// <summary>The range and consistency checks of a policy record.</summary>
    public sealed partial class PolicyRecord
    {
        /// <summary>
        /// Checks ranges and consistency. Node and bridge both call this, so a policy the bridge
        /// accepts is one every node accepts.
        /// </summary>
        public PolicyProblem Validate()
        {
            if (PolicyId == 0)
            {
                return PolicyProblem.PolicyId;
            }

            if (ForceRangeMinMilliNewtons >= ForceRangeMaxMilliNewtons)
            {
                return PolicyProblem.ForceRange;
            }

            if (ForceLimitMilliNewtons <= 0 || ForceLimitMilliNewtons >= ForceRangeMaxMilliNewtons)
            {
                return PolicyProblem.ForceLimit;
            }

            if (ForceWarnMilliNewtons <= 0 || ForceWarnMilliNewtons >= ForceLimitMilliNewtons)
            {
                return PolicyProblem.ForceWarn;
            }

            if (ForceRangeMinMilliNewtons >= ForceWarnMilliNewtons)
            {
                return PolicyProblem.ForceRange;
            }

            if (ForceOverLimitMs < 1 || ForceOverLimitMs > ForceOverLimitMsMax)
            {
                return PolicyProblem.ForceOverLimitMs;
            }

            if (ForceStuckMs < ForceStuckMsMin)
            {
                return PolicyProblem.ForceStuckMs;
            }

            if (VisionMinConfidence > ProtocolLimits.VisionConfidenceFullScale)
            {
                return PolicyProblem.VisionMinConfidence;
            }

            if (VisionMaxAgeMs < 1 || VisionMaxAgeMs > VisionMaxAgeMsMax)
            {
                return PolicyProblem.VisionMaxAge;
            }

            if (InterlockDebounceMs > InterlockDebounceMsMax)
            {
                return PolicyProblem.InterlockDebounce;
            }

            if (DiscrepancyMs < 1 || DiscrepancyMs > DiscrepancyMsMax || DiscrepancyMs <= InterlockDebounceMs)
            {
                return PolicyProblem.DiscrepancyTime;
            }

            if (LoopPeriodUs < LoopPeriodUsMin || LoopPeriodUs > LoopPeriodUsMax)
            {
                return PolicyProblem.LoopPeriod;
            }

            if (LoopDeadlineUs < 1 || LoopDeadlineUs > LoopPeriodUs)
            {
                return PolicyProblem.LoopDeadline;
            }

            for (int i = 0; i < RespondingRules.Length; i++)
            {
                ResponseClass response = (ResponseClass)_responses[(int)RespondingRules[i]];
                if (response == ResponseClass.None || !ResponseClassNames.IsDefined(response))
                {
                    return PolicyProblem.ResponseClass;
                }
            }

            return PolicyProblem.None;
        }
    }
}
