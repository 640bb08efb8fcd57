namespace Jidoka.Protocol
{
    /// <summary>What a status key holds, which decides how it is written, read, checked and listed.</summary>
    public enum StatusValueKind : byte
    {
        /// <summary>The format version: written as the constant, read back only if it matches.</summary>
        Version = 0,

        /// <summary>A cell or node id (see <see cref="Identifiers.IsValidId"/>).</summary>
        Id = 1,

        /// <summary>A firmware or board string (see <see cref="StatusMessage.IsStatusText"/>).</summary>
        StatusText = 2,

        /// <summary>true or false.</summary>
        Boolean = 3,

        /// <summary>An integer from 0 to <see cref="FlatJsonReader.MaxInteger"/> (18 digits, what the reader takes).</summary>
        NonNegative = 4,

        /// <summary>An unsigned 32-bit integer.</summary>
        Counter = 5,

        /// <summary>A 32-bit value as eight lowercase hex digits.</summary>
        Hex32 = 6,

        /// <summary>A calibration tag "id.version", two 16-bit numbers.</summary>
        CalibrationTag = 7,

        /// <summary>An enum value as its wire name from <see cref="StatusKey.Names"/>.</summary>
        Name = 8,
    }

    /// <summary>When a status key is written, and so whether a decoder requires it.</summary>
    public enum StatusKeyPresence : byte
    {
        /// <summary>In every status, the offline last will included.</summary>
        Always = 0,

        /// <summary>In every online status.</summary>
        WhenOnline = 1,

        /// <summary>In an online status when the board reports the value.</summary>
        WhenOnlineOptional = 2,
    }

    /// <summary>One key of the status JSON: its name, what it holds and when it is written.</summary>
    public sealed class StatusKey
    {
        private static readonly string[] NoNames = new string[0];

        /// <summary>Creates a key; <see cref="StatusKeys"/> numbers them in the order it lists them.</summary>
        public StatusKey(string name, StatusValueKind kind, StatusKeyPresence presence, string[]? names, bool setOnlyWhenTripped)
        {
            Name = name;
            Kind = kind;
            Presence = presence;
            Names = names == null ? NoNames : names;
            SetOnlyWhenTripped = setOnlyWhenTripped;
        }

        /// <summary>The JSON key, as docs/protocol.md §Status spells it.</summary>
        public string Name { get; }

        /// <summary>What the key holds.</summary>
        public StatusValueKind Kind { get; }

        /// <summary>When the key is written.</summary>
        public StatusKeyPresence Presence { get; }

        /// <summary>For <see cref="StatusValueKind.Name"/>: the wire names indexed by value; else empty.</summary>
        public string[] Names { get; }

        /// <summary>
        /// True for a name whose value is not 0 exactly when the trip state is tripped (the cause and
        /// response of the latched trip).
        /// </summary>
        public bool SetOnlyWhenTripped { get; }

        /// <summary>Position in <see cref="StatusKeys.All"/>: write order, value slot and bit in a seen mask.</summary>
        public int Index { get; internal set; }

        /// <summary>The key's bit in a mask of keys.</summary>
        public long Bit => 1L << Index;
    }
}
