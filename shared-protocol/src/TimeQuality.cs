namespace Jidoka.Protocol
{
    /// <summary>How far a node's wall-clock offset can be trusted.</summary>
    public enum TimeQuality : byte
    {
        /// <summary>No time-sync exchange has succeeded since boot; the offset means nothing.</summary>
        Unsynced = 0,

        /// <summary>A recent exchange set the offset; the uncertainty field bounds its error.</summary>
        Synced = 1,

        /// <summary>Synced earlier but no exchange recently; the uncertainty grows with drift.</summary>
        Holdover = 2,
    }

    /// <summary>Names of <see cref="TimeQuality"/> values as status JSON, cases and logs spell them.</summary>
    public static class TimeQualityNames
    {
        /// <summary>Wire names indexed by value; status keys carry this table (see <see cref="StatusKeys"/>).</summary>
        internal static readonly string[] Names = { "unsynced", "synced", "holdover" };

        /// <summary>True when <paramref name="value"/> is a defined value.</summary>
        public static bool IsDefined(TimeQuality value) => NameTable.IsDefined(Names, (int)value);

        /// <summary>The name of <paramref name="value"/>.</summary>
        public static string Name(TimeQuality value) => NameTable.Lookup(Names, (int)value);

        /// <summary>Parses a name produced by <see cref="Name"/>.</summary>
        public static bool TryParse(string name, out TimeQuality value)
        {
            int index = NameTable.IndexOf(Names, name);
            value = (TimeQuality)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
