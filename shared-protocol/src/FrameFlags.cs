namespace Jidoka.Protocol
{
    /// <summary>Bits of the frame flags byte. Bits 3..7 are reserved and must be 0.</summary>
    public static class FrameFlags
    {
        /// <summary>The frame was held during an outage and sent later (historical data).</summary>
        public const byte Replayed = 0x01;

        /// <summary>A trip was latched during at least one sample of the frame.</summary>
        public const byte Tripped = 0x02;

        /// <summary>At least one channel was faulted or stale, or time was unsynced, during the frame.</summary>
        public const byte Degraded = 0x04;

        /// <summary>Bits that must be zero.</summary>
        public const byte ReservedMask = 0xF8;
    }
}
