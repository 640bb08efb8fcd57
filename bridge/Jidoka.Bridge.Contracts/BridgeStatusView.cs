namespace Jidoka.Bridge.Contracts;

/// <summary>
/// The bridge's own state (GET /api/v1/bridge): whether it is connected to its MQTT broker. While it is
/// not, node states are as last heard (no status, frames or wills reach it) and commands answer 503
/// not-connected.
/// </summary>
public sealed record BridgeStatusView
{
    /// <summary>The bridge's host id (Bridge:HostId).</summary>
    public required string HostId { get; init; }

    /// <summary>True while the bridge is connected to its MQTT broker.</summary>
    public required bool BrokerConnected { get; init; }

    /// <summary>Nodes the bridge knows.</summary>
    public required int Nodes { get; init; }

    /// <summary>Of those, online as last heard.</summary>
    public required int NodesOnline { get; init; }
}
