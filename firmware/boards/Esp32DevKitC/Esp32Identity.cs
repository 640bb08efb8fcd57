using System.Net.NetworkInformation;
using Jidoka.Boards.Logic.Profile;

namespace Jidoka.Boards.Esp32DevKitC
{
    /// <summary>The node id from the Wi-Fi station's MAC address (factory-programmed in the ESP32's eFuse).</summary>
    internal static class Esp32Identity
    {
        /// <summary>"prefix-xxxxxx" from the station MAC; throws when the target has no Wi-Fi interface.</summary>
        public static string NodeId(string prefix)
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < interfaces.Length; i++)
            {
                if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                {
                    return NodeIdentity.FromMac(prefix, interfaces[i].PhysicalAddress);
                }
            }

            throw new System.InvalidOperationException("no Wi-Fi interface to take a node id from");
        }
    }
}
