using System;
using Jidoka.Bridge.Commands;
using Jidoka.Bridge.Ingest;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Pump;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jidoka.Bridge.Hosting;

/// <summary>Registers the bridge in a generic host.</summary>
public static class BridgeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the bridge, configured from the "Bridge" section (with "Bridge:Broker" and
    /// "Bridge:Storage"). Register a <see cref="TimeProvider"/> first to replace the system clock.
    /// </summary>
    public static IServiceCollection AddJidokaBridge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        IConfigurationSection section = configuration.GetSection("Bridge");
        BridgeOptions options = section.Get<BridgeOptions>() ?? new BridgeOptions();
        DemoNodesService.ConfiguredNodes(configuration);
        BrokerOptions broker = section.GetSection("Broker").Get<BrokerOptions>() ?? new BrokerOptions();
        SqliteStoreOptions storage = section.GetSection("Storage").Get<SqliteStoreOptions>() ?? new SqliteStoreOptions();
        options.Validate();
        broker.Validate();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(broker);
        services.AddSingleton(storage);
        services.AddSingleton<IBridgeStore>(_ => new SqliteBridgeStore(storage));
        services.AddSingleton(_ => new NodeDirectory(TimeSpan.FromSeconds(options.Ingest.NodeSilenceSeconds)));
        services.AddSingleton<CommandTracker>();
        services.AddSingleton<IngestEngine>();
        services.AddSingleton<MqttBridgeConnection>();
        services.AddSingleton<IBrokerSession>(sp => sp.GetRequiredService<MqttBridgeConnection>());
        services.AddSingleton<IMessagePublisher>(sp => sp.GetRequiredService<MqttBridgeConnection>());
        services.AddSingleton(new BridgePumpOptions { FrameSubscriptionQos = broker.FrameSubscriptionQos, QueueCapacity = options.Ingest.QueueCapacity });
        services.AddSingleton<BridgePump>();
        services.AddSingleton<NodeCommandService>();
        services.AddSingleton<BridgeRuntime>();
        services.AddHostedService<CellActivityLog>(); // before the runtime, so it follows the first commit
        services.AddHostedService(sp => sp.GetRequiredService<BridgeRuntime>());
        services.AddHostedService(sp => new DemoNodesService(configuration, sp.GetRequiredService<BridgeRuntime>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DemoNodesService>>()));
        return services;
    }
}
