namespace Jidoka.Protocol
{
    /// <summary>The node's trip state as status reports it.</summary>
    public enum TripState : byte
    {
        /// <summary>Booted, stop output still de-energized until the first good loop cycle.</summary>
        Booting = 0,

        /// <summary>Running, stop output energized (the cell may move).</summary>
        Armed = 1,

        /// <summary>A trip is latched, stop output de-energized until reset.</summary>
        Tripped = 2,
    }

    /// <summary>Names of <see cref="TripState"/> values as status JSON, cases and logs spell them.</summary>
    public static class TripStateNames
    {
        /// <summary>Wire names indexed by value; status keys carry this table (see <see cref="StatusKeys"/>).</summary>
        internal static readonly string[] Names = { "booting", "armed", "tripped" };

        /// <summary>True when <paramref name="value"/> is a defined value.</summary>
        public static bool IsDefined(TripState value) => NameTable.IsDefined(Names, (int)value);

        /// <summary>The name of <paramref name="value"/>.</summary>
        public static string Name(TripState value) => NameTable.Lookup(Names, (int)value);

        /// <summary>Parses a name produced by <see cref="Name"/>.</summary>
        public static bool TryParse(string name, out TripState value)
        {
            int index = NameTable.IndexOf(Names, name);
            value = (TripState)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
