namespace Jidoka.Protocol
{
    /// <summary>
    /// Every bound of the wire protocol in one place. docs/protocol.md cites these names; a change here
    /// is a protocol change and needs a new <see cref="FormatVersion"/> unless it only loosens a bound
    /// that no deployed decoder enforces.
    /// </summary>
    public static class ProtocolLimits
    {
        /// <summary>Format version carried in byte 0 of every binary message and in "v" of status JSON.</summary>
        public const byte FormatVersion = 1;

        /// <summary>Largest payload any message may have, binary or JSON, in bytes.</summary>
        public const int MaxMessageBytes = 1024;

        /// <summary>Smallest possible binary message: version, type and CRC-32.</summary>
        public const int MinBinaryMessageBytes = 2 + Crc32.SizeBytes;

        /// <summary>Most samples one frame may carry. 50 samples at 1 kHz is 20 frames per second.</summary>
        public const int MaxSamplesPerFrame = 50;

        /// <summary>Length of the fixed node-id and host-id fields; ids are 1..16 ASCII characters.</summary>
        public const int IdentifierMaxLength = 16;

        /// <summary>Length of the fixed operator-id and technician fields; 1..32 ASCII characters.</summary>
        public const int PersonIdMaxLength = 32;

        /// <summary>Most event ids one acknowledgement may carry.</summary>
        public const int MaxAckIdsPerMessage = 32;

        /// <summary>Vision confidence is an integer in 1/10 000; this is full confidence.</summary>
        public const int VisionConfidenceFullScale = 10000;

        /// <summary>Shortest sample period a frame may declare, in µs (10 kHz).</summary>
        public const int SamplePeriodUsMin = 100;

        /// <summary>Longest sample period a frame may declare, in µs (1 Hz).</summary>
        public const int SamplePeriodUsMax = 1000000;

        /// <summary>Longest identify (andon blink) a command may ask for, in seconds.</summary>
        public const int IdentifyDurationSecondsMax = 600;

        /// <summary>Longest string value in status JSON (firmware version, board name), in characters.</summary>
        public const int StatusStringMaxLength = 32;
    }
}
