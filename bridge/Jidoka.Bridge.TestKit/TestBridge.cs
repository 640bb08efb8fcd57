using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.TestKit;

/// <summary>
/// The real bridge in this process: embedded broker on a free loopback port, SQLite in a temp file. Either
/// the bridge alone in a generic host (<see cref="StartAsync"/>), or the web application Program builds,
/// with the twin feed on Kestrel at 127.0.0.1 and a free port (<see cref="StartWithTwinFeedAsync"/>).
/// </summary>
public sealed class TestBridge : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly HttpClient? _http;
    private readonly string? _baseUrl;
    private bool _stopped;

    private TestBridge(IHost host, string? baseUrl)
    {
        _host = host;
        Runtime = host.Services.GetRequiredService<BridgeRuntime>();
        _baseUrl = baseUrl;
        if (baseUrl != null)
        {
            _http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        }
    }

    public BridgeRuntime Runtime { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>The broker's port.</summary>
    public int Port => Runtime.BrokerPort;

    /// <summary>"http://127.0.0.1:port" of the twin feed.</summary>
    public string BaseUrl => _baseUrl ?? throw WithoutTwinFeed();

    /// <summary>A client of the twin feed.</summary>
    public HttpClient Http => _http ?? throw WithoutTwinFeed();

    /// <summary>The bridge in a generic host, without HTTP; <paramref name="clock"/> replaces the system clock.</summary>
    public static async Task<TestBridge> StartAsync(string dataFile, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings("bridge-test", dataFile, settings));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (clock != null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddJidokaBridge(builder.Configuration);
        IHost host = builder.Build();
        await host.StartAsync();
        return new TestBridge(host, null);
    }

    /// <summary>The bridge as Program builds it (web application with the twin feed), without durable commits.</summary>
    public static async Task<TestBridge> StartWithTwinFeedAsync(string dataFile, IDictionary<string, string?>? settings = null)
    {
        Dictionary<string, string?> values = Settings("bridge-twin", dataFile, null);
        values["Bridge:Storage:DurableCommits"] = "false";
        values["Bridge:Http:ListenAddress"] = "127.0.0.1";
        values["Bridge:Http:Port"] = "0";
        Overlay(values, settings);
        WebApplication app = BridgeWebApplication.Build(Array.Empty<string>(), builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        return new TestBridge(app, app.Urls.Single());
    }

    /// <summary>GET <paramref name="path"/> from the twin feed, which must answer with success, as <typeparamref name="T"/>.</summary>
    public async Task<T> GetAsync<T>(string path)
    {
        using HttpResponseMessage response = await Http.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {path}: {(int)response.StatusCode} {body}");
        }

        return System.Text.Json.JsonSerializer.Deserialize<T>(body, TwinJson.Options)!;
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http?.Dispose();
        if (_host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }

    private static InvalidOperationException WithoutTwinFeed() => new("this bridge was started without its twin feed (StartWithTwinFeedAsync)");

    private static Dictionary<string, string?> Settings(string hostId, string dataFile, IDictionary<string, string?>? settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Bridge:HostId"] = hostId,
            ["Bridge:Broker:Mode"] = "Embedded",
            ["Bridge:Broker:ListenAddress"] = "127.0.0.1",
            ["Bridge:Broker:Port"] = "0",
            ["Bridge:Storage:DataFile"] = dataFile,
            ["Bridge:RetentionDays"] = "0",
        };
        Overlay(values, settings);
        return values;
    }

    private static void Overlay(Dictionary<string, string?> values, IDictionary<string, string?>? settings)
    {
        if (settings != null)
        {
            foreach (KeyValuePair<string, string?> pair in settings)
            {
                values[pair.Key] = pair.Value;
            }
        }
    }
}
