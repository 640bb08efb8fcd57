using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>POST /api/v1/nodes/{id}/reset and /policy: commands reach the node; bad requests get typed problems.</summary>
public sealed class CommandEndpointTests
{
    [Fact]
    public async Task A_reset_is_sent_with_the_operator_and_answered_with_the_nodes_result()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-11", TripState.Tripped, TripRule.ForceOverLimit, ResponseClass.Regrip);

        using HttpResponseMessage response = await bridge.Http.PostAsJsonAsync("/api/v1/nodes/press-11/reset", new ResetRequest { Operator = "op-7" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        CommandResultView result = (await response.Content.ReadFromJsonAsync<CommandResultView>(TwinJson.Options))!;
        Assert.Equal("applied", result.Outcome);
        Assert.Equal("reset", result.Type);
        Assert.Equal("none", result.Reason);
        Assert.NotEqual(0UL, result.EventId);
        CommandMessage received = Assert.Single(node.Commands);
        Assert.Equal(CommandType.Reset, received.CommandType);
        Assert.Equal("op-7", received.OperatorId);
        Assert.Equal(result.CommandId, received.CommandId);
    }

    [Fact]
    public async Task A_refused_reset_reports_the_nodes_reason_and_a_silent_node_is_pending()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-12", TripState.Tripped, TripRule.InterlockOpen, ResponseClass.Pause);
        node.AnswerCommands = false;

        Task<HttpResponseMessage> pending = bridge.Http.PostAsJsonAsync("/api/v1/nodes/press-12/reset?waitMs=20000", new ResetRequest { Operator = "op-7" });
        await Eventually.UntilAsync(() => !node.Commands.IsEmpty, "reset command at the node");
        node.Commands.TryPeek(out CommandMessage? command);
        await node.PublishRawAsync(TopicKind.CommandResult, Messages.Encode(new CommandResultMessage
        {
            CommandType = CommandType.Reset,
            Outcome = CommandOutcome.Rejected,
            Reason = CommandReason.CauseActive,
            NodeId = "press-12",
            CommandId = command!.CommandId,
            EventId = 900,
        }));
        using HttpResponseMessage refused = await pending;
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        CommandResultView result = (await refused.Content.ReadFromJsonAsync<CommandResultView>(TwinJson.Options))!;
        Assert.Equal("rejected", result.Outcome);
        Assert.Equal("cause-active", result.Reason);
        Assert.Equal(900UL, result.EventId);

        // waitMs=0: sent, not waited for.
        using HttpResponseMessage notWaited = await bridge.Http.PostAsJsonAsync("/api/v1/nodes/press-12/reset?waitMs=0", new ResetRequest { Operator = "op-7" });
        Assert.Equal(HttpStatusCode.Accepted, notWaited.StatusCode);
        Assert.Equal("pending", (await notWaited.Content.ReadFromJsonAsync<CommandResultView>(TwinJson.Options))!.Outcome);
    }

    [Fact]
    public async Task A_policy_is_validated_stored_and_pushed_and_an_invalid_one_names_its_problem()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-13");

        PolicyDocument policy = PolicyFiles.Valid(21);
        using HttpResponseMessage applied = await bridge.Http.PostAsJsonAsync("/api/v1/nodes/press-13/policy", new PolicyApplyRequest { Operator = "eng-2", Policy = policy }, TwinJson.Options);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal("applied", (await applied.Content.ReadFromJsonAsync<CommandResultView>(TwinJson.Options))!.Outcome);
        PolicyVersionRecord stored = (await bridge.Runtime.Store.GetPolicyAsync(21, default))!;
        Assert.Equal("eng-2", stored.CreatedBy);
        CommandMessage pushed = Assert.Single(node.Commands);
        Assert.Equal(450_000, pushed.Policy.ForceLimitMilliNewtons);
        Assert.Equal(ResponseClass.Maintenance, pushed.Policy.ResponseFor(TripRule.ChannelDiscrepancy));
        Assert.Equal(stored.PolicyHash, pushed.Policy.ComputeHash());

        // Warning threshold above the limit: PolicyRecord.Validate says force-warn.
        JsonElement invalid = await ProblemAsync(bridge, "/api/v1/nodes/press-13/policy", new PolicyApplyRequest { Operator = "eng-2", Policy = policy with { PolicyId = 22, ForceWarnMilliNewtons = 460_000 } }, HttpStatusCode.BadRequest);
        Assert.Equal(ProblemTypes.InvalidPolicy, invalid.GetProperty("type").GetString());
        Assert.Equal("force-warn", invalid.GetProperty("problem").GetString());

        // A missing member, an unknown rule name: the document is refused before validation.
        JsonElement missing = await ProblemAsync(bridge, "/api/v1/nodes/press-13/policy", new PolicyApplyRequest { Operator = "eng-2", Policy = policy with { PolicyId = 23, LoopPeriodUs = null } }, HttpStatusCode.BadRequest);
        Assert.Contains("loopPeriodUs", missing.GetProperty("detail").GetString());
        var badResponses = new Dictionary<string, string>(policy.Responses!) { ["fire"] = "pause" };
        JsonElement unknownRule = await ProblemAsync(bridge, "/api/v1/nodes/press-13/policy", new PolicyApplyRequest { Operator = "eng-2", Policy = policy with { PolicyId = 24, Responses = badResponses } }, HttpStatusCode.BadRequest);
        Assert.Contains("'fire' is not a rule that trips", unknownRule.GetProperty("detail").GetString());

        // A body still giving the over-limit window as a sample count (the retired name) is refused by name.
        using JsonDocument three = JsonDocument.Parse("3");
        JsonElement retired = await ProblemAsync(bridge, "/api/v1/nodes/press-13/policy", new PolicyApplyRequest { Operator = "eng-2", Policy = policy with { PolicyId = 25, ForceOverLimitMs = null, RetiredForceOverLimitSamples = three.RootElement.Clone() } }, HttpStatusCode.BadRequest);
        Assert.Equal("policy: forceOverLimitSamples is no longer read: give the window in milliseconds as forceOverLimitMs (samples mean a different time at each loop period).", retired.GetProperty("detail").GetString());

        // Same id, other limits: every change needs a new id.
        JsonElement conflict = await ProblemAsync(bridge, "/api/v1/nodes/press-13/policy", new PolicyApplyRequest { Operator = "eng-2", Policy = policy with { ForceLimitMilliNewtons = 455_000 } }, HttpStatusCode.Conflict);
        Assert.Equal(ProblemTypes.PolicyIdConflict, conflict.GetProperty("type").GetString());
        Assert.Single(node.Commands);
    }

    [Fact]
    public async Task Bad_command_requests_get_typed_problems_and_send_nothing()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-14");

        Assert.Equal(ProblemTypes.UnknownNode, (await ProblemAsync(bridge, "/api/v1/nodes/press-99/reset", new ResetRequest { Operator = "op-1" }, HttpStatusCode.NotFound)).GetProperty("type").GetString());
        Assert.Equal(ProblemTypes.MissingOperator, (await ProblemAsync(bridge, "/api/v1/nodes/press-14/reset", new ResetRequest(), HttpStatusCode.BadRequest)).GetProperty("type").GetString());
        Assert.Equal(ProblemTypes.InvalidOperator, (await ProblemAsync(bridge, "/api/v1/nodes/press-14/reset", new ResetRequest { Operator = "op 1; drop" }, HttpStatusCode.BadRequest)).GetProperty("type").GetString());

        foreach (string body in new[] { "", "not json", "[1,2]", "{\"operator\":\"op-1\",\"force\":true}" })
        {
            using HttpResponseMessage response = await bridge.Http.PostAsync("/api/v1/nodes/press-14/reset", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(ProblemTypes.BadBody, await response.Content.ReadAsStringAsync());
        }

        node.Drop();
        await Eventually.UntilAsync(() => bridge.Runtime.Directory.TryGet("press-14", out NodeRecord n) && !n.Online, "press-14 offline");
        Assert.Equal(ProblemTypes.NodeOffline, (await ProblemAsync(bridge, "/api/v1/nodes/press-14/reset", new ResetRequest { Operator = "op-1" }, HttpStatusCode.Conflict)).GetProperty("type").GetString());
        Assert.Empty(node.Commands);
        Assert.Empty(await bridge.Runtime.Store.QueryCommandsAsync(null, 10, default));
    }

    private static async Task<JsonElement> ProblemAsync<T>(TestBridge bridge, string path, T body, HttpStatusCode expected)
    {
        using HttpResponseMessage response = await bridge.Http.PostAsJsonAsync(path, body, TwinJson.Options);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }
}
