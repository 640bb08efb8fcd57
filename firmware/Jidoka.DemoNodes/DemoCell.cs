using System;
using System.Globalization;
using System.Linq;
using Jidoka.SimBoard.Demo;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Nodes;

namespace Jidoka.DemoNodes;

/// <summary>
/// The demo cell: N simulated boards in real time, each playing the demo script
/// (<see cref="DemoScript"/>, firmware/Jidoka.SimBoard/Demo/demo-script.json): over three minutes every trip
/// cause (force over the limit, guard open, vision degrading and dropping out, a channel discrepancy, a stuck
/// load cell) and near-misses in the warning band, each node at its own point in the timeline; a tripped
/// node is reset by its local button 10 s later, as an operator at the cell would.
/// </summary>
public sealed class DemoCell : IDisposable
{
    /// <summary>Cell id of the demo nodes.</summary>
    public const string CellId = "demo";

    private readonly RealTimeCell _cell;
    private readonly DemoScriptPlayer[] _players;

    /// <summary>
    /// Creates <paramref name="count"/> nodes (demo-01, demo-02, ...) against the broker at <paramref name="mqtt"/>,
    /// their flash under <paramref name="storeDirectory"/> (null: in memory), and powers them on.
    /// </summary>
    public DemoCell(int count, MqttNetLinkOptions mqtt, string? storeDirectory)
    {
        _cell = new RealTimeCell(1, mqtt, storeDirectory);
        for (int i = 1; i <= count; i++)
        {
            _cell.AddNode(DemoScriptPlayer.BoardOptions(CellId, NodeId(i)));
        }

        _cell.PowerOnAll();
        DemoScript script = DemoScript.BuiltIn();
        _players = _cell.Nodes.Select((node, index) => DemoScriptPlayer.Attach(script, node, index)).ToArray();
    }

    /// <summary>The id of the <paramref name="index"/>-th node (1-based).</summary>
    public static string NodeId(int index) => "demo-" + index.ToString("00", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (DemoScriptPlayer player in _players)
        {
            player.Stop();
        }

        _cell.Dispose();
    }
}
