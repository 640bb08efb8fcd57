using System;
using Jidoka.Bridge.Hosting;
using Microsoft.Extensions.Hosting;

namespace Jidoka.Bridge;

/// <summary>
/// The bridge service. Settings come from appsettings.json, then environment variables
/// (Bridge__Broker__Port=1884), then command-line arguments (--Bridge:Broker:Port 1884).
/// </summary>
public static class Program
{
    /// <summary>Runs the bridge until Ctrl+C or SIGTERM.</summary>
    public static int Main(string[] args)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        try
        {
            builder.Services.AddJidokaBridge(builder.Configuration);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine("Configuration error: " + ex.Message);
            return 2;
        }

        builder.Build().Run();
        return 0;
    }
}
