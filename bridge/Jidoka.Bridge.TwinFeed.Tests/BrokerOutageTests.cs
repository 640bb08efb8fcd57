using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Hosting;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>The bridge loses its broker: it says so (API, CLI) and commands answer 503 not-connected, not "node offline".</summary>
public sealed class BrokerOutageTests
{
    [Fact]
    public async Task While_the_broker_is_down_the_bridge_says_so_and_a_reset_answers_503_not_connected()
    {
        using var dir = new TempDir();
        var broker = new EmbeddedBroker(new BrokerOptions { ListenAddress = "127.0.0.1", Port = 0 });
        await broker.StartAsync();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"), new Dictionary<string, string?>
        {
            ["Bridge:Broker:Mode"] = "External",
            ["Bridge:Broker:Host"] = "127.0.0.1",
            ["Bridge:Broker:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
        });
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-31", TripState.Tripped, TripRule.ForceOverLimit, ResponseClass.Regrip);
        BridgeStatusView up = await bridge.GetAsync<BridgeStatusView>("/api/v1/bridge");
        Assert.True(up.BrokerConnected);
        Assert.Equal(1, up.NodesOnline);

        // The outage as a user meets it: the broker goes down and takes the nodes' connections with it, so their last wills say offline.
        node.Drop();
        await Eventually.UntilAsync(() => bridge.Runtime.Directory.TryGet("press-31", out NodeRecord n) && !n.Online, "press-31's last will stored");
        await broker.DisposeAsync();
        await Eventually.UntilAsync(() => !bridge.Runtime.IsConnected, "the bridge sees the outage");

        BridgeStatusView down = await bridge.GetAsync<BridgeStatusView>("/api/v1/bridge");
        Assert.False(down.BrokerConnected);
        using HttpResponseMessage response = await bridge.Http.PostAsJsonAsync("/api/v1/nodes/press-31/reset", new ResetRequest { Operator = "op-7" });
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} {body}");
        Assert.Contains(ProblemTypes.NotConnected, body, System.StringComparison.Ordinal);

        CliResult nodes = await JidokaTool.RunAsync("nodes", "--bridge", bridge.BaseUrl);
        Assert.Equal(0, nodes.ExitCode);
        Assert.Contains("NOT connected to its MQTT broker", nodes.Out, System.StringComparison.Ordinal);
        CliResult reset = await JidokaTool.RunAsync("reset", "press-31", "--operator", "op-7", "--bridge", bridge.BaseUrl);
        Assert.Equal(3, reset.ExitCode);
        Assert.Contains("not connected", reset.Error, System.StringComparison.Ordinal);
    }
}
