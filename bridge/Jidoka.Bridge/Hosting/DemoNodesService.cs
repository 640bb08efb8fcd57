using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Protocol;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Nodes;
using Jidoka.SimBoard.Physics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Hosting;

/// <summary>
/// Simulated nodes for a demonstration or a first look without hardware: with <c>--demo-nodes N</c> (or
/// <c>Bridge:Demo:Nodes</c>) the bridge starts N simulated boards (firmware/Jidoka.SimBoard: the real node
/// core on simulated sensors) in real time against its own broker, after the bridge itself is up. Each
/// node runs press cycles below the warning band with seeded random spikes, some in the near-miss band
/// and some over the limit, so near-misses, trips and cases appear; a tripped node is reset by its local
/// button 10 s later, as an operator at the cell would. Nothing happens when the setting is absent or 0.
/// </summary>
public sealed class DemoNodesService : IHostedService, IDisposable
{
    /// <summary>Most demo nodes one bridge starts.</summary>
    public const int NodesMax = 200;

    /// <summary>Cell id of the demo nodes.</summary>
    public const string CellId = "demo";

    private static readonly TimeSpan ResetAfter = TimeSpan.FromSeconds(10);
    private readonly IConfiguration _configuration;
    private readonly BridgeRuntime _runtime;
    private readonly ILogger _logger;
    private RealTimeCell? _cell;
    private Timer? _operator;
    private DateTime[] _trippedSince = Array.Empty<DateTime>();

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

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        int count = ConfiguredNodes(_configuration);
        if (count == 0)
        {
            return Task.CompletedTask;
        }

        string host = _runtime.BrokerHost is "0.0.0.0" or "" ? "127.0.0.1" : _runtime.BrokerHost == "::" ? "::1" : _runtime.BrokerHost;
        var cell = new RealTimeCell(1, new MqttNetLinkOptions { Host = host, Port = _runtime.BrokerPort });
        ulong period = 3_000_000;
        for (int i = 1; i <= count; i++)
        {
            SimulatedNode node = cell.AddNode(new SimulatedBoardOptions { CellId = CellId, NodeId = "demo-" + i.ToString("00", CultureInfo.InvariantCulture) });
            ulong seed = (ulong)i * 7919;
            // Presses peaking at 100 N (warning band 120-150 N), and now and then a spike of up to 200 N (on average one per 40 s).
            node.Force.Profile = ForceProfile.PressCycle(0, PressCycleTiming.Typical, 40_000, 100_000).Repeat(period).Shift((ulong)i * 137_000)
                + ForceProfile.RandomSpikes(seed, 20_000_000, 150_000, 200_000);
        }

        _trippedSince = new DateTime[count];
        cell.PowerOnAll();
        _cell = cell;
        _operator = new Timer(_ => PressResetWhereDue(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
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
        _operator?.Dispose();
        _operator = null;
        _cell?.Dispose();
        _cell = null;
    }

    private void PressResetWhereDue()
    {
        RealTimeCell? cell = _cell;
        if (cell == null)
        {
            return;
        }

        for (int i = 0; i < cell.Nodes.Count; i++)
        {
            SimulatedNode node = cell.Nodes[i];
            if (node.Core?.State != TripState.Tripped)
            {
                _trippedSince[i] = default;
                continue;
            }

            if (_trippedSince[i] == default)
            {
                _trippedSince[i] = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - _trippedSince[i] >= ResetAfter)
            {
                // Held longer than the node's reset hold time; a refused reset (cause still present) is journaled too.
                node.ResetButton.Set(true);
                node.Scheduler.At(node.Scheduler.NowUs + 150_000, () => node.ResetButton.Set(false));
                _trippedSince[i] = DateTime.UtcNow;
            }
        }
    }
}
