using System;
using System.Linq;
using Jidoka.Bridge.Hosting;
using Jidoka.Bridge.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Jidoka.Bridge;

/// <summary>
/// The bridge service. Settings come from appsettings.json, then environment variables
/// (Bridge__Broker__Port=1884), then command-line arguments (--Bridge:Broker:Port 1884).
/// "verify-audit" as the first argument checks the data file's audit log and exits.
/// </summary>
public static class Program
{
    /// <summary>Runs the bridge until Ctrl+C or SIGTERM.</summary>
    public static int Main(string[] args)
    {
        bool verify = args.Length > 0 && args[0] == "verify-audit";
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = verify ? args.Skip(1).ToArray() : args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (verify)
        {
            SqliteStoreOptions storage = builder.Configuration.GetSection("Bridge:Storage").Get<SqliteStoreOptions>() ?? new SqliteStoreOptions();
            return AuditVerifyCommand.RunAsync(storage).GetAwaiter().GetResult();
        }

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
