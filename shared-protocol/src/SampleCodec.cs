namespace Jidoka.Protocol
{
    /// <summary>
    /// The 10-byte sample record, used for each sample of a frame and for the input snapshot of an
    /// event: forceMilliNewtons i32, visionConfidence u16 (1/10 000), visionAgeMs u16 (saturating),
    /// interlockBits u8, sampleFlags u8.
    /// </summary>
    public static class SampleCodec
    {
        /// <summary>Encoded size in bytes.</summary>
        public const int SizeBytes = 10;

        /// <summary>Writes one sample. The caller has checked space and values.</summary>
        public static void Write(byte[] buffer, int offset, int forceMilliNewtons, ushort visionConfidence, ushort visionAgeMs, byte interlockBits, byte sampleFlags)
        {
            LittleEndian.WriteInt32(buffer, offset, forceMilliNewtons);
            LittleEndian.WriteUInt16(buffer, offset + 4, visionConfidence);
            LittleEndian.WriteUInt16(buffer, offset + 6, visionAgeMs);
            buffer[offset + 8] = interlockBits;
            buffer[offset + 9] = sampleFlags;
        }

        /// <summary>Field at fault in a sample with these values, or an empty string.</summary>
        public static string FindImpossibleField(ushort visionConfidence, byte interlockBits, byte sampleFlags)
        {
            if (visionConfidence > ProtocolLimits.VisionConfidenceFullScale)
            {
                return "visionConfidence";
            }

            if ((interlockBits & InterlockBits.ReservedMask) != 0)
            {
                return "interlockBits";
            }

            if ((sampleFlags & SampleFlags.ReservedMask) != 0)
            {
                return "sampleFlags";
            }

            return "";
        }

        /// <summary>Saturates an age in ms to the 16-bit field: older than 65 535 ms reads as 65 535.</summary>
        public static ushort SaturateAgeMs(long ageMs) =>
            ageMs <= 0 ? (ushort)0 : ageMs >= ushort.MaxValue ? ushort.MaxValue : (ushort)ageMs;
    }
}
