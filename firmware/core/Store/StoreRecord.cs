using Jidoka.Protocol;

namespace Jidoka.Node.Store
{
    /// <summary>
    /// Framing of every record the node writes: magic u8 0x4A, kind u8, sequence u32, payload length
    /// u16, payload, CRC-32 of everything before it. A torn or stale write fails the CRC or the kind
    /// check and reads as absent.
    /// </summary>
    public static class StoreRecord
    {
        /// <summary>Bytes of framing around a payload.</summary>
        public const int OverheadBytes = 8 + Crc32.SizeBytes;

        /// <summary>Magic byte ('J').</summary>
        public const byte Magic = 0x4A;

        /// <summary>Frames <paramref name="payloadLength"/> bytes already at buffer[8..]; returns the record length.</summary>
        public static int Seal(byte[] buffer, StoreRecordKind kind, uint sequence, int payloadLength)
        {
            buffer[0] = Magic;
            buffer[1] = (byte)kind;
            LittleEndian.WriteUInt32(buffer, 2, sequence);
            LittleEndian.WriteUInt16(buffer, 6, (ushort)payloadLength);
            int body = 8 + payloadLength;
            LittleEndian.WriteUInt32(buffer, body, Crc32.Compute(buffer, 0, body));
            return body + Crc32.SizeBytes;
        }

        /// <summary>
        /// Checks a record of <paramref name="length"/> bytes: magic, kind, length and CRC. On success the
        /// payload is at buffer[8..8+payloadLength).
        /// </summary>
        public static bool TryOpen(byte[] buffer, int length, StoreRecordKind kind, out uint sequence, out int payloadLength)
        {
            sequence = 0;
            payloadLength = 0;
            if (length < OverheadBytes || buffer[0] != Magic || buffer[1] != (byte)kind)
            {
                return false;
            }

            int declared = LittleEndian.ReadUInt16(buffer, 6);
            if (declared + OverheadBytes != length)
            {
                return false;
            }

            int body = 8 + declared;
            if (Crc32.Compute(buffer, 0, body) != LittleEndian.ReadUInt32(buffer, body))
            {
                return false;
            }

            sequence = LittleEndian.ReadUInt32(buffer, 2);
            payloadLength = declared;
            return true;
        }
    }
}
