using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Hosting;

/// <summary>
/// Simulated nodes for a demonstration or a first look without hardware: with <c>--demo-nodes N</c> (or
/// <c>Bridge:Demo:Nodes</c>) the bridge starts the demo-nodes process (firmware/Jidoka.DemoNodes: N
/// simulated boards running the real node core in real time) as its child, against its own broker, after
/// the bridge itself is up, and stops it on shutdown. The nodes play the demo script
/// (firmware/Jidoka.SimBoard/Demo/demo-script.json): every trip cause and near-misses over three minutes. The simulator stays out of the bridge's assembly: the
/// process is built alongside the bridge (<see cref="DemoNodesProcess.Locate"/>). Nothing happens when the
/// setting is absent or 0.
/// </summary>
public sealed class DemoNodesService : IHostedService, IAsyncDisposable
{
    /// <summary>Most demo nodes one bridge starts.</summary>
    public const int NodesMax = 200;

    /// <summary>Cell id of the demo nodes (as firmware/Jidoka.DemoNodes names it).</summary>
    public const string CellId = "demo";

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private readonly IConfiguration _configuration;
    private readonly BridgeRuntime _runtime;
    private readonly ILogger _logger;
    private DemoNodesProcess? _process;

    /// <summary>Creates the service (dependency injection).</summary>
    public DemoNodesService(IConfiguration configuration, BridgeRuntime runtime, ILogger<DemoNodesService> logger)
    {
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The running demo-nodes process, or null.</summary>
    public DemoNodesProcess? Process => _process;

    /// <summary>Demo nodes configured: <c>--demo-nodes N</c> or <c>Bridge:Demo:Nodes</c>.</summary>
    public static int ConfiguredNodes(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? text = configuration["Bridge:Demo:Nodes"] ?? configuration["demo-nodes"];
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int count) || count < 0 || count > NodesMax)
        {
            throw new ArgumentException($"--demo-nodes must be 0..{NodesMax}, not '{text}'.");
        }

        return count;
    }

    /// <summary>
    /// Where the demo nodes keep their flash: beside the data file (data/jidoka-bridge.db.demo-nodes/), so
    /// that, like real nodes, they keep their event ids and count boots across runs, and a second run on
    /// the same data file stores everything instead of repeating event ids the bridge already holds.
    /// </summary>
    public static string NodeStoreDirectory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        SqliteStoreOptions storage = configuration.GetSection("Bridge:Storage").Get<SqliteStoreOptions>() ?? new SqliteStoreOptions();
        return Path.GetFullPath(storage.DataFile) + ".demo-nodes";
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        int count = ConfiguredNodes(_configuration);
        if (count == 0)
        {
            return Task.CompletedTask;
        }

        string host = _runtime.BrokerHost is "0.0.0.0" or "" ? "127.0.0.1" : _runtime.BrokerHost == "::" ? "::1" : _runtime.BrokerHost;
        string dll = DemoNodesProcess.Locate(_configuration["Bridge:Demo:Assembly"]);
        _process = DemoNodesProcess.Start(dll, count, host, _runtime.BrokerPort, NodeStoreDirectory(_configuration), _logger);
        _logger.LogInformation("Demo: {Count} simulated node(s) in cell {Cell} publishing to {Host}:{Port} (process {Pid}).", count, CellId, host, _runtime.BrokerPort, _process.Id);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        DemoNodesProcess? process = Interlocked.Exchange(ref _process, null);
        if (process != null)
        {
            await process.StopAsync(StopTimeout).ConfigureAwait(false);
            process.Dispose();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);
}
