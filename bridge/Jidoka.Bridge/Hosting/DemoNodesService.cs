using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage.Sqlite;
using Jidoka.SimBoard.Demo;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Hosting;

/// <summary>
/// Simulated nodes for a demonstration or a first look without hardware: with <c>--demo-nodes N</c> (or
/// <c>Bridge:Demo:Nodes</c>) the bridge starts N simulated boards (firmware/Jidoka.SimBoard: the real node
/// core on simulated sensors) in real time against its own broker, after the bridge itself is up. Each
/// node plays the demo script (<see cref="DemoScript"/>): over three minutes every trip cause (force over
/// the limit, guard open, vision degrading and dropping out, a channel discrepancy, a stuck load cell) and
/// near-misses in the warning band, each node at its own point in the timeline; a tripped node is reset by
/// its local button 10 s later, as an operator at the cell would. Nothing happens when the setting is absent or 0.
/// </summary>
public sealed class DemoNodesService : IHostedService, IDisposable
{
    /// <summary>Most demo nodes one bridge starts.</summary>
    public const int NodesMax = 200;

    /// <summary>Cell id of the demo nodes.</summary>
    public const string CellId = "demo";

    private readonly IConfiguration _configuration;
    private readonly BridgeRuntime _runtime;
    private readonly ILogger _logger;
    private RealTimeCell? _cell;
    private DemoScriptPlayer[] _players = Array.Empty<DemoScriptPlayer>();

    /// <summary>Creates the service (dependency injection).</summary>
    public DemoNodesService(IConfiguration configuration, BridgeRuntime runtime, ILogger<DemoNodesService> logger)
    {
        _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The running demo cell, or null.</summary>
    public RealTimeCell? Cell => _cell;

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
        var cell = new RealTimeCell(1, new MqttNetLinkOptions { Host = host, Port = _runtime.BrokerPort }, NodeStoreDirectory(_configuration));
        for (int i = 1; i <= count; i++)
        {
            cell.AddNode(DemoScriptPlayer.BoardOptions(CellId, "demo-" + i.ToString("00", CultureInfo.InvariantCulture)));
        }

        cell.PowerOnAll();
        _cell = cell;

        // The timeline of causes and the operator's resets are the script's (firmware/Jidoka.SimBoard/Demo/demo-script.json).
        DemoScript script = DemoScript.BuiltIn();
        _players = cell.Nodes.Select((node, index) => DemoScriptPlayer.Attach(script, node, index)).ToArray();
        _logger.LogInformation("Demo: {Count} simulated node(s) in cell {Cell} publishing to {Host}:{Port}.", count, CellId, host, _runtime.BrokerPort);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (DemoScriptPlayer player in _players)
        {
            player.Stop();
        }

        _players = Array.Empty<DemoScriptPlayer>();
        _cell?.Dispose();
        _cell = null;
    }
}
