// Mirrors: nanoFramework.System.Net 1.11.54
// Signatures read from nanoframework/System.Net, tag v1.11.54: NetworkHelper/NetworkHelper.cs,
// NetworkInformation/NetworkInterface.cs, NetworkInformation/NetworkInterfaceType.cs,
// X509Certificates/X509Certificate.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
// Exactly the members the board apps call (Jidoka.BoardApps.Gate.Tests checks it).
//
// The STM32 (Ethernet) board uses NetworkHelper.SetupNetworkHelper: it starts a background thread and
// signals NetworkReady, so the trip loop never waits on the network. The blocking
// SetupAndConnectNetwork overloads take a CancellationToken from nanoFramework.System.Threading and are
// deliberately not used.

using System;
using System.Threading;

namespace nanoFramework.Networking
{
    /// <summary>Brings up the default (Ethernet) interface in the background.</summary>
    public static class NetworkHelper
    {
        /// <summary>Set once the interface has an address (and, if requested, a valid date and time); reset when the address is lost.</summary>
        public static ManualResetEvent NetworkReady => throw new NotImplementedException();

        /// <summary>Starts the helper thread (DHCP or the address stored on the device). Throws when no interface is configured.</summary>
        public static void SetupNetworkHelper(bool requiresDateTime = false) => throw new NotImplementedException();
    }
}

namespace System.Net.NetworkInformation
{
    /// <summary>A network interface of the target.</summary>
    public class NetworkInterface
    {
        internal NetworkInterface() => throw new NotImplementedException();

        /// <summary>The target's interfaces.</summary>
        public static NetworkInterface[] GetAllNetworkInterfaces() => throw new NotImplementedException();

        /// <summary>Kind of interface.</summary>
        public NetworkInterfaceType NetworkInterfaceType => throw new NotImplementedException();

        /// <summary>MAC address (the ESP32 node id's source); setting it stores it in the network configuration (UpdateConfiguration(Mac)).</summary>
        public byte[] PhysicalAddress
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }
    }

    /// <summary>Kinds of interface.</summary>
    public enum NetworkInterfaceType
    {
        /// <summary>Unknown.</summary>
        Unknown = 1,

        /// <summary>Ethernet.</summary>
        Ethernet = 6,

        /// <summary>Wi-Fi station.</summary>
        Wireless80211 = 71,

        /// <summary>Wi-Fi access point.</summary>
        WirelessAP = 72,
    }
}

namespace System.Security.Cryptography.X509Certificates
{
    /// <summary>An X.509 certificate. Only the type is mirrored: the MQTT client's constructor names it; the apps pass null (plain TCP on the cell network).</summary>
    public class X509Certificate
    {
        internal X509Certificate() => throw new NotImplementedException();
    }
}
