namespace Jidoka.Protocol
{
    /// <summary>What the cell should do after a trip; the policy maps each rule to one.</summary>
    public enum ResponseClass : byte
    {
        /// <summary>No response (events that are not trips).</summary>
        None = 0,

        /// <summary>Stop and wait; resume after reset once the cause has cleared.</summary>
        Pause = 1,

        /// <summary>Release and grip the part again (force events).</summary>
        Regrip = 2,

        /// <summary>Inspect the part again before continuing (vision events).</summary>
        Reinspect = 3,

        /// <summary>Recalibrate the sensor before continuing (sensor faults, drift).</summary>
        Recalibrate = 4,

        /// <summary>Call maintenance (interlock faults, discrepancies, overruns).</summary>
        Maintenance = 5,
    }

    /// <summary>Names of <see cref="ResponseClass"/> values as status JSON, cases and logs spell them.</summary>
    public static class ResponseClassNames
    {
        /// <summary>Wire names indexed by value; status keys carry this table (see <see cref="StatusKeys"/>).</summary>
        internal static readonly string[] Names = { "none", "pause", "regrip", "reinspect", "recalibrate", "maintenance" };

        /// <summary>True when <paramref name="value"/> is a defined value.</summary>
        public static bool IsDefined(ResponseClass value) => NameTable.IsDefined(Names, (int)value);

        /// <summary>The name of <paramref name="value"/>.</summary>
        public static string Name(ResponseClass value) => NameTable.Lookup(Names, (int)value);

        /// <summary>Parses a name produced by <see cref="Name"/>.</summary>
        public static bool TryParse(string name, out ResponseClass value)
        {
            int index = NameTable.IndexOf(Names, name);
            value = (ResponseClass)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
