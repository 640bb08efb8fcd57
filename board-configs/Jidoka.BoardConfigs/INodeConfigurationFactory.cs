namespace Jidoka.BoardConfigs;

/// <summary>
/// The seam between board files and a node's runtime configuration: turns a checked
/// <see cref="BoardDefinition"/> (pins, <see cref="BoardDefinition.ToPolicyRecord"/>, the calibration
/// records) into the configuration a node starts from. <see cref="Conversion.NodeConfigFactory"/>
/// implements it for the node core's <c>NodeConfig</c>; the board-file tests call it for every board file.
/// </summary>
/// <typeparam name="TNodeConfiguration">The node's configuration type.</typeparam>
public interface INodeConfigurationFactory<out TNodeConfiguration>
{
    /// <summary>Builds the node configuration of <paramref name="board"/>; throws if the node core cannot run it.</summary>
    TNodeConfiguration Create(BoardDefinition board);
}
