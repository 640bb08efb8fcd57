using System;
using System.Globalization;
using System.Threading;
using Jidoka.Protocol;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Nodes;
using Jidoka.SimBoard.Physics;

namespace Jidoka.DemoNodes;

/// <summary>
/// The demo cell: N simulated boards in real time. Each node runs press cycles below the warning band
/// with seeded random spikes, some in the near-miss band and some over the limit, so near-misses, trips
/// and cases appear; a tripped node is reset by its local button 10 s later, as an operator at the cell
/// would.
/// </summary>
public sealed class DemoCell : IDisposable
{
    /// <summary>Cell id of the demo nodes.</summary>
    public const string CellId = "demo";

    private static readonly TimeSpan ResetAfter = TimeSpan.FromSeconds(10);
    private readonly RealTimeCell _cell;
    private readonly DateTime[] _trippedSince;
    private readonly Timer _operator;

    /// <summary>Creates <paramref name="count"/> nodes (demo-01, demo-02, ...) against the broker at <paramref name="mqtt"/> and powers them on.</summary>
    public DemoCell(int count, MqttNetLinkOptions mqtt)
    {
        _cell = new RealTimeCell(1, mqtt);
        ulong period = 3_000_000;
        for (int i = 1; i <= count; i++)
        {
            SimulatedNode node = _cell.AddNode(new SimulatedBoardOptions { CellId = CellId, NodeId = NodeId(i) });
            ulong seed = (ulong)i * 7919;
            // Presses peaking at 100 N (warning band 120-150 N), and now and then a spike of up to 200 N (on average one per 40 s).
            node.Force.Profile = ForceProfile.PressCycle(0, PressCycleTiming.Typical, 40_000, 100_000).Repeat(period).Shift((ulong)i * 137_000)
                + ForceProfile.RandomSpikes(seed, 20_000_000, 150_000, 200_000);
        }

        _trippedSince = new DateTime[count];
        _cell.PowerOnAll();
        _operator = new Timer(_ => PressResetWhereDue(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>The id of the <paramref name="index"/>-th node (1-based).</summary>
    public static string NodeId(int index) => "demo-" + index.ToString("00", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public void Dispose()
    {
        _operator.Dispose();
        _cell.Dispose();
    }

    private void PressResetWhereDue()
    {
        for (int i = 0; i < _cell.Nodes.Count; i++)
        {
            SimulatedNode node = _cell.Nodes[i];
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
