using Jidoka.Node;
using Jidoka.Protocol;

namespace Jidoka.Boards.Logic.Network
{
    /// <summary>
    /// A per-board Ethernet MAC for targets whose stock image gives every board the same one (the STM32
    /// NUCLEO images): two nodes with one MAC on a cell network take each other's frames and ARP entries.
    /// Derived from the chip's factory unique id, so a board keeps its MAC when reflashed; marked locally
    /// administered and unicast (first byte 0x02), so it cannot collide with a vendor-assigned address.
    /// </summary>
    public static class UniqueMac
    {
        /// <summary>MAC length in bytes.</summary>
        public const int Length = 6;

        /// <summary>The MAC for <paramref name="uniqueId"/>: 0x02, then five bytes of CRC-32s of the id.</summary>
        public static byte[] FromUniqueId(byte[] uniqueId)
        {
            Invariant.Require(uniqueId != null && uniqueId.Length > 0, "unique id");
            uint first = Crc32.Compute(uniqueId!, 0, uniqueId!.Length);
            byte[] reversed = new byte[uniqueId.Length];
            for (int i = 0; i < uniqueId.Length; i++)
            {
                reversed[i] = uniqueId[uniqueId.Length - 1 - i];
            }

            uint second = Crc32.Compute(reversed, 0, reversed.Length);
            byte[] mac = new byte[Length];
            mac[0] = 0x02;
            mac[1] = (byte)(first >> 24);
            mac[2] = (byte)(first >> 16);
            mac[3] = (byte)(first >> 8);
            mac[4] = (byte)first;
            mac[5] = (byte)second;
            return mac;
        }

        /// <summary>True when <paramref name="a"/> and <paramref name="b"/> hold the same address.</summary>
        public static bool Same(byte[]? a, byte[]? b)
        {
            if (a == null || b == null || a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
