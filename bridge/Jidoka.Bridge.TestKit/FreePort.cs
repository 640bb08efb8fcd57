using System.Net;
using System.Net.Sockets;

namespace Jidoka.Bridge.TestKit;

/// <summary>A loopback port nothing listens on (taken from the OS, then released).</summary>
public static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
