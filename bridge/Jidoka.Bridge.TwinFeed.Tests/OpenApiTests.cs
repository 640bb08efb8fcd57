using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>The OpenAPI description the bridge serves lists every endpoint the bridge actually maps, with its method.</summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task Every_mapped_endpoint_appears_in_the_OpenAPI_description()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        using HttpResponseMessage response = await bridge.Http.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        JsonElement paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");

        var mapped = new List<(string Path, string Method)>();
        foreach (RouteEndpoint endpoint in bridge.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            string path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (path.StartsWith("/openapi/", StringComparison.Ordinal))
            {
                continue;
            }

            // Plain middleware endpoints (the Prometheus scrape) answer any method; GET is what a scraper sends.
            IReadOnlyList<string> methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? new[] { "GET" };
            mapped.AddRange(methods.Select(m => (path, m.ToLowerInvariant())));
        }

        Assert.Contains(("/api/v1/stream", "get"), mapped);
        Assert.Contains(("/metrics", "get"), mapped);
        Assert.True(mapped.Count >= 11, string.Join(", ", mapped));
        foreach ((string path, string method) in mapped)
        {
            Assert.True(paths.TryGetProperty(path, out JsonElement item), $"{path} is mapped but not in the OpenAPI description");
            Assert.True(item.TryGetProperty(method, out JsonElement operation), $"{method.ToUpperInvariant()} {path} is mapped but not described");
            Assert.True(operation.TryGetProperty("summary", out _), $"{method.ToUpperInvariant()} {path} has no summary");
        }

        // And nothing is described that is not mapped.
        foreach (JsonProperty path in paths.EnumerateObject())
        {
            Assert.Contains(mapped, m => m.Path == path.Name);
        }

        // Query parameters are described too.
        JsonElement caseParameters = paths.GetProperty("/api/v1/cases").GetProperty("get").GetProperty("parameters");
        Assert.Equal(
            new[] { "cause", "from", "limit", "node", "status", "to" },
            caseParameters.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).OrderBy(n => n, StringComparer.Ordinal));
    }
}
