namespace Jidoka.Protocol
{
    /// <summary>Who or what reset a trip (reason code of a reset event).</summary>
    public enum ResetSource : byte
    {
        /// <summary>Not a reset.</summary>
        None = 0,

        /// <summary>The local reset button at the cell.</summary>
        Button = 1,

        /// <summary>A reset command carrying an operator id.</summary>
        Command = 2,
    }

    /// <summary>Names of <see cref="ResetSource"/> values as status JSON, cases and logs spell them.</summary>
    public static class ResetSourceNames
    {
        private static readonly string[] Names = { "none", "button", "command" };

        /// <summary>True when <paramref name="value"/> is a defined value.</summary>
        public static bool IsDefined(ResetSource value) => NameTable.IsDefined(Names, (int)value);

        /// <summary>The name of <paramref name="value"/>.</summary>
        public static string Name(ResetSource value) => NameTable.Lookup(Names, (int)value);

        /// <summary>Parses a name produced by <see cref="Name"/>.</summary>
        public static bool TryParse(string name, out ResetSource value)
        {
            int index = NameTable.IndexOf(Names, name);
            value = (ResetSource)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
