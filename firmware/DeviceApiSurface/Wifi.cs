// Mirrors: nanoFramework.System.Device.Wifi 1.5.147
// Signatures read from nanoframework/System.Device.Wifi, tag v1.5.147: NetworkHelper/WifiNetworkHelper.cs,
// WifiReconnectionKind.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
//
// The ESP32 board brings Wi-Fi up with the non-blocking SetupNetworkHelper overloads (background thread,
// NetworkReady event). Credentials are not in the board files: the parameterless-credential overload uses
// the ones stored on the device (nanoff / Device Explorer network configuration).

using System;
using System.Device.Wifi;
using System.Threading;

namespace nanoFramework.Networking
{
    /// <summary>Brings Wi-Fi up in the background.</summary>
    public static class WifiNetworkHelper
    {
        /// <summary>Set once connected with an address (and, if requested, a valid date).</summary>
        public static ManualResetEvent NetworkReady => throw new NotImplementedException();

        /// <summary>Where the helper is.</summary>
        public static NetworkHelperStatus Status => throw new NotImplementedException();

        /// <summary>The exception that stopped the helper, if any.</summary>
        public static Exception? HelperException => throw new NotImplementedException();

        /// <summary>Starts the helper with the credentials stored on the device.</summary>
        public static void SetupNetworkHelper(bool requiresDateTime = false) => throw new NotImplementedException();

        /// <summary>Starts the helper with explicit credentials; <see cref="WifiReconnectionKind.Automatic"/> lets the driver reconnect without managed code.</summary>
        public static void SetupNetworkHelper(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false) => throw new NotImplementedException();
    }
}

namespace System.Device.Wifi
{
    /// <summary>Who reconnects after a Wi-Fi loss.</summary>
    public enum WifiReconnectionKind
    {
        /// <summary>The driver reconnects by itself.</summary>
        Automatic,

        /// <summary>The application reconnects.</summary>
        Manual,
    }
}
