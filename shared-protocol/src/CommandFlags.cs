namespace Jidoka.Protocol
{
    /// <summary>Bits of the command flags byte. Bits 1..7 are reserved and must be 0.</summary>
    public static class CommandFlags
    {
        /// <summary>
        /// Apply-policy only: the cell is at a changeover, apply the policy even while a trip is latched
        /// instead of staging it.
        /// </summary>
        public const byte Changeover = 0x01;

        /// <summary>Bits that must be zero.</summary>
        public const byte ReservedMask = 0xFE;
    }
}
