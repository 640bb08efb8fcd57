using System;
using Jidoka.Boards.Adapters.Network;
using nanoFramework.Networking;

namespace Jidoka.Boards.Esp32DevKitC
{
    /// <summary>
    /// Wi-Fi through nanoFramework's WifiNetworkHelper with the credentials stored on the device. The
    /// helper's background thread sets NetworkReady when the station has an address and resets it when
    /// the address is lost; the ESP-IDF driver reconnects by itself (the stored configuration's
    /// auto-connect option), so nothing here retries.
    /// </summary>
    internal sealed class WifiReadiness : INetworkReadiness
    {
        private bool _started;

        /// <inheritdoc/>
        public bool Start()
        {
            try
            {
                WifiNetworkHelper.SetupNetworkHelper(false);
                _started = true;
            }
            catch (Exception)
            {
                // No Wi-Fi configuration stored on the device: the node runs, stores, and stays offline.
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

            return WifiNetworkHelper.NetworkReady.WaitOne(timeoutMs, false);
        }
    }
}
