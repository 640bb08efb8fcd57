namespace Jidoka.Protocol
{
    /// <summary>
    /// Lookup between contiguous enum values (0..n-1) and their wire names. Enum.ToString on
    /// nanoFramework gives the number, not the name, so every protocol enum keeps its names in a table.
    /// </summary>
    public static class NameTable
    {
        /// <summary>Name of <paramref name="value"/>, or "unknown" when it is outside the table.</summary>
        public static string Lookup(string[] names, int value) =>
            value >= 0 && value < names.Length ? names[value] : "unknown";

        /// <summary>Index of <paramref name="name"/> in <paramref name="names"/>, or -1 when absent.</summary>
        public static int IndexOf(string[] names, string name)
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>True when <paramref name="value"/> names an entry of the table.</summary>
        public static bool IsDefined(string[] names, int value) => value >= 0 && value < names.Length;
    }
}
