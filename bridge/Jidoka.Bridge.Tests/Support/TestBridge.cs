using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Jidoka.Bridge.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Tests.Support;

/// <summary>The real bridge in this process: embedded broker on a free loopback port, SQLite in a temp file.</summary>
public sealed class TestBridge : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TestBridge(IHost host)
    {
        _host = host;
        Runtime = host.Services.GetRequiredService<BridgeRuntime>();
    }

    public BridgeRuntime Runtime { get; }

    public IServiceProvider Services => _host.Services;

    public int Port => Runtime.BrokerPort;

    public static async Task<TestBridge> StartAsync(string dataFile, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Bridge:HostId"] = "bridge-test",
            ["Bridge:Broker:Mode"] = "Embedded",
            ["Bridge:Broker:ListenAddress"] = "127.0.0.1",
            ["Bridge:Broker:Port"] = "0",
            ["Bridge:Storage:DataFile"] = dataFile,
            ["Bridge:RetentionDays"] = "0",
        };
        if (settings != null)
        {
            foreach (KeyValuePair<string, string?> pair in settings)
            {
                values[pair.Key] = pair.Value;
            }
        }

        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (clock != null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddJidokaBridge(builder.Configuration);
        IHost host = builder.Build();
        await host.StartAsync();
        return new TestBridge(host);
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
        _host.Dispose();
    }
}
