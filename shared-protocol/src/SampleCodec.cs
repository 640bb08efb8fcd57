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

        /// <summary>Writes one sample at the cursor. The caller has checked the values.</summary>
        public static void Write(FieldCursor cursor, int forceMilliNewtons, ushort visionConfidence, ushort visionAgeMs, byte interlockBits, byte sampleFlags)
        {
            cursor.WriteInt32(forceMilliNewtons);
            cursor.WriteUInt16(visionConfidence);
            cursor.WriteUInt16(visionAgeMs);
            cursor.WriteUInt8(interlockBits);
            cursor.WriteUInt8(sampleFlags);
        }

        /// <summary>Reads one sample at the cursor; a sample that does not fit reads as zeros and marks the cursor overrun.</summary>
        public static void Read(FieldCursor cursor, out int forceMilliNewtons, out ushort visionConfidence, out ushort visionAgeMs, out byte interlockBits, out byte sampleFlags)
        {
            forceMilliNewtons = cursor.ReadInt32();
            visionConfidence = cursor.ReadUInt16();
            visionAgeMs = cursor.ReadUInt16();
            interlockBits = cursor.ReadUInt8();
            sampleFlags = cursor.ReadUInt8();
        }

        /// <summary>
        /// Reads sample <paramref name="index"/> of packed 10-byte records (a frame's sample block as the
        /// bridge stores it). False, with every value 0, when the record does not lie inside <paramref name="samples"/>.
        /// Host-side convenience: it reads through <paramref name="cursor"/>, which the caller owns and may reuse.
        /// </summary>
        public static bool Read(FieldCursor cursor, byte[] samples, int index, out int forceMilliNewtons, out ushort visionConfidence, out ushort visionAgeMs, out byte interlockBits, out byte sampleFlags)
        {
            int offset = index < 0 || index > int.MaxValue / SizeBytes ? -1 : index * SizeBytes;
            cursor.Reset(samples, offset, SizeBytes);
            Read(cursor, out forceMilliNewtons, out visionConfidence, out visionAgeMs, out interlockBits, out sampleFlags);
            return !cursor.Overran;
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
