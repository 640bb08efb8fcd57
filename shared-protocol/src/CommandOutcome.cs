namespace Jidoka.Protocol
{
    /// <summary>What became of a command.</summary>
    public enum CommandOutcome : byte
    {
        /// <summary>Not an outcome; never on the wire.</summary>
        None = 0,

        /// <summary>The command took effect.</summary>
        Applied = 1,

        /// <summary>The command was accepted and will take effect later (a policy received while tripped).</summary>
        Staged = 2,

        /// <summary>The command was refused; the reason says why.</summary>
        Rejected = 3,
    }

    /// <summary>Names of <see cref="CommandOutcome"/> values as status JSON, cases and logs spell them.</summary>
    public static class CommandOutcomeNames
    {
        private static readonly string[] Names = { "none", "applied", "staged", "rejected" };

        /// <summary>True when <paramref name="value"/> is a defined value.</summary>
        public static bool IsDefined(CommandOutcome value) => NameTable.IsDefined(Names, (int)value);

        /// <summary>The name of <paramref name="value"/>.</summary>
        public static string Name(CommandOutcome value) => NameTable.Lookup(Names, (int)value);

        /// <summary>Parses a name produced by <see cref="Name"/>.</summary>
        public static bool TryParse(string name, out CommandOutcome value)
        {
            int index = NameTable.IndexOf(Names, name);
            value = (CommandOutcome)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
