using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Threading.Tasks;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.Web.Tests.Support;
using MQTTnet.Server;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Jidoka.Bridge.Web.Tests;

/// <summary>The board says, in words, when the bridge has lost its own MQTT broker, and stops saying it when it is back.</summary>
public sealed class BrokerLostTests
{
    [SkippableFact]
    public async Task The_board_says_the_bridge_lost_its_broker_and_clears_when_it_reconnects()
    {
        // A broker of the test's own that the bridge uses as an external one, so the test can take it away.
        int brokerPort = FreePort.Next();
        MqttServer broker = await StartBrokerAsync(brokerPort);
        await using WebCell cell = await WebCell.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Bridge:Broker:Mode"] = "External",
            ["Bridge:Broker:Host"] = "127.0.0.1",
            ["Bridge:Broker:Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
        });
        await Eventually.UntilAsync(() => cell.Bridge.Runtime.IsConnected, "bridge connected to the test broker");
        await cell.OpenAsync();
        var banner = cell.Page.Locator("#broker-lost");
        await Expect(banner).ToBeHiddenAsync();

        await broker.StopAsync();
        broker.Dispose();
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(banner).ToContainTextAsync("lost its MQTT broker");
        Assert.Equal("alert", await banner.GetAttributeAsync("role"));

        broker = await StartBrokerAsync(brokerPort);
        await Expect(banner).ToBeHiddenAsync(new() { Timeout = 20_000 });
        await broker.StopAsync();
        broker.Dispose();
        cell.AssertNoPageErrors();
    }

    private static async Task<MqttServer> StartBrokerAsync(int port)
    {
        MqttServer broker = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder()
            .WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointReuseAddress().WithDefaultEndpointPort(port).Build());
        await broker.StartAsync();
        return broker;
    }
}
