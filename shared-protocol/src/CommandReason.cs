namespace Jidoka.Protocol
{
    /// <summary>Why a command was refused (command results, reset-refused and command-rejected events).</summary>
    public enum CommandReason : byte
    {
        /// <summary>No refusal.</summary>
        None = 0,

        /// <summary>Reset refused: the cause of the trip is still present.</summary>
        CauseActive = 1,

        /// <summary>Reset refused: nothing is latched.</summary>
        NotTripped = 2,

        /// <summary>The policy failed validation; the detail byte is the <see cref="PolicyProblem"/>.</summary>
        InvalidPolicy = 3,

        /// <summary>The calibration failed validation; the detail byte is the <see cref="CalibrationProblem"/>.</summary>
        InvalidCalibration = 4,

        /// <summary>A state-changing command came without an operator id.</summary>
        MissingOperator = 5,

        /// <summary>An argument is outside what this node supports (channel, duration).</summary>
        InvalidArgument = 6,

        /// <summary>The command names another node.</summary>
        WrongNode = 7,

        /// <summary>The node cannot journal the command's outcome right now, so it does not act on it.</summary>
        JournalFull = 8,
    }

    /// <summary>Names of <see cref="CommandReason"/> values as status JSON, cases and logs spell them.</summary>
    public static class CommandReasonNames
    {
        private static readonly string[] Names = { "none", "cause-active", "not-tripped", "invalid-policy", "invalid-calibration", "missing-operator", "invalid-argument", "wrong-node", "journal-full" };

        /// <summary>True when <paramref name="value"/> is a defined value.</summary>
        public static bool IsDefined(CommandReason value) => NameTable.IsDefined(Names, (int)value);

        /// <summary>The name of <paramref name="value"/>.</summary>
        public static string Name(CommandReason value) => NameTable.Lookup(Names, (int)value);

        /// <summary>Parses a name produced by <see cref="Name"/>.</summary>
        public static bool TryParse(string name, out CommandReason value)
        {
            int index = NameTable.IndexOf(Names, name);
            value = (CommandReason)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
