using Jidoka.Boards.Logic.Profile;
using Jidoka.Node.Config;

namespace Jidoka.BoardConfigs.Conversion;

/// <summary>
/// Board file → the node core's <see cref="NodeConfig"/>, through the node-side
/// <see cref="NodeConfigBuilder"/> the board apps run on the device. A board file carries no site
/// identity (cell, node id), so the factory is given it; the simulator and the HIL rig use this to start
/// a node from simulated.json.
/// </summary>
public sealed class NodeConfigFactory : INodeConfigurationFactory<NodeConfig>
{
    private readonly string _cellId;
    private readonly string _nodeId;
    private readonly string _firmwareVersion;

    /// <summary>A factory for one node identity; <paramref name="firmwareVersion"/> defaults to the board apps' version.</summary>
    public NodeConfigFactory(string cellId, string nodeId, string firmwareVersion = FirmwareInfo.Version)
    {
        _cellId = cellId;
        _nodeId = nodeId;
        _firmwareVersion = firmwareVersion;
    }

    /// <inheritdoc/>
    /// <exception cref="System.ArgumentException">The identity is not a valid protocol id, or the node could not run the board.</exception>
    public NodeConfig Create(BoardDefinition board) =>
        NodeConfigBuilder.Build(BoardProfiles.From(board), _cellId, _nodeId, _firmwareVersion);
}
