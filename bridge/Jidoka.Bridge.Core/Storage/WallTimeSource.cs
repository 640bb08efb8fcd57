namespace Jidoka.Bridge.Storage;

/// <summary>Where a stored wall-clock time came from, so a reviewer knows how far to trust it.</summary>
public enum WallTimeSource
{
    /// <summary>Node monotonic time plus the node's synced offset; error bounded by the stored uncertainty.</summary>
    NodeSynced = 1,

    /// <summary>Node monotonic time plus an offset the node holds over since its last sync; uncertainty grows with drift.</summary>
    NodeHoldover = 2,

    /// <summary>
    /// The node had no time sync, so the bridge's receive time stands in. Close for live data; for
    /// historical (replayed) data it says when the bridge got it, not when it happened.
    /// </summary>
    BridgeReceipt = 3,
}
