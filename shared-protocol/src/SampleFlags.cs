namespace Jidoka.Protocol
{
    /// <summary>Bits of the per-sample flags byte. Bits 5..7 are reserved and must be 0.</summary>
    public static class SampleFlags
    {
        /// <summary>The force reading of this sample is good (in range, not stuck, read in time).</summary>
        public const byte ForceValid = 0x01;

        /// <summary>A vision confidence has been received since boot; otherwise confidence and age are 0.</summary>
        public const byte VisionValid = 0x02;

        /// <summary>A trip was latched when the sample was taken (stop output de-energized).</summary>
        public const byte TripLatched = 0x04;

        /// <summary>Force was in the near-miss warning band.</summary>
        public const byte ForceWarning = 0x08;

        /// <summary>The vision confidence was older than the policy's age limit.</summary>
        public const byte VisionStale = 0x10;

        /// <summary>Bits that must be zero.</summary>
        public const byte ReservedMask = 0xE0;
    }

    /// <summary>
    /// Bits of the interlock byte: two channels per interlock, 1 = contact closed (safe). Bits 6..7
    /// are reserved and must be 0.
    /// </summary>
    public static class InterlockBits
    {
        /// <summary>Guard door, channel A.</summary>
        public const byte GuardA = 0x01;

        /// <summary>Guard door, channel B.</summary>
        public const byte GuardB = 0x02;

        /// <summary>Light curtain, channel A.</summary>
        public const byte CurtainA = 0x04;

        /// <summary>Light curtain, channel B.</summary>
        public const byte CurtainB = 0x08;

        /// <summary>E-stop status contact, channel A.</summary>
        public const byte EStopA = 0x10;

        /// <summary>E-stop status contact, channel B.</summary>
        public const byte EStopB = 0x20;

        /// <summary>Every channel closed.</summary>
        public const byte AllClosed = 0x3F;

        /// <summary>Bits that must be zero.</summary>
        public const byte ReservedMask = 0xC0;
    }
}
