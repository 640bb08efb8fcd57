using System.Linq;
using System.Threading.Tasks;
using Jidoka.Bridge.Audit;
using Jidoka.Bridge.Commands;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>Commands from the bridge's service API to a node over the real broker.</summary>
public sealed class CommandTests
{
    private const string Node = "press-07";

    [Fact]
    public async Task A_reset_reaches_the_node_and_its_result_is_stored_and_audited()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartAsync(dir.File("bridge.db"));
        await using TestNode node = await OnlineNodeAsync(bridge);

        CommandRequestResult sent = await bridge.Runtime.Commands.ResetAsync(Node, "op-1", default);
        Assert.True(sent.IsSent, sent.Message);
        CommandResultUpdate? result = await bridge.Runtime.Commands.WaitForResultAsync(sent.CommandId, Eventually.DefaultTimeout, default);

        Assert.NotNull(result);
        Assert.Equal(CommandOutcome.Applied, result.Outcome);
        CommandMessage received = Assert.Single(node.Commands);
        Assert.Equal(CommandType.Reset, received.CommandType);
        Assert.Equal("op-1", received.OperatorId);
        Assert.Equal(sent.CommandId, received.CommandId);
        CommandRecord stored = (await bridge.Runtime.Store.GetCommandAsync(sent.CommandId, default))!;
        Assert.Equal(CommandOutcome.Applied, stored.Outcome);
        Assert.Equal("op-1", stored.OperatorId);
        var audit = (await bridge.Runtime.Store.ReadAuditAsync(0, 1000, default)).Select(r => r.Entry).ToList();
        Assert.Contains(audit, e => e.Kind == AuditKinds.Command && e.Actor == "op-1" && e.Subject == "command/" + sent.CommandId);
        Assert.Contains(audit, e => e.Kind == AuditKinds.CommandResult && e.Subject == "command/" + sent.CommandId && e.Details.Contains("outcome=applied", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_valid_policy_is_stored_with_its_version_and_pushed()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartAsync(dir.File("bridge.db"));
        await using TestNode node = await OnlineNodeAsync(bridge);
        PolicyRecord policy = ValidPolicy(8);

        CommandRequestResult sent = await bridge.Runtime.Commands.ApplyPolicyAsync(Node, policy, "eng-2", changeover: true, default);
        Assert.True(sent.IsSent, sent.Message);
        Assert.NotNull(await bridge.Runtime.Commands.WaitForResultAsync(sent.CommandId, Eventually.DefaultTimeout, default));

        PolicyVersionRecord stored = (await bridge.Runtime.Store.GetPolicyAsync(8, default))!;
        Assert.Equal(policy.ComputeHash(), stored.PolicyHash);
        Assert.Equal("eng-2", stored.CreatedBy);
        CommandMessage received = Assert.Single(node.Commands);
        Assert.Equal(CommandType.ApplyPolicy, received.CommandType);
        Assert.Equal(CommandFlags.Changeover, received.Flags);
        Assert.Equal(policy.ComputeHash(), received.Policy.ComputeHash());
        Assert.Contains((await bridge.Runtime.Store.ReadAuditAsync(0, 1000, default)).Select(r => r.Entry), e => e.Kind == AuditKinds.PolicyStored && e.Subject == "policy/8");

        // The same id with other limits is refused: every change needs a new id.
        PolicyRecord changed = ValidPolicy(8);
        changed.ForceLimitMilliNewtons = 460000;
        CommandRequestResult conflict = await bridge.Runtime.Commands.ApplyPolicyAsync(Node, changed, "eng-2", changeover: false, default);
        Assert.Equal(CommandRequestError.PolicyIdConflict, conflict.Error);
    }

    [Fact]
    public async Task A_calibration_is_validated_stored_and_pushed()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartAsync(dir.File("bridge.db"));
        await using TestNode node = await OnlineNodeAsync(bridge);
        var calibration = new CalibrationRecord
        {
            Channel = InputChannel.Force,
            CalibrationId = 12,
            Version = 4,
            GainMicroUnitsPerCount = 1_000_000,
            OffsetCounts = 120,
            CalibratedUnixSeconds = 1_764_489_600,
            Technician = "tech-1",
        };

        CommandRequestResult sent = await bridge.Runtime.Commands.SetCalibrationAsync(Node, calibration, "tech-1", default);
        Assert.True(sent.IsSent, sent.Message);
        Assert.NotNull(await bridge.Runtime.Store.GetCalibrationAsync(InputChannel.Force, 12, 4, default));
        await Eventually.UntilAsync(() => node.Commands.Count == 1, "calibration command received");
        Assert.Equal(120, node.Commands.Single().Calibration.OffsetCounts);

        calibration.Technician = "";
        CommandRequestResult invalid = await bridge.Runtime.Commands.SetCalibrationAsync(Node, calibration, "tech-1", default);
        Assert.Equal(CommandRequestError.InvalidCalibration, invalid.Error);
        Assert.Equal((byte)CalibrationProblem.Technician, invalid.Detail);
    }

    [Fact]
    public async Task Bad_requests_get_typed_errors_and_send_nothing()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartAsync(dir.File("bridge.db"));
        await using TestNode node = await OnlineNodeAsync(bridge);
        NodeCommandService commands = bridge.Runtime.Commands;

        Assert.Equal(CommandRequestError.UnknownNode, (await commands.ResetAsync("press-99", "op-1", default)).Error);
        Assert.Equal(CommandRequestError.MissingOperator, (await commands.ResetAsync(Node, "", default)).Error);
        Assert.Equal(CommandRequestError.InvalidOperator, (await commands.ResetAsync(Node, "op 1; drop", default)).Error);
        PolicyRecord invalid = ValidPolicy(9);
        invalid.ForceWarnMilliNewtons = invalid.ForceLimitMilliNewtons + 1;
        CommandRequestResult refused = await commands.ApplyPolicyAsync(Node, invalid, "eng-2", changeover: false, default);
        Assert.Equal(CommandRequestError.InvalidPolicy, refused.Error);
        Assert.Equal((byte)PolicyProblem.ForceWarn, refused.Detail);
        Assert.Null(await bridge.Runtime.Store.GetPolicyAsync(9, default));

        // The node drops off: its last will marks it offline, and commands are refused.
        node.Drop();
        await Eventually.UntilAsync(() => bridge.Runtime.Directory.TryGet(Node, out NodeRecord n) && !n.Online, "node offline");
        Assert.Equal(CommandRequestError.NodeOffline, (await commands.ResetAsync(Node, "op-1", default)).Error);

        Assert.Empty(node.Commands);
        Assert.Empty(await bridge.Runtime.Store.QueryCommandsAsync(Node, 10, default));
    }

    private static async Task<TestNode> OnlineNodeAsync(TestBridge bridge)
    {
        var node = new TestNode("cell-a", Node);
        await node.ConnectAsync(bridge.Port);
        await node.PublishStatusAsync();
        await Eventually.UntilAsync(() => bridge.Runtime.Directory.TryGet(Node, out NodeRecord n) && n.Online, "node online");
        return node;
    }

    private static PolicyRecord ValidPolicy(uint id)
    {
        var policy = new PolicyRecord
        {
            PolicyId = id,
            ForceRangeMinMilliNewtons = -10_000,
            ForceRangeMaxMilliNewtons = 1_000_000,
            ForceLimitMilliNewtons = 450_000,
            ForceWarnMilliNewtons = 400_000,
            ForceOverLimitMs = 3,
            ForceStuckMs = 50,
            VisionMinConfidence = 8000,
            VisionMaxAgeMs = 200,
            InterlockDebounceMs = 10,
            DiscrepancyMs = 100,
            LoopPeriodUs = 1000,
            LoopDeadlineUs = 800,
        };
        policy.SetResponse(TripRule.ForceOverLimit, ResponseClass.Regrip);
        policy.SetResponse(TripRule.VisionLowConfidence, ResponseClass.Reinspect);
        policy.SetResponse(TripRule.VisionStale, ResponseClass.Reinspect);
        policy.SetResponse(TripRule.InterlockOpen, ResponseClass.Pause);
        policy.SetResponse(TripRule.ChannelDiscrepancy, ResponseClass.Maintenance);
        policy.SetResponse(TripRule.SensorFault, ResponseClass.Recalibrate);
        policy.SetResponse(TripRule.LoopOverrun, ResponseClass.Maintenance);
        Assert.Equal(PolicyProblem.None, policy.Validate());
        return policy;
    }
}
