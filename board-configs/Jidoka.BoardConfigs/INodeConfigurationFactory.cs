namespace Jidoka.BoardConfigs;

/// <summary>
/// The seam between board files and the node core (issue 3). The node core's configuration type does not
/// exist yet; when it does, the node core implements this interface to turn a checked
/// <see cref="BoardDefinition"/> (pins, <see cref="BoardDefinition.ToPolicyRecord"/>, the calibration
/// records) into the configuration its runtime starts from, and the board-file tests gain the
/// "converts to a node configuration" check by calling it for every board file. Nothing here
/// implements it yet.
/// </summary>
/// <typeparam name="TNodeConfiguration">The node core's configuration type.</typeparam>
public interface INodeConfigurationFactory<out TNodeConfiguration>
{
    /// <summary>Builds the node configuration of <paramref name="board"/>; throws if the node core cannot run it.</summary>
    TNodeConfiguration Create(BoardDefinition board);
}
