// Mirrors: nanoFramework.System.Net 1.11.54
// Signatures read from nanoframework/System.Net, tag v1.11.54: NetworkHelper/NetworkHelper.cs,
// NetworkHelper/NetworkHelperStatus.cs, NetworkInformation/NetworkChange.cs, NetworkInformation/NetworkInterface.cs,
// NetworkInformation/NetworkInterfaceType.cs, X509Certificates/X509Certificate.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
//
// The STM32 (Ethernet) board uses NetworkHelper.SetupNetworkHelper: it starts a background thread and
// signals NetworkReady, so the trip loop never waits on the network. The blocking
// SetupAndConnectNetwork overloads take a CancellationToken from nanoFramework.System.Threading and are
// deliberately not mirrored.

using System;
using System.Net.NetworkInformation;
using System.Threading;

namespace nanoFramework.Networking
{
    /// <summary>Brings up the default (Ethernet) interface in the background.</summary>
    public static class NetworkHelper
    {
        /// <summary>Set once the interface has an address (and, if requested, a valid date and time).</summary>
        public static ManualResetEvent NetworkReady => throw new NotImplementedException();

        /// <summary>Where the helper is.</summary>
        public static NetworkHelperStatus Status => throw new NotImplementedException();

        /// <summary>The exception that stopped the helper, if any.</summary>
        public static Exception? HelperException => throw new NotImplementedException();

        /// <summary>Starts the helper thread with DHCP.</summary>
        public static void SetupNetworkHelper(bool requiresDateTime = false) => throw new NotImplementedException();
    }

    /// <summary>State of a network helper.</summary>
    public enum NetworkHelperStatus
    {
        /// <summary>Not started.</summary>
        None,

        /// <summary>Started, waiting.</summary>
        Started,

        /// <summary>Address (and date, if requested) obtained.</summary>
        NetworkIsReady,

        /// <summary>The target has no such interface.</summary>
        FailedNoNetworkInterface,

        /// <summary>Gave up waiting for an address.</summary>
        TokenExpiredWaitingIPAddress,

        /// <summary>Gave up waiting for a valid date.</summary>
        TokenExpiredWaitingDateTime,

        /// <summary>Wi-Fi connect failed while scanning.</summary>
        ErrorConnetingToWiFiWhileScanning,

        /// <summary>An exception occurred; see HelperException.</summary>
        ExceptionOccurred,

        /// <summary>Reconnecting after a loss.</summary>
        Reconnecting,
    }
}

namespace System.Net.NetworkInformation
{
    /// <summary>Handler of <see cref="NetworkChange.NetworkAddressChanged"/>.</summary>
    public delegate void NetworkAddressChangedEventHandler(object sender, EventArgs e);

    /// <summary>Handler of <see cref="NetworkChange.NetworkAvailabilityChanged"/>.</summary>
    public delegate void NetworkAvailabilityChangedEventHandler(object sender, NetworkAvailabilityEventArgs e);

    /// <summary>Arguments of <see cref="NetworkChange.NetworkAvailabilityChanged"/>.</summary>
    public class NetworkAvailabilityEventArgs : EventArgs
    {
        internal NetworkAvailabilityEventArgs() => throw new NotImplementedException();

        /// <summary>True when the network became available.</summary>
        public bool IsAvailable => throw new NotImplementedException();
    }

    /// <summary>Link and address change notifications; the apps count reconnects from these.</summary>
    public static class NetworkChange
    {
        /// <summary>An interface's address changed.</summary>
        public static event NetworkAddressChangedEventHandler NetworkAddressChanged
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }

        /// <summary>The network went up or down.</summary>
        public static event NetworkAvailabilityChangedEventHandler NetworkAvailabilityChanged
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }
    }

    /// <summary>A network interface of the target.</summary>
    public class NetworkInterface
    {
        internal NetworkInterface() => throw new NotImplementedException();

        /// <summary>True when any interface has a link.</summary>
        public static bool GetIsNetworkAvailable() => throw new NotImplementedException();

        /// <summary>The target's interfaces.</summary>
        public static NetworkInterface[] GetAllNetworkInterfaces() => throw new NotImplementedException();

        /// <summary>Kind of interface.</summary>
        public NetworkInterfaceType NetworkInterfaceType => throw new NotImplementedException();

        /// <summary>MAC address (a stable node identity source).</summary>
        public byte[] PhysicalAddress
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <summary>Current IPv4 address, dotted.</summary>
        public string IPv4Address => throw new NotImplementedException();
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
        /// <summary>Not callable: the surface has no behaviour.</summary>
        public X509Certificate() => throw new NotImplementedException();
    }
}
