using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Jidoka.Bridge.Hosting;
using Jidoka.Bridge.TestKit;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>The broker goes away and comes back: the bridge reconnects by itself and the node's journal drains.</summary>
public sealed class ReconnectTests
{
    [Fact]
    public async Task After_a_broker_outage_the_bridge_reconnects_and_events_journaled_meanwhile_are_stored()
    {
        using var dir = new TempDir();
        var broker = new EmbeddedBroker(new BrokerOptions { ListenAddress = "127.0.0.1", Port = 0 });
        await broker.StartAsync();
        int port = broker.Port;
        await using TestBridge bridge = await TestBridge.StartAsync(dir.File("bridge.db"), new Dictionary<string, string?>
        {
            ["Bridge:Broker:Mode"] = "External",
            ["Bridge:Broker:Host"] = "127.0.0.1",
            ["Bridge:Broker:Port"] = port.ToString(CultureInfo.InvariantCulture),
        });
        await using var node = new TestNode("cell-a", "press-14");
        await node.ConnectAsync(port);
        await Eventually.UntilAsync(() => node.HostOnline, "bridge online");
        await node.SendEventAsync(Messages.NearMiss("press-14", 1, 1, 1000));
        await Eventually.UntilAsync(() => node.IsAcked(1), "first event acknowledged");

        await broker.DisposeAsync();
        await Eventually.UntilAsync(() => !bridge.Runtime.IsConnected && !node.IsConnected, "both see the outage");
        await node.SendEventAsync(Messages.NearMiss("press-14", 2, 1, 2000));
        Assert.Equal(1, node.UnackedCount);

        broker = new EmbeddedBroker(new BrokerOptions { ListenAddress = "127.0.0.1", Port = port });
        await broker.StartAsync();
        await using EmbeddedBroker restarted = broker;
        await node.ConnectAsync(port);
        await Eventually.UntilAsync(() => bridge.Runtime.IsConnected, "bridge reconnected");
        await Eventually.UntilAsync(() => node.UnackedCount == 0, "journaled event replayed and acknowledged");

        Assert.NotNull(await bridge.Runtime.Store.GetEventAsync("press-14", 2, default));
        Assert.True((await bridge.Runtime.Store.GetEventAsync("press-14", 2, default))!.Historical);
    }
}
