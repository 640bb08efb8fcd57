using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>Where the twin feed listens.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task Bridge_Http_settings_choose_the_address_and_a_given_urls_setting_wins()
    {
        using var dir = new TempDir();
        await using (TestBridge configured = await TestBridge.StartWithTwinFeedAsync(dir.File("a.db")))
        {
            Assert.StartsWith("http://127.0.0.1:", configured.BaseUrl, StringComparison.Ordinal);
            Assert.NotEqual(8080, new Uri(configured.BaseUrl).Port);
        }

        // Bridge:Http would listen on every interface; "urls" (as --urls or ASPNETCORE_URLS) says loopback.
        var settings = new Dictionary<string, string?> { ["Bridge:Http:ListenAddress"] = "0.0.0.0", ["urls"] = "http://127.0.0.1:0" };
        await using TestBridge viaUrls = await TestBridge.StartWithTwinFeedAsync(dir.File("b.db"), settings);
        Assert.StartsWith("http://127.0.0.1:", viaUrls.BaseUrl, StringComparison.Ordinal);
        Assert.Equal("[]", await viaUrls.Http.GetStringAsync("/api/v1/nodes"));
    }

    [Theory]
    [InlineData("Bridge:Http:ListenAddress", "everywhere", "Bridge:Http:ListenAddress 'everywhere' must be an IP address")]
    [InlineData("Bridge:Http:Port", "70000", "Bridge:Http:Port 70000 must be 0 (a free port) to 65535.")]
    [InlineData("Bridge:Http:StreamReplayMessages", "-1", "Bridge:Http:StreamReplayMessages -1 must be 0 (no replay) to 1000000.")]
    public async Task A_bad_http_setting_is_refused_by_name(string key, string value, string message)
    {
        using var dir = new TempDir();
        ArgumentException ex = await Assert.ThrowsAsync<ArgumentException>(() => TestBridge.StartWithTwinFeedAsync(dir.File("c.db"), new Dictionary<string, string?> { [key] = value }));
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }
}
