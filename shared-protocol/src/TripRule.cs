namespace Jidoka.Protocol
{
    /// <summary>The rule of the active policy that fired. Each rule maps to a response class in the policy.</summary>
    public enum TripRule : byte
    {
        /// <summary>No rule (events that are not rule outcomes).</summary>
        None = 0,

        /// <summary>Force above the limit for the policy's number of consecutive samples.</summary>
        ForceOverLimit = 1,

        /// <summary>Force in the warning band below the limit: a near-miss, never a trip.</summary>
        ForceNearMiss = 2,

        /// <summary>Vision confidence below the policy threshold.</summary>
        VisionLowConfidence = 3,

        /// <summary>Vision confidence older than the policy's age limit (stale counts as not confident).</summary>
        VisionStale = 4,

        /// <summary>An interlock (guard, light curtain, e-stop status contact) open on both channels.</summary>
        InterlockOpen = 5,

        /// <summary>The two channels of one interlock disagreed longer than the discrepancy time.</summary>
        ChannelDiscrepancy = 6,

        /// <summary>A sensor out of range, stuck, or not answering.</summary>
        SensorFault = 7,

        /// <summary>A loop step took longer than its deadline.</summary>
        LoopOverrun = 8,
    }

    /// <summary>Names of <see cref="TripRule"/> values as status JSON, cases and logs spell them.</summary>
    public static class TripRuleNames
    {
        /// <summary>Wire names indexed by value; status keys carry this table (see <see cref="StatusKeys"/>).</summary>
        internal static readonly string[] Names = { "none", "force-over-limit", "force-near-miss", "vision-low-confidence", "vision-stale", "interlock-open", "channel-discrepancy", "sensor-fault", "loop-overrun" };

        /// <summary>True when <paramref name="value"/> is a defined value.</summary>
        public static bool IsDefined(TripRule value) => NameTable.IsDefined(Names, (int)value);

        /// <summary>The name of <paramref name="value"/>.</summary>
        public static string Name(TripRule value) => NameTable.Lookup(Names, (int)value);

        /// <summary>Parses a name produced by <see cref="Name"/>.</summary>
        public static bool TryParse(string name, out TripRule value)
        {
            int index = NameTable.IndexOf(Names, name);
            value = (TripRule)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
