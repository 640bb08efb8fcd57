using Jidoka.Protocol;

namespace Jidoka.Boards.Logic.Store
{
    /// <summary>
    /// One store slot as a file: <c>'J' 'S' version(1) 0 | slot u16 | length u16 | payload | CRC-32</c>,
    /// little-endian, the CRC over everything before it. The core already frames and CRCs each record;
    /// this outer check lets the store itself tell a complete file from a torn or misplaced one (a write
    /// cut short by a power loss on a file system without atomic replace, or a file copied to the wrong
    /// name), so such a slot reads as empty instead of handing the core bytes of another slot.
    /// </summary>
    public static class SlotFileFormat
    {
        /// <summary>Format version written and accepted.</summary>
        public const byte Version = 1;

        /// <summary>Bytes before the payload.</summary>
        public const int HeaderBytes = 8;

        /// <summary>Bytes added to a payload: header and CRC.</summary>
        public const int OverheadBytes = HeaderBytes + Crc32.SizeBytes;

        private const byte MagicJ = (byte)'J';
        private const byte MagicS = (byte)'S';

        /// <summary>
        /// Writes the file image of <paramref name="length"/> payload bytes for <paramref name="slot"/> into
        /// <paramref name="file"/>; returns the image's length. The caller sizes <paramref name="file"/> for
        /// its largest payload plus <see cref="OverheadBytes"/>.
        /// </summary>
        public static int Encode(int slot, byte[] payload, int offset, int length, byte[] file)
        {
            file[0] = MagicJ;
            file[1] = MagicS;
            file[2] = Version;
            file[3] = 0;
            LittleEndian.WriteUInt16(file, 4, (ushort)slot);
            LittleEndian.WriteUInt16(file, 6, (ushort)length);
            System.Array.Copy(payload, offset, file, HeaderBytes, length);
            int crcAt = HeaderBytes + length;
            LittleEndian.WriteUInt32(file, crcAt, Crc32.Compute(file, 0, crcAt));
            return crcAt + Crc32.SizeBytes;
        }

        /// <summary>
        /// Checks a file image of <paramref name="fileLength"/> bytes (which may exceed the buffer when the
        /// file on disk was larger) and, when it is a complete image of <paramref name="expectedSlot"/>,
        /// copies its payload into <paramref name="into"/> at <paramref name="intoOffset"/>.
        /// </summary>
        public static SlotFileProblem TryDecode(byte[] file, int fileLength, int expectedSlot, byte[] into, int intoOffset, out int length)
        {
            length = 0;
            if (fileLength < OverheadBytes || fileLength > file.Length)
            {
                return SlotFileProblem.BadLength;
            }

            if (file[0] != MagicJ || file[1] != MagicS || file[2] != Version || file[3] != 0)
            {
                return SlotFileProblem.BadHeader;
            }

            int payloadLength = LittleEndian.ReadUInt16(file, 6);
            if (HeaderBytes + payloadLength + Crc32.SizeBytes != fileLength || intoOffset + payloadLength > into.Length)
            {
                return SlotFileProblem.BadLength;
            }

            int crcAt = HeaderBytes + payloadLength;
            if (LittleEndian.ReadUInt32(file, crcAt) != Crc32.Compute(file, 0, crcAt))
            {
                return SlotFileProblem.BadCrc;
            }

            if (LittleEndian.ReadUInt16(file, 4) != expectedSlot)
            {
                return SlotFileProblem.WrongSlot;
            }

            System.Array.Copy(file, HeaderBytes, into, intoOffset, payloadLength);
            length = payloadLength;
            return SlotFileProblem.None;
        }
    }
}
