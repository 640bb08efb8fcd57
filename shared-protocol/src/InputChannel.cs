namespace Jidoka.Protocol
{
    /// <summary>The input a decision record is about.</summary>
    public enum InputChannel : byte
    {
        /// <summary>No particular input.</summary>
        None = 0,

        /// <summary>The force (load cell) channel, milli-newtons.</summary>
        Force = 1,

        /// <summary>The vision confidence channel, 1/10 000.</summary>
        Vision = 2,

        /// <summary>The guard-door interlock pair.</summary>
        Guard = 3,

        /// <summary>The light-curtain interlock pair.</summary>
        LightCurtain = 4,

        /// <summary>The e-stop status contact pair.</summary>
        EStop = 5,

        /// <summary>The trip loop itself (overruns, watchdog).</summary>
        Loop = 6,
    }

    /// <summary>Names of <see cref="InputChannel"/> values as status JSON, cases and logs spell them.</summary>
    public static class InputChannelNames
    {
        private static readonly string[] Names = { "none", "force", "vision", "guard", "light-curtain", "estop", "loop" };

        /// <summary>True when <paramref name="value"/> is a defined value.</summary>
        public static bool IsDefined(InputChannel value) => NameTable.IsDefined(Names, (int)value);

        /// <summary>The name of <paramref name="value"/>.</summary>
        public static string Name(InputChannel value) => NameTable.Lookup(Names, (int)value);

        /// <summary>Parses a name produced by <see cref="Name"/>.</summary>
        public static bool TryParse(string name, out InputChannel value)
        {
            int index = NameTable.IndexOf(Names, name);
            value = (InputChannel)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
