using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TwinFeed.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>
/// /readyz when the store cannot answer. A real SQLite store keeps answering reads even with its file
/// deleted (pooled connections), so this one failure is produced by a store whose every call throws, as a
/// store does after it was closed or when its disk fails; the endpoint itself is the real one on Kestrel.
/// </summary>
public sealed class ReadinessStoreTests
{
    [Fact]
    public async Task Readyz_is_503_naming_the_store_when_it_cannot_be_read_even_with_the_broker_connected()
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(FailingStore.Create());
        builder.Services.AddSingleton<IMessagePublisher>(new ConnectedPublisher());
        await using WebApplication app = builder.Build();
        HealthEndpoints.Map(app);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using HttpResponseMessage response = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        JsonElement body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("failed", body.GetProperty("store").GetString());
        Assert.Equal("connected", body.GetProperty("broker").GetString());
        Assert.Equal("The store cannot be read: The store is not initialized or was disposed.", body.GetProperty("detail").GetString());
        await app.StopAsync();
    }

    private sealed class ConnectedPublisher : IMessagePublisher
    {
        public bool IsConnected => true;

        public Task PublishAsync(OutboundMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>An IBridgeStore whose every member throws what the SQLite store throws once it is closed.</summary>
    public class FailingStore : DispatchProxy
    {
        public static IBridgeStore Create() => DispatchProxy.Create<IBridgeStore, FailingStore>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException("The store is not initialized or was disposed.");
    }
}
