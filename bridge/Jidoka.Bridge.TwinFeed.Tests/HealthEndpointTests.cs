using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using MQTTnet;
using MQTTnet.Server;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>/healthz, /readyz and the /api/v1 index.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Readyz_is_200_while_the_broker_is_connected_and_503_naming_the_broker_when_it_is_lost()
    {
        // A broker of our own that the bridge uses as an external one, so the test can take it away.
        int brokerPort = FreePort.Next();
        var factory = new MqttServerFactory();
        MqttServer broker = factory.CreateMqttServer(new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(brokerPort).Build());
        await broker.StartAsync();
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"), new Dictionary<string, string?>
        {
            ["Bridge:Broker:Mode"] = "External",
            ["Bridge:Broker:Host"] = "127.0.0.1",
            ["Bridge:Broker:Port"] = brokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await Eventually.UntilAsync(() => bridge.Runtime.IsConnected, "bridge connected to the test broker");

        using (HttpResponseMessage ready = await bridge.Http.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            JsonElement body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
            Assert.True(body.GetProperty("ready").GetBoolean());
            Assert.Equal("open", body.GetProperty("store").GetString());
            Assert.Equal("connected", body.GetProperty("broker").GetString());
        }

        await broker.StopAsync();
        broker.Dispose();
        await Eventually.UntilAsync(() => !bridge.Runtime.IsConnected, "bridge saw the broker go");
        using (HttpResponseMessage notReady = await bridge.Http.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            JsonElement body = JsonDocument.Parse(await notReady.Content.ReadAsStringAsync()).RootElement;
            Assert.False(body.GetProperty("ready").GetBoolean());
            Assert.Equal("disconnected", body.GetProperty("broker").GetString());
            Assert.Equal("The bridge is not connected to its MQTT broker.", body.GetProperty("detail").GetString());
        }

        // The process itself is alive all along.
        using HttpResponseMessage live = await bridge.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("ok\n", await live.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_v1_answers_with_an_index_of_the_mapped_endpoints()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        using HttpResponseMessage response = await bridge.Http.GetAsync("/api/v1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement index = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("/openapi/v1.json", index.GetProperty("openApi").GetString());
        var endpoints = index.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("method").GetString() + " " + e.GetProperty("path").GetString()).ToList();
        Assert.Contains("GET /api/v1/cases/{caseId}", endpoints);
        Assert.Contains("POST /api/v1/nodes/{nodeId}/reset", endpoints);
        Assert.Contains("GET /readyz", endpoints);
        Assert.Contains("GET /api/v1/runbooks", endpoints);
        Assert.All(index.GetProperty("endpoints").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("summary").GetString()), e.ToString()));
    }
}
