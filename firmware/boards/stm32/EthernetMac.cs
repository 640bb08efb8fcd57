using System.Net.NetworkInformation;
using Jidoka.Boards.Logic.Network;

namespace Jidoka.Boards.Stm32
{
    /// <summary>
    /// Gives the Ethernet interface this board's own MAC (<see cref="UniqueMac"/>) when it still has another
    /// one, such as the address every stock image shares. Setting <c>NetworkInterface.PhysicalAddress</c>
    /// stores it in the device's network configuration (System.Net's UpdateConfiguration(Mac)).
    /// </summary>
    internal static class EthernetMac
    {
        /// <summary>True when the stored MAC was changed (the new one may only take effect after a reset: see docs/boards.md).</summary>
        public static bool EnsureUnique(byte[] uniqueId)
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            if (interfaces.Length == 0)
            {
                return false;
            }

            byte[] wanted = UniqueMac.FromUniqueId(uniqueId);
            if (UniqueMac.Same(interfaces[0].PhysicalAddress, wanted))
            {
                return false;
            }

            interfaces[0].PhysicalAddress = wanted;
            return true;
        }
    }
}
