namespace Jidoka.Protocol
{
    /// <summary>
    /// The parts every binary message shares: byte 0 is the format version, byte 1 the message type,
    /// the last four bytes the CRC-32 of everything before them. Checks run in a fixed order so a
    /// given fault always gets the same reason: overall size, version, type, declared length, CRC,
    /// then field values.
    /// </summary>
    public static class Envelope
    {
        /// <summary>Offset of the version byte.</summary>
        public const int VersionOffset = 0;

        /// <summary>Offset of the message type byte.</summary>
        public const int TypeOffset = 1;

        /// <summary>
        /// Checks size bounds, version and type. <paramref name="buffer"/> may be any array; the
        /// range [offset, offset+length) must lie inside it or the input is rejected as too short.
        /// </summary>
        public static DecodeResult CheckHead(byte[] buffer, int offset, int length, MessageType expected)
        {
            if (buffer == null || offset < 0 || length < 0 || offset > buffer.Length - length)
            {
                return DecodeResult.Reject(RejectReason.TooShort, "buffer");
            }

            if (length < ProtocolLimits.MinBinaryMessageBytes)
            {
                return DecodeResult.Reject(RejectReason.TooShort, "length");
            }

            if (length > ProtocolLimits.MaxMessageBytes)
            {
                return DecodeResult.Reject(RejectReason.TooLong, "length");
            }

            if (buffer[offset + VersionOffset] != ProtocolLimits.FormatVersion)
            {
                return DecodeResult.Reject(RejectReason.UnknownVersion, "version");
            }

            if (buffer[offset + TypeOffset] != (byte)expected)
            {
                return DecodeResult.Reject(RejectReason.UnknownType, "type");
            }

            return DecodeResult.Accepted;
        }

        /// <summary>Checks that the input is exactly <paramref name="expectedLength"/> bytes and that its CRC matches.</summary>
        public static DecodeResult CheckLengthAndCrc(byte[] buffer, int offset, int length, int expectedLength)
        {
            if (length < expectedLength)
            {
                return DecodeResult.Reject(RejectReason.TooShort, "length");
            }

            if (length > expectedLength)
            {
                return DecodeResult.Reject(RejectReason.TooLong, "length");
            }

            int bodyLength = length - Crc32.SizeBytes;
            uint expectedCrc = LittleEndian.ReadUInt32(buffer, offset + bodyLength);
            if (Crc32.Compute(buffer, offset, bodyLength) != expectedCrc)
            {
                return DecodeResult.Reject(RejectReason.BadCrc, "crc");
            }

            return DecodeResult.Accepted;
        }

        /// <summary>True when [offset, offset+length) fits in the buffer.</summary>
        public static bool Fits(byte[] buffer, int offset, int length) =>
            buffer != null && offset >= 0 && length >= 0 && offset <= buffer.Length - length;

        /// <summary>Writes version and type at the start of a message.</summary>
        public static void WriteHead(byte[] buffer, int offset, MessageType type)
        {
            buffer[offset + VersionOffset] = ProtocolLimits.FormatVersion;
            buffer[offset + TypeOffset] = (byte)type;
        }

        /// <summary>Appends the CRC-32 of the <paramref name="bodyLength"/> bytes written so far; returns the total length.</summary>
        public static int Seal(byte[] buffer, int offset, int bodyLength)
        {
            LittleEndian.WriteUInt32(buffer, offset + bodyLength, Crc32.Compute(buffer, offset, bodyLength));
            return bodyLength + Crc32.SizeBytes;
        }

        /// <summary>
        /// Reads the message type of a binary message without validating it, so a receiver can route
        /// it. False when the input is too short to have one.
        /// </summary>
        public static bool TryPeekType(byte[] buffer, int offset, int length, out MessageType type)
        {
            type = MessageType.None;
            if (!Fits(buffer, offset, length) || length < 2)
            {
                return false;
            }

            type = (MessageType)buffer[offset + TypeOffset];
            return true;
        }
    }
}
