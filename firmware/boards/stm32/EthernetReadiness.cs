using System;
using Jidoka.Boards.Adapters.Network;
using nanoFramework.Networking;

namespace Jidoka.Boards.Stm32
{
    /// <summary>
    /// Ethernet (the on-board LAN8742A) through nanoFramework's NetworkHelper: its background thread sets
    /// NetworkReady once DHCP (or the stored static address) gives the interface an address. A pulled
    /// cable and its return are handled by lwIP; nothing here retries.
    /// </summary>
    internal sealed class EthernetReadiness : INetworkReadiness
    {
        private bool _started;

        /// <inheritdoc/>
        public bool Start()
        {
            try
            {
                NetworkHelper.SetupNetworkHelper(false);
                _started = true;
            }
            catch (Exception)
            {
                // No network interface configured on the device: the node runs, stores, and stays offline.
                _started = false;
            }

            return _started;
        }

        /// <inheritdoc/>
        public bool WaitReady(int timeoutMs)
        {
            if (!_started)
            {
                System.Threading.Thread.Sleep(timeoutMs);
                return false;
            }

            return NetworkHelper.NetworkReady.WaitOne(timeoutMs, false);
        }
    }
}
