using System;
using Jidoka.Bridge.TwinFeed;
using Microsoft.AspNetCore.Builder;

namespace Jidoka.Bridge.Hosting;

/// <summary>
/// Builds the bridge as one web application: the bridge service (broker, ingest, store, commands) and
/// its HTTP twin feed on Kestrel. Program and the tests build it the same way.
/// </summary>
public static class BridgeWebApplication
{
    /// <summary>
    /// Builds the application from <paramref name="args"/> (settings as in appsettings.json, environment
    /// variables, command-line arguments); <paramref name="configure"/> runs before the bridge is added,
    /// so tests can add settings or a clock. Throws <see cref="ArgumentException"/> for a bad, unknown or ill-typed setting.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);
        SettingsValidator.Validate(builder.Configuration);
        builder.Services.AddJidokaBridge(builder.Configuration);
        builder.AddTwinFeed();
        WebApplication app = builder.Build();
        app.MapTwinFeed();
        return app;
    }
}
