using Jidoka.Bridge.Storage;
using Jidoka.Protocol;

namespace Jidoka.Bridge.TwinFeed.Stream;

/// <summary>
/// The part of a node's state a twin acts on. The ingest engine rewrites a node's record whenever a
/// counter moves (every batch with frames); the stream announces a node only when this key changes.
/// <see cref="Provenance"/> leaves out the time uncertainty, which moves with every time sync.
/// </summary>
public readonly record struct NodeStateKey(
    bool Online,
    bool HasStatus,
    TripState TripState,
    TripRule TripCause,
    ResponseClass Response,
    ulong TripEventId,
    RecordProvenance Provenance,
    uint StagedPolicyId,
    bool ClockSkewSuspect,
    uint BootId,
    string CellId,
    string FirmwareVersion,
    string Board)
{
    /// <summary>The key of <paramref name="node"/>; <paramref name="online"/> as the directory judges it.</summary>
    public static NodeStateKey Of(NodeRecord node, bool online)
    {
        System.ArgumentNullException.ThrowIfNull(node);
        return new NodeStateKey(
            online,
            node.HasStatus,
            node.TripState,
            node.TripCause,
            node.Response,
            node.TripEventId,
            node.Provenance with { TimeUncertaintyUs = 0 },
            node.StagedPolicyId,
            node.ClockSkewSuspect,
            node.BootId,
            node.CellId,
            node.FirmwareVersion,
            node.Board);
    }
}
