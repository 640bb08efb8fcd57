// Mirrors: nanoFramework.System.Device.Wifi 1.5.147
// Signatures read from nanoframework/System.Device.Wifi, tag v1.5.147: NetworkHelper/WifiNetworkHelper.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
// Exactly the members the board apps call (Jidoka.BoardApps.Gate.Tests checks it).
//
// The ESP32 board brings Wi-Fi up with the non-blocking SetupNetworkHelper (background thread,
// NetworkReady event). Credentials are not in the board files: this overload uses the ones stored on the
// device (Device Explorer network configuration), and the driver reconnects by itself when the stored
// configuration has auto-connect set.

using System;
using System.Threading;

namespace nanoFramework.Networking
{
    /// <summary>Brings Wi-Fi up in the background.</summary>
    public static class WifiNetworkHelper
    {
        /// <summary>Set once connected with an address (and, if requested, a valid date); reset when the address is lost.</summary>
        public static ManualResetEvent NetworkReady => throw new NotImplementedException();

        /// <summary>Starts the helper with the credentials stored on the device. Throws when no interface is configured.</summary>
        public static void SetupNetworkHelper(bool requiresDateTime = false) => throw new NotImplementedException();
    }
}
