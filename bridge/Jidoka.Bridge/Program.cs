using System;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using Jidoka.Bridge.Hosting;
using Jidoka.Bridge.Storage.Sqlite;
using Jidoka.Bridge.TwinFeed;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        if (BridgeHelp.Asked(args))
        {
            Console.Out.Write(BridgeHelp.Text);
            return 0;
        }

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

        if (BridgeHelp.UnknownOption(args) is { } unknown)
        {
            Console.Error.WriteLine("Configuration error: " + unknown);
            return 2;
        }

        WebApplication app;
        try
        {
            app = BridgeWebApplication.Build(args);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            // The binder's own messages name .NET types; SettingsValidator catches those cases first, this is the backstop.
            Console.Error.WriteLine("Configuration error: " + ex.Message.ReplaceLineEndings(" "));
            return 2;
        }

        using (app)
        {
            if (PortInUse(app) is { } taken)
            {
                Console.Error.WriteLine("Could not start: " + taken);
                return 3;
            }

            try
            {
                app.StartAsync().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is IOException or SocketException)
            {
                // Kestrel or the embedded broker could not bind (the port is taken): say which setting to
                // change, after stopping what did start so the store and the audit log close properly.
                Console.Error.WriteLine($"Could not start: {ex.Message.TrimEnd('.')}. Change Bridge:Http:Port or Bridge:Broker:Port (docs/running-the-bridge.md).");
                StopQuietly(app);
                return 3;
            }

            app.WaitForShutdown();
        }

        return 0;
    }

    private static string? PortInUse(WebApplication app)
    {
        BrokerOptions broker = app.Services.GetRequiredService<BrokerOptions>();
        if (broker.IsEmbedded && PortCheck.InUse(broker.ListenAddress, broker.Port, "Bridge:Broker:Port", "MQTT broker (a system Mosquitto?)") is { } mqtt)
        {
            return mqtt;
        }

        TwinFeedOptions http = app.Services.GetRequiredService<TwinFeedOptions>();
        bool urlsGiven = !string.IsNullOrEmpty(app.Configuration[Microsoft.AspNetCore.Hosting.WebHostDefaults.ServerUrlsKey]);
        return urlsGiven ? null : PortCheck.InUse(http.ListenAddress, http.Port, "Bridge:Http:Port", "web server");
    }

    private static void StopQuietly(WebApplication app)
    {
        try
        {
            app.StopAsync().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or IOException or SocketException or OperationCanceledException)
        {
            Console.Error.WriteLine("While stopping: " + ex.Message);
        }
    }
}
