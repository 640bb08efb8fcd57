using System;
using System.IO;
using System.Linq;
using Jidoka.Bridge.Hosting;
using Jidoka.Bridge.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Jidoka.Bridge;

/// <summary>
/// The bridge service with its HTTP twin feed. Settings come from appsettings.json, then environment
/// variables (Bridge__Broker__Port=1884), then command-line arguments (--Bridge:Broker:Port 1884).
/// "verify-audit" as the first argument checks the data file's audit log and exits.
/// </summary>
public static class Program
{
    /// <summary>Runs the bridge until Ctrl+C or SIGTERM.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "verify-audit")
        {
            HostApplicationBuilder verifier = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                Args = args.Skip(1).ToArray(),
                ContentRootPath = AppContext.BaseDirectory,
            });
            SqliteStoreOptions storage = verifier.Configuration.GetSection("Bridge:Storage").Get<SqliteStoreOptions>() ?? new SqliteStoreOptions();
            return AuditVerifyCommand.RunAsync(storage).GetAwaiter().GetResult();
        }

        WebApplication app;
        try
        {
            app = BridgeWebApplication.Build(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine("Configuration error: " + ex.Message);
            return 2;
        }

        try
        {
            app.Run();
        }
        catch (IOException ex)
        {
            // Kestrel or the embedded broker could not bind (the port is taken): say which setting to change.
            Console.Error.WriteLine($"Could not start: {ex.Message} Change Bridge:Http:Port or Bridge:Broker:Port (docs/running-the-bridge.md).");
            return 3;
        }

        return 0;
    }
}
