using System;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Audit;
using Jidoka.Bridge.Commands;
using Jidoka.Bridge.Ingest;
using Jidoka.Bridge.Pump;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Hosting;

/// <summary>
/// Starts and stops the bridge's parts in the only safe order. Start: store, audit "bridge-start",
/// broker (embedded), engine state, subscription, online announcement. Stop: stop receiving, store
/// everything already received (and acknowledge it), announce offline, audit "bridge-stop", broker,
/// store. Tests reach the parts through its properties; the HTTP twin feed stops before it (the web server is the last hosted service started, the first stopped).
/// </summary>
public sealed class BridgeRuntime : IHostedService
{
    private readonly BridgeOptions _options;
    private readonly BrokerOptions _broker;
    private readonly TimeProvider _clock;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly EmbeddedBroker? _embedded;
    private readonly MqttBridgeConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private Task _ingest = Task.CompletedTask;
    private Task _retention = Task.CompletedTask;

    /// <summary>Creates the runtime from its parts (dependency injection).</summary>
    public BridgeRuntime(
        BridgeOptions options,
        BrokerOptions broker,
        IBridgeStore store,
        BridgePump pump,
        MqttBridgeConnection connection,
        NodeCommandService commands,
        NodeDirectory directory,
        TimeProvider clock,
        ILoggerFactory loggers)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _broker = broker ?? throw new ArgumentNullException(nameof(broker));
        Store = store ?? throw new ArgumentNullException(nameof(store));
        Pump = pump ?? throw new ArgumentNullException(nameof(pump));
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        Commands = commands ?? throw new ArgumentNullException(nameof(commands));
        Directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
        _logger = loggers.CreateLogger<BridgeRuntime>();
        _embedded = broker.IsEmbedded ? new EmbeddedBroker(broker) : null;
    }

    /// <summary>The store.</summary>
    public IBridgeStore Store { get; }

    /// <summary>The pump every message takes (the same type the HIL rig's deterministic mode runs).</summary>
    public BridgePump Pump { get; }

    /// <summary>The ingest engine (its totals are the bridge's ingest counters).</summary>
    public IngestEngine Engine => Pump.Engine;

    /// <summary>The command service.</summary>
    public NodeCommandService Commands { get; }

    /// <summary>Current node states.</summary>
    public NodeDirectory Directory { get; }

    /// <summary>Host name or address nodes use to reach the broker.</summary>
    public string BrokerHost { get; private set; } = "";

    /// <summary>The broker's port (the embedded broker's actual port when configured as 0).</summary>
    public int BrokerPort { get; private set; }

    /// <summary>True while both MQTT connections are up.</summary>
    public bool IsConnected => _connection.IsConnected;

    /// <summary>Messages waiting in the receive queue.</summary>
    public int QueuedMessages => Pump.Pending;

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        string mode = _embedded != null ? "embedded" : "external";
        await BridgeLifecycleAudit.RecordStartAsync(Store, _options.HostId, $"broker={mode};store={Store.Location}", _clock, cancellationToken).ConfigureAwait(false);
        await Engine.LoadAsync(cancellationToken).ConfigureAwait(false);

        string connectHost;
        if (_embedded != null)
        {
            await _embedded.StartAsync().ConfigureAwait(false);
            BrokerPort = _embedded.Port;
            BrokerHost = _broker.ListenAddress;
            connectHost = System.Net.IPAddress.Any.ToString() == _broker.ListenAddress ? "127.0.0.1" : _broker.ListenAddress;
        }
        else
        {
            BrokerPort = _broker.Port;
            BrokerHost = _broker.Host;
            connectHost = _broker.Host;
        }

        _ingest = Task.Run(() => Pump.RunAsync(_stop.Token), CancellationToken.None);
        _retention = Task.Run(() => new RetentionWorker(Store, _options.RetentionDays, _clock, _loggers.CreateLogger<RetentionWorker>()).RunAsync(_stop.Token), CancellationToken.None);
        await _connection.ConnectAsync(connectHost, BrokerPort, cancellationToken).ConfigureAwait(false);

        _logger.LogInformation(
            _embedded != null
                ? "Jidoka bridge {HostId}: embedded MQTT broker listening on {Host}:{Port}; data file {DataFile}"
                : "Jidoka bridge {HostId}: using the MQTT broker at {Host}:{Port}; data file {DataFile}",
            _options.HostId,
            BrokerHost,
            BrokerPort,
            Store.Location);
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _connection.StopReceivingAsync().ConfigureAwait(false);
            Pump.CompleteReceiving();

            // Everything already received is stored and acknowledged before the bridge says goodbye.
            await _ingest.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            _logger.LogWarning("Stopped before the receive queue was drained; unacknowledged events will be resent by the nodes.");
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await AwaitQuietly(_retention).ConfigureAwait(false);
        await Pump.AnnounceOfflineAsync().ConfigureAwait(false);
        await _connection.DisconnectAsync().ConfigureAwait(false);
        await BridgeLifecycleAudit.RecordStopAsync(Store, _options.HostId, "clean=1", _clock, CancellationToken.None).ConfigureAwait(false);
        if (_embedded != null)
        {
            await _embedded.DisposeAsync().ConfigureAwait(false);
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
        await Store.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
        _logger.LogInformation("Jidoka bridge {HostId} stopped.", _options.HostId);
    }

    private static async Task AwaitQuietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
