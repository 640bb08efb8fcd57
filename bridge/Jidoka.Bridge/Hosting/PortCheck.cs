using System;
using System.Net;
using System.Net.Sockets;

namespace Jidoka.Bridge.Hosting;

/// <summary>
/// Finds out before starting whether another program already serves a port the bridge is about to
/// listen on (a system Mosquitto on 1883 is the usual one), so the bridge can name the port and the
/// setting to change in one line. It connects rather than binds: binding would also fail on connections
/// of the bridge's own last run still in TIME_WAIT, and on Linux two listeners with SO_REUSEADDR on
/// 0.0.0.0 and 127.0.0.1 may both bind and split the traffic silently.
/// </summary>
public static class PortCheck
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The one-line error when something already listens on <paramref name="port"/> at <paramref name="listenAddress"/>
    /// (0.0.0.0 and :: are probed on loopback), or null when it is free or 0 (a free port is picked).
    /// </summary>
    public static string? InUse(string listenAddress, int port, string setting, string what)
    {
        if (port == 0 || !IPAddress.TryParse(listenAddress, out IPAddress? address))
        {
            return null;
        }

        IPAddress[] probes = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            ? new[] { IPAddress.Loopback, IPAddress.IPv6Loopback }
            : new[] { address };
        foreach (IPAddress probe in probes)
        {
            if (Accepts(probe, port))
            {
                return $"Port {port} is already in use ({probe} accepts connections there: another {what}, or a second bridge). "
                    + $"Stop that program or start the bridge with another port: --{setting} N (docs/running-the-bridge.md).";
            }
        }

        return null;
    }

    private static bool Accepts(IPAddress address, int port)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            IAsyncResult pending = socket.BeginConnect(new IPEndPoint(address, port), null, null);
            bool connected = pending.AsyncWaitHandle.WaitOne(ConnectTimeout) && socket.Connected;
            return connected;
        }
        catch (SocketException)
        {
            // Refused (nothing listens), or no IPv6 on this host: free as far as this probe can tell.
            return false;
        }
    }
}
