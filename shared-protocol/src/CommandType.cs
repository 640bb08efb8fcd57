namespace Jidoka.Protocol
{
    /// <summary>Which command a command message carries.</summary>
    public enum CommandType : byte
    {
        /// <summary>Not a command; never on the wire.</summary>
        None = 0,

        /// <summary>Reset a latched trip. Operator id required.</summary>
        Reset = 1,

        /// <summary>Apply a policy (staged while tripped unless the changeover flag is set). Operator id required.</summary>
        ApplyPolicy = 2,

        /// <summary>Set a channel's calibration. Operator id required.</summary>
        SetCalibration = 3,

        /// <summary>Tare the force channel (zero offset at the current reading). Operator id required.</summary>
        Tare = 4,

        /// <summary>Publish status now (rebirth). No state change.</summary>
        StatusRequest = 5,

        /// <summary>Blink the andon for a number of seconds so a technician can find the node.</summary>
        Identify = 6,
    }

    /// <summary>Names of <see cref="CommandType"/> values as status JSON, cases and logs spell them.</summary>
    public static class CommandTypeNames
    {
        private static readonly string[] Names = { "none", "reset", "apply-policy", "set-calibration", "tare", "status-request", "identify" };

        /// <summary>True when <paramref name="value"/> is a defined value.</summary>
        public static bool IsDefined(CommandType value) => NameTable.IsDefined(Names, (int)value);

        /// <summary>The name of <paramref name="value"/>.</summary>
        public static string Name(CommandType value) => NameTable.Lookup(Names, (int)value);

        /// <summary>Parses a name produced by <see cref="Name"/>.</summary>
        public static bool TryParse(string name, out CommandType value)
        {
            int index = NameTable.IndexOf(Names, name);
            value = (CommandType)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
