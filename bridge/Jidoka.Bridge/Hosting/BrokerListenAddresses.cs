using System.Net;
using System.Net.Sockets;

namespace Jidoka.Bridge.Hosting;

/// <summary>
/// Turns <c>Bridge:Broker:ListenAddress</c> into the two addresses MQTTnet's default endpoint binds, one
/// per address family. MQTTnet listens on IPv6's any-address unless told otherwise, so a broker set to
/// 127.0.0.1 was still reachable on every interface over IPv6; a specific address now binds only its own
/// family, and only an any-address (0.0.0.0 or ::) listens on both.
/// </summary>
public static class BrokerListenAddresses
{
    /// <summary>The IPv4 and IPv6 addresses to bind for <paramref name="configured"/>; <see cref="IPAddress.None"/> disables that family.</summary>
    public static (IPAddress V4, IPAddress V6) For(IPAddress configured)
    {
        System.ArgumentNullException.ThrowIfNull(configured);
        if (configured.Equals(IPAddress.Any) || configured.Equals(IPAddress.IPv6Any))
        {
            return (IPAddress.Any, IPAddress.IPv6Any);
        }

        return configured.AddressFamily == AddressFamily.InterNetworkV6 ? (IPAddress.None, configured) : (configured, IPAddress.None);
    }
}
