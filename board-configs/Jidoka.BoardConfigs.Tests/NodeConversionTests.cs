using System;
using System.Linq;
using Jidoka.BoardConfigs.Conversion;
using Jidoka.BoardConfigs.Loading;
using Jidoka.Boards.Logic.Profile;
using Jidoka.Node;
using Jidoka.Node.Config;
using Jidoka.Node.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.BoardConfigs.Tests;

/// <summary>
/// Issue 6: "each board file converts to a node configuration". Every board file in board-configs/
/// (including simulated.json) goes through <see cref="NodeConfigFactory"/>, the same builder the board
/// apps run on the device, and the node core must boot, arm and trip with the result.
/// </summary>
public sealed class NodeConversionTests
{
    private static BoardDefinition Load(string boardId)
    {
        BoardLoadResult result = Repository.Loader.Load(Repository.BoardFile(boardId));
        Assert.True(result.Succeeded, result.Describe());
        return result.Definition;
    }

    [Theory]
    [MemberData(nameof(BoardFileTests.BoardIds), MemberType = typeof(BoardFileTests))]
    public void Each_board_file_converts_to_a_node_configuration(string boardId)
    {
        BoardDefinition board = Load(boardId);
        NodeConfig config = new NodeConfigFactory("cell-a", "node-01").Create(board);

        config.Validate();
        Assert.Equal(boardId, config.Board);
        Assert.Equal("cell-a", config.CellId);
        Assert.Equal("node-01", config.NodeId);
        Assert.Equal(FirmwareInfo.Version, config.FirmwareVersion);

        PolicyRecord expected = board.ToPolicyRecord();
        Assert.Equal(expected.ComputeHash(), config.DefaultPolicy.ComputeHash());
        Assert.Equal(board.Board.DefaultPolicy.PolicyId, config.DefaultPolicy.PolicyId);
        Assert.Equal(board.Board.DefaultPolicy.LoopPeriodUs, config.DefaultPolicy.LoopPeriodUs);
        Assert.Equal(board.Board.DefaultPolicy.LoopDeadlineUs, config.DefaultPolicy.LoopDeadlineUs);
        Assert.Equal(board.Board.DefaultPolicy.ForceLimitMilliNewtons, config.DefaultPolicy.ForceLimitMilliNewtons);
        foreach (TripRule rule in Enum.GetValues<TripRule>().Where(r => r != TripRule.None))
        {
            Assert.Equal(expected.ResponseFor(rule), config.DefaultPolicy.ResponseFor(rule));
        }

        AssertCalibration(board.Board.DefaultCalibration.Force, InputChannel.Force, config.DefaultForceCalibration);
        AssertCalibration(board.Board.DefaultCalibration.Vision, InputChannel.Vision, config.DefaultVisionCalibration);
    }

    [Theory]
    [MemberData(nameof(BoardFileTests.BoardIds), MemberType = typeof(BoardFileTests))]
    public void The_node_core_boots_arms_and_trips_with_each_board_configuration(string boardId)
    {
        BoardDefinition board = Load(boardId);
        NodeConfig config = new NodeConfigFactory("cell-a", "node-01").Create(board);
        // A force inside the board's plausible range and below its warning band, through its own calibration.
        CalibrationRecord cal = config.DefaultForceCalibration;
        int targetMilliNewtons = config.DefaultPolicy.ForceWarnMilliNewtons / 2;
        var node = new FakeNode(config, new MemoryStore(NodeConfigBuilder.StoreSlotCount, Jidoka.Node.Store.StoreLayout.SlotSizeBytesMin));
        node.Board.Force.Counts = cal.OffsetCounts + (int)((long)targetMilliNewtons * 1_000_000 / cal.GainMicroUnitsPerCount);

        node.BootAndArm();
        Assert.Equal(board.Board.DefaultPolicy.LoopPeriodUs, node.Core.LoopPeriodUs);
        node.Step();
        Assert.True(node.Board.StopPin.Energized);
        Assert.True(node.Board.Watchdog.Kicks > 0);

        node.Board.OpenInterlock(0);
        node.Core.OnInterlockEdge(0);
        Assert.Equal(TripState.Tripped, node.Core.State);
        Assert.False(node.Board.StopPin.Energized);
    }

    [Fact]
    public void The_simulated_board_runs_the_policy_of_its_board_file()
    {
        // The simulator (and the test kit's standard policy built on it) writes policy 1 of simulated.json by hand.
        NodeConfig config = new NodeConfigFactory("cell-a", "node-01").Create(Load("simulated"));
        PolicyRecord simulator = Jidoka.SimBoard.Nodes.SimulatedBoardConfig.DefaultPolicy();
        Assert.Equal(config.DefaultPolicy.ComputeHash(), simulator.ComputeHash());
        Assert.Equal(config.DefaultPolicy.PolicyId, simulator.PolicyId);
    }

    [Fact]
    public void An_identity_that_is_not_a_protocol_id_is_refused()
    {
        BoardDefinition board = Load("simulated");
        Assert.Throws<ArgumentException>(() => new NodeConfigFactory("Cell A", "node-01").Create(board));
        Assert.Throws<ArgumentException>(() => new NodeConfigFactory("cell-a", "node/01").Create(board));
    }

    private static void AssertCalibration(Model.CalibrationConfig expected, InputChannel channel, CalibrationRecord actual)
    {
        Assert.Equal(channel, actual.Channel);
        Assert.Equal(expected.CalibrationId, actual.CalibrationId);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.GainMicroUnitsPerCount, actual.GainMicroUnitsPerCount);
        Assert.Equal(expected.OffsetCounts, actual.OffsetCounts);
        Assert.Equal(expected.CalibratedUnixSeconds, actual.CalibratedUnixSeconds);
        Assert.Equal(expected.Technician, actual.Technician);
    }
}
