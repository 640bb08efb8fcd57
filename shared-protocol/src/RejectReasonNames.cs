namespace Jidoka.Protocol
{
    /// <summary>Names of <see cref="RejectReason"/> values as logs, vectors and metrics spell them.</summary>
    public static class RejectReasonNames
    {
        private static readonly string[] Names =
        {
            "None", "TooShort", "TooLong", "BadCrc", "UnknownVersion", "UnknownType", "ImpossibleValue", "MalformedText",
        };

        /// <summary>The name of <paramref name="value"/>.</summary>
        public static string Name(RejectReason value) => NameTable.Lookup(Names, (int)value);

        /// <summary>Parses a name produced by <see cref="Name"/>.</summary>
        public static bool TryParse(string name, out RejectReason value)
        {
            int index = NameTable.IndexOf(Names, name);
            value = (RejectReason)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
