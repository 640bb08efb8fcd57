namespace Jidoka.Protocol
{
    /// <summary>Why a policy failed validation (detail byte of a command result, reason code of a policy-rejected event).</summary>
    public enum PolicyProblem : byte
    {
        /// <summary>The policy is valid.</summary>
        None = 0,

        /// <summary>Policy id is 0.</summary>
        PolicyId = 1,

        /// <summary>Force limit is not positive or lies outside the sensor range.</summary>
        ForceLimit = 2,

        /// <summary>Warning threshold is not positive or not below the limit.</summary>
        ForceWarn = 3,

        /// <summary>Force over-limit window is outside 1..1000 ms, or (on a node) shorter than one of its sample intervals.</summary>
        ForceOverLimitMs = 4,

        /// <summary>Sensor range does not enclose the warning band and limit.</summary>
        ForceRange = 5,

        /// <summary>Stuck-sensor window is under 2 ms, or (on a node) shorter than two of its sample intervals.</summary>
        ForceStuckMs = 6,

        /// <summary>Vision confidence threshold is above 10 000.</summary>
        VisionMinConfidence = 7,

        /// <summary>Vision age limit is outside 1..60000 ms.</summary>
        VisionMaxAge = 8,

        /// <summary>Interlock debounce is above 1000 ms.</summary>
        InterlockDebounce = 9,

        /// <summary>Discrepancy time is outside 1..10000 ms or not longer than the debounce.</summary>
        DiscrepancyTime = 10,

        /// <summary>Loop period is outside 100..100000 µs.</summary>
        LoopPeriod = 11,

        /// <summary>Loop deadline is 0 or longer than the loop period.</summary>
        LoopDeadline = 12,

        /// <summary>A rule maps to no response class or to an undefined one.</summary>
        ResponseClass = 13,
    }

    /// <summary>Names of <see cref="PolicyProblem"/> values as status JSON, cases and logs spell them.</summary>
    public static class PolicyProblemNames
    {
        private static readonly string[] Names = { "none", "policy-id", "force-limit", "force-warn", "force-over-limit-ms", "force-range", "force-stuck-ms", "vision-min-confidence", "vision-max-age", "interlock-debounce", "discrepancy-time", "loop-period", "loop-deadline", "response-class" };

        /// <summary>True when <paramref name="value"/> is a defined value.</summary>
        public static bool IsDefined(PolicyProblem value) => NameTable.IsDefined(Names, (int)value);

        /// <summary>The name of <paramref name="value"/>.</summary>
        public static string Name(PolicyProblem value) => NameTable.Lookup(Names, (int)value);

        /// <summary>Parses a name produced by <see cref="Name"/>.</summary>
        public static bool TryParse(string name, out PolicyProblem value)
        {
            int index = NameTable.IndexOf(Names, name);
            value = (PolicyProblem)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
