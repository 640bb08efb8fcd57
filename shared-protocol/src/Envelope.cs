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

        /// <summary>
        /// Starts <paramref name="cursor"/> on a window of <paramref name="size"/> bytes at
        /// <paramref name="offset"/> and writes version and type. False (nothing written) when the
        /// window does not fit in <paramref name="buffer"/>.
        /// </summary>
        public static bool BeginWrite(FieldCursor cursor, byte[] buffer, int offset, int size, MessageType type)
        {
            cursor.Reset(buffer, offset, size);
            if (cursor.Overran)
            {
                return false;
            }

            cursor.WriteUInt8(ProtocolLimits.FormatVersion);
            cursor.WriteUInt8((byte)type);
            return true;
        }

        /// <summary>Appends the CRC-32 of everything the cursor wrote; the result carries the total length.</summary>
        public static EncodeResult Seal(FieldCursor cursor)
        {
            cursor.WriteCrc32();
            return cursor.EncodeOutcome();
        }

        /// <summary>
        /// Starts <paramref name="cursor"/> after version and type of a message whose head has been checked,
        /// with a window that ends before the CRC, so reading past the body reports TooShort.
        /// </summary>
        public static void BeginRead(FieldCursor cursor, byte[] buffer, int offset, int length)
        {
            cursor.Reset(buffer, offset, length - Crc32.SizeBytes);
            cursor.Skip(TypeOffset + 1);
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
