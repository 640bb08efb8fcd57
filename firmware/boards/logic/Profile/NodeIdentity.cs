using Jidoka.Protocol;

namespace Jidoka.Boards.Logic.Profile
{
    /// <summary>
    /// Node ids derived from hardware, so one build serves every node of a cell and a reflashed board
    /// keeps its id: a site prefix, a dash and six lowercase hex digits. The ESP32 uses the last three
    /// bytes of its Wi-Fi MAC (the part nanoff prints, unique per chip); the STM32 hashes its 96-bit
    /// factory unique id with CRC-32, because the Ethernet MAC of a nanoFramework STM32 target is a
    /// build-time constant shared by every board, and the id's last bytes (the lot number) repeat within
    /// a batch.
    /// </summary>
    public static class NodeIdentity
    {
        /// <summary>Longest prefix that leaves room for "-" and six hex digits in a protocol id.</summary>
        public const int PrefixLengthMax = ProtocolLimits.IdentifierMaxLength - 7;

        /// <summary>Node id from the last three bytes of a MAC address. Throws when the result is not a valid id.</summary>
        public static string FromMac(string prefix, byte[] mac)
        {
            Require(mac != null && mac.Length >= 3, "MAC address");
            int n = mac!.Length;
            uint suffix = ((uint)mac[n - 3] << 16) | ((uint)mac[n - 2] << 8) | mac[n - 1];
            return Compose(prefix, suffix);
        }

        /// <summary>Node id from the low 24 bits of the CRC-32 of a factory unique id. Throws when the result is not a valid id.</summary>
        public static string FromUniqueId(string prefix, byte[] uniqueId)
        {
            Require(uniqueId != null && uniqueId.Length > 0, "unique id");
            uint suffix = Crc32.Compute(uniqueId!, 0, uniqueId!.Length) & 0xFFFFFF;
            return Compose(prefix, suffix);
        }

        private static string Compose(string prefix, uint suffix24)
        {
            Require(prefix != null && prefix.Length >= 1 && prefix.Length <= PrefixLengthMax, "node id prefix length");
            char[] id = new char[prefix!.Length + 7];
            for (int i = 0; i < prefix.Length; i++)
            {
                id[i] = prefix[i];
            }

            id[prefix.Length] = '-';
            for (int i = 0; i < 6; i++)
            {
                uint nibble = (suffix24 >> (20 - (4 * i))) & 0xF;
                id[prefix.Length + 1 + i] = (char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
            }

            string result = new string(id);
            Require(Identifiers.IsValidId(result), "node id characters");
            return result;
        }

        private static void Require(bool ok, string what)
        {
            if (!ok)
            {
                throw new System.ArgumentException("invalid " + what);
            }
        }
    }
}
