using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.TwinFeed.Tests.Support;

/// <summary>
/// The real bridge as Program builds it (web application with the twin feed): embedded broker and
/// Kestrel both on 127.0.0.1 with free ports, SQLite in a temp file.
/// </summary>
public sealed class TwinBridge : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private TwinBridge(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Runtime = app.Services.GetRequiredService<BridgeRuntime>();
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public BridgeRuntime Runtime { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The broker's port.</summary>
    public int Port => Runtime.BrokerPort;

    /// <summary>"http://127.0.0.1:port".</summary>
    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public static async Task<TwinBridge> StartAsync(string dataFile, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Bridge:HostId"] = "bridge-twin",
            ["Bridge:Broker:Mode"] = "Embedded",
            ["Bridge:Broker:ListenAddress"] = "127.0.0.1",
            ["Bridge:Broker:Port"] = "0",
            ["Bridge:Storage:DataFile"] = dataFile,
            ["Bridge:Storage:DurableCommits"] = "false",
            ["Bridge:RetentionDays"] = "0",
            ["Bridge:Http:ListenAddress"] = "127.0.0.1",
            ["Bridge:Http:Port"] = "0",
        };
        if (settings != null)
        {
            foreach (KeyValuePair<string, string?> pair in settings)
            {
                values[pair.Key] = pair.Value;
            }
        }

        WebApplication app = BridgeWebApplication.Build(Array.Empty<string>(), builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        return new TwinBridge(app, app.Urls.Single());
    }

    public async Task<T> GetAsync<T>(string path)
    {
        using HttpResponseMessage response = await Http.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(body, TwinJson.Options)!;
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
