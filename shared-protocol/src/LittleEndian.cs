namespace Jidoka.Protocol
{
    /// <summary>
    /// Little-endian reads and writes on a byte array. Written by hand because nanoFramework's
    /// BitConverter.GetBytes allocates a new array per call, and the node must encode without allocating.
    /// Callers check bounds once per message; these helpers do not re-check.
    /// </summary>
    public static class LittleEndian
    {
        /// <summary>Writes a 16-bit value.</summary>
        public static void WriteUInt16(byte[] buffer, int offset, ushort value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>Writes a 32-bit value.</summary>
        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Writes a signed 32-bit value.</summary>
        public static void WriteInt32(byte[] buffer, int offset, int value) => WriteUInt32(buffer, offset, (uint)value);

        /// <summary>Writes a 64-bit value.</summary>
        public static void WriteUInt64(byte[] buffer, int offset, ulong value)
        {
            WriteUInt32(buffer, offset, (uint)value);
            WriteUInt32(buffer, offset + 4, (uint)(value >> 32));
        }

        /// <summary>Writes a signed 64-bit value.</summary>
        public static void WriteInt64(byte[] buffer, int offset, long value) => WriteUInt64(buffer, offset, (ulong)value);

        /// <summary>Reads a 16-bit value.</summary>
        public static ushort ReadUInt16(byte[] buffer, int offset) =>
            (ushort)(buffer[offset] | (buffer[offset + 1] << 8));

        /// <summary>Reads a 32-bit value.</summary>
        public static uint ReadUInt32(byte[] buffer, int offset) =>
            (uint)buffer[offset]
            | ((uint)buffer[offset + 1] << 8)
            | ((uint)buffer[offset + 2] << 16)
            | ((uint)buffer[offset + 3] << 24);

        /// <summary>Reads a signed 32-bit value.</summary>
        public static int ReadInt32(byte[] buffer, int offset) => (int)ReadUInt32(buffer, offset);

        /// <summary>Reads a 64-bit value.</summary>
        public static ulong ReadUInt64(byte[] buffer, int offset) =>
            ReadUInt32(buffer, offset) | ((ulong)ReadUInt32(buffer, offset + 4) << 32);

        /// <summary>Reads a signed 64-bit value.</summary>
        public static long ReadInt64(byte[] buffer, int offset) => (long)ReadUInt64(buffer, offset);
    }
}
