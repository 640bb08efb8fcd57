using Jidoka.Bridge.Storage;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Time;

/// <summary>Maps node monotonic time to wall-clock time with the quality the node declared.</summary>
public static class WallClockMapper
{
    /// <summary>
    /// Wall time of node time <paramref name="monoUs"/>: node time plus the node's offset when the node
    /// is synced or in holdover, otherwise <paramref name="fallbackUnixUs"/> (an estimate from the
    /// bridge's receive time).
    /// </summary>
    public static long Map(ulong monoUs, Provenance provenance, long fallbackUnixUs, out WallTimeSource source)
    {
        switch (provenance.TimeQuality)
        {
            case TimeQuality.Synced:
                source = WallTimeSource.NodeSynced;
                return unchecked((long)monoUs + provenance.WallOffsetUs);
            case TimeQuality.Holdover:
                source = WallTimeSource.NodeHoldover;
                return unchecked((long)monoUs + provenance.WallOffsetUs);
            default:
                source = WallTimeSource.BridgeReceipt;
                return fallbackUnixUs;
        }
    }
}
