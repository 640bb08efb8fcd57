namespace Jidoka.Protocol
{
    /// <summary>
    /// CRC-32 as in IEEE 802.3, zlib and PNG (reflected polynomial 0xEDB88320, initial value and final
    /// XOR 0xFFFFFFFF; check value of "123456789" is 0xCBF43926). Chosen because every tool a plant
    /// engineer has (zlib, Python's binascii.crc32, Wireshark) computes it, and because .NET's
    /// System.IO.Hashing.Crc32 is the same function, which the host tests prove on vectors.
    /// Table-driven, one byte per step: the 1 KiB table is affordable on an ESP32 and keeps a
    /// 173-byte frame well under the interpreter's per-frame budget.
    /// </summary>
    public static class Crc32
    {
        /// <summary>Size of the CRC field at the end of every binary message.</summary>
        public const int SizeBytes = 4;

        private const uint ReflectedPolynomial = 0xEDB88320;

        private static readonly uint[] Table = BuildTable();

        /// <summary>Computes the CRC-32 of <paramref name="length"/> bytes from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] buffer, int offset, int length)
        {
            return Finish(Append(Start, buffer, offset, length));
        }

        /// <summary>Initial register value for incremental use with <see cref="Append"/> and <see cref="Finish"/>.</summary>
        public const uint Start = 0xFFFFFFFF;

        /// <summary>Feeds bytes into a running CRC register.</summary>
        public static uint Append(uint register, byte[] buffer, int offset, int length)
        {
            uint[] table = Table;
            int end = offset + length;
            for (int i = offset; i < end; i++)
            {
                register = table[(register ^ buffer[i]) & 0xFF] ^ (register >> 8);
            }

            return register;
        }

        /// <summary>Turns a running register into the CRC value.</summary>
        public static uint Finish(uint register) => register ^ 0xFFFFFFFF;

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? ReflectedPolynomial ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
