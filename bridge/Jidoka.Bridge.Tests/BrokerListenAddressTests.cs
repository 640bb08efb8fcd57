using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Jidoka.Bridge.Hosting;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>
/// Bridge:Broker:ListenAddress is honoured for both address families: a broker set to a loopback address
/// is not reachable over the other family's any-address (MQTTnet binds IPv6's any-address by default).
/// </summary>
public sealed class BrokerListenAddressTests
{
    [SkippableTheory]
    [InlineData("127.0.0.1", true, false)]
    [InlineData("::1", false, true)]
    [InlineData("0.0.0.0", true, true)]
    public async Task The_embedded_broker_listens_only_where_it_is_told(string listen, bool v4Reachable, bool v6Reachable)
    {
        Skip.IfNot(Socket.OSSupportsIPv6, "SKIPPED (not passed): this machine has no IPv6");
        await using var broker = new EmbeddedBroker(new BrokerOptions { ListenAddress = listen, Port = 0 });
        await broker.StartAsync();

        Assert.Equal(v4Reachable, await AcceptsAsync(IPAddress.Loopback, broker.Port));
        Assert.Equal(v6Reachable, await AcceptsAsync(IPAddress.IPv6Loopback, broker.Port));
    }

    [Fact]
    public void A_specific_address_binds_only_its_own_family()
    {
        Assert.Equal((IPAddress.Parse("10.1.2.3"), IPAddress.None), BrokerListenAddresses.For(IPAddress.Parse("10.1.2.3")));
        Assert.Equal((IPAddress.None, IPAddress.IPv6Loopback), BrokerListenAddresses.For(IPAddress.IPv6Loopback));
        Assert.Equal((IPAddress.Any, IPAddress.IPv6Any), BrokerListenAddresses.For(IPAddress.IPv6Any));
    }

    private static async Task<bool> AcceptsAsync(IPAddress address, int port)
    {
        using var client = new TcpClient(address.AddressFamily);
        try
        {
            await client.ConnectAsync(address, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
