using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>With Bridge:Http:Operators configured, a command needs a token, and the token names who acted.</summary>
public sealed class CommandAuthorizationTests
{
    private const string TechnicianToken = "tech-token-4f1c9a";
    private const string EngineerToken = "eng-token-77b2d0";

    [Fact]
    public async Task A_reset_needs_a_known_token_and_is_recorded_under_the_tokens_operator()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await SecuredBridgeAsync(dir);
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-61", TripState.Tripped, TripRule.ForceOverLimit, ResponseClass.Regrip);

        using HttpResponseMessage anonymous = await PostAsync(bridge, "/api/v1/nodes/press-61/reset", new ResetRequest { Operator = "op-7" }, token: null);
        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, ProblemTypes.Unauthenticated, "Authorization: Bearer");
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);

        using HttpResponseMessage unknown = await PostAsync(bridge, "/api/v1/nodes/press-61/reset", new ResetRequest { Operator = "op-7" }, token: "guessed");
        await AssertProblemAsync(unknown, HttpStatusCode.Unauthorized, ProblemTypes.Unauthenticated, "not one of this bridge's operator tokens");

        using HttpResponseMessage impersonation = await PostAsync(bridge, "/api/v1/nodes/press-61/reset", new ResetRequest { Operator = "op-9" }, TechnicianToken);
        await AssertProblemAsync(impersonation, HttpStatusCode.Forbidden, ProblemTypes.Forbidden, "belongs to operator 'op-7'");
        Assert.Empty(node.Commands);

        // The body may leave the operator out: the token says who it is.
        using HttpResponseMessage ok = await PostAsync(bridge, "/api/v1/nodes/press-61/reset", new ResetRequest(), TechnicianToken);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        CommandMessage received = Assert.Single(node.Commands);
        Assert.Equal(CommandType.Reset, received.CommandType);
        Assert.Equal("op-7", received.OperatorId);
    }

    [Fact]
    public async Task A_policy_push_needs_an_operator_allowed_to_push_policies()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await SecuredBridgeAsync(dir);
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-62");
        var request = new PolicyApplyRequest { Policy = PolicyFiles.Valid(31) };

        using HttpResponseMessage technician = await PostAsync(bridge, "/api/v1/nodes/press-62/policy", request, TechnicianToken);
        await AssertProblemAsync(technician, HttpStatusCode.Forbidden, ProblemTypes.Forbidden, "may not send 'policy'");
        Assert.Empty(node.Commands);

        using HttpResponseMessage engineer = await PostAsync(bridge, "/api/v1/nodes/press-62/policy", request with { Operator = "eng-2" }, EngineerToken);
        Assert.Equal(HttpStatusCode.OK, engineer.StatusCode);
        CommandMessage received = Assert.Single(node.Commands);
        Assert.Equal(CommandType.ApplyPolicy, received.CommandType);
        Assert.Equal("eng-2", received.OperatorId);
        Assert.Equal(31u, received.Policy.PolicyId);
    }

    [Fact]
    public async Task The_jidoka_tool_sends_its_token_and_says_in_one_line_when_the_bridge_wants_one()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await SecuredBridgeAsync(dir);
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-63", TripState.Tripped, TripRule.ForceOverLimit, ResponseClass.Regrip);

        CliResult anonymous = await JidokaTool.RunAsync("reset", "press-63", "--operator", "op-7", "--bridge", bridge.BaseUrl);
        Assert.Equal(Jidoka.Cli.ExitCodes.Denied, anonymous.ExitCode);
        Assert.StartsWith("jidoka: Commands on this bridge need 'Authorization: Bearer <token>'", anonymous.Error, StringComparison.Ordinal);
        Assert.Empty(node.Commands);

        CliResult reset = await JidokaTool.RunAsync("reset", "press-63", "--operator", "op-7", "--token", TechnicianToken, "--bridge", bridge.BaseUrl);
        Assert.True(reset.ExitCode == Jidoka.Cli.ExitCodes.Ok, reset.ToString());
        Assert.Equal("op-7", Assert.Single(node.Commands).OperatorId);

        // Reading needs no token.
        CliResult nodes = await JidokaTool.RunAsync("nodes", "--bridge", bridge.BaseUrl);
        Assert.True(nodes.ExitCode == Jidoka.Cli.ExitCodes.Ok, nodes.ToString());
    }

    [Fact]
    public async Task With_a_token_the_operator_option_may_be_left_out_and_the_tokens_operator_is_recorded()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await SecuredBridgeAsync(dir);
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-65", TripState.Tripped, TripRule.ForceOverLimit, ResponseClass.Regrip);

        CliResult reset = await JidokaTool.RunAsync("reset", "press-65", "--token", TechnicianToken, "--bridge", bridge.BaseUrl);
        Assert.True(reset.ExitCode == Jidoka.Cli.ExitCodes.Ok, reset.ToString());
        Assert.Equal("op-7", Assert.Single(node.Commands).OperatorId);

        CliResult neither = await JidokaTool.RunAsync("reset", "press-65", "--bridge", bridge.BaseUrl);
        Assert.Equal(Jidoka.Cli.ExitCodes.Usage, neither.ExitCode);
        Assert.StartsWith("jidoka: --operator ID is required (or --token", neither.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_made_by_jidoka_token_new_is_admitted_by_a_bridge_configured_with_its_entry()
    {
        CliResult made = await JidokaTool.RunAsync("token", "new", "--operator", "op-12", "--command", "reset");
        Assert.True(made.ExitCode == Jidoka.Cli.ExitCodes.Ok, made.ToString());
        string[] lines = made.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string token = lines[0][(lines[0].LastIndexOf(' ') + 1)..];
        Assert.Matches("^[0-9a-f]{48}$", token);
        JsonElement entry = JsonDocument.Parse(lines[1][lines[1].IndexOf('{', StringComparison.Ordinal)..]).RootElement;
        Assert.Equal("op-12", entry.GetProperty("Id").GetString());
        Assert.Equal(Sha256Hex(token), entry.GetProperty("TokenSha256").GetString());

        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("made.db"), new Dictionary<string, string?>
        {
            ["Bridge:Http:Operators:0:Id"] = entry.GetProperty("Id").GetString(),
            ["Bridge:Http:Operators:0:TokenSha256"] = entry.GetProperty("TokenSha256").GetString(),
            ["Bridge:Http:Operators:0:Commands:0"] = entry.GetProperty("Commands")[0].GetString(),
        });
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-64", TripState.Tripped, TripRule.ForceOverLimit, ResponseClass.Regrip);
        CliResult reset = await JidokaTool.RunAsync("reset", "press-64", "--operator", "op-12", "--token", token, "--bridge", bridge.BaseUrl);
        Assert.True(reset.ExitCode == Jidoka.Cli.ExitCodes.Ok, reset.ToString());
        Assert.Equal("op-12", Assert.Single(node.Commands).OperatorId);

        // Two tokens are never the same.
        CliResult other = await JidokaTool.RunAsync("token", "new", "--operator", "op-12");
        Assert.DoesNotContain(token, other.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("op 12", "reset", "is not an operator id")]
    [InlineData("op-12", "shutdown", "'shutdown' is not a command")]
    public async Task Jidoka_token_new_refuses_a_bad_operator_or_command(string operatorId, string command, string message)
    {
        CliResult result = await JidokaTool.RunAsync("token", "new", "--operator", operatorId, "--command", command);
        Assert.Equal(Jidoka.Cli.ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Id", "op 7", "is not an operator id")]
    [InlineData("TokenSha256", "abc", "64 hex digits")]
    [InlineData("Commands:0", "shutdown", "'shutdown' is not a command")]
    public async Task A_bad_operator_account_is_refused_at_start_naming_it(string field, string value, string message)
    {
        using var dir = new TempDir();
        Dictionary<string, string?> settings = Accounts();
        settings["Bridge:Http:Operators:1:" + field] = value;
        ArgumentException ex = await Assert.ThrowsAsync<ArgumentException>(() => TestBridge.StartWithTwinFeedAsync(dir.File("bad.db"), settings));
        Assert.Contains("Bridge:Http:Operators:1", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_accounts_with_one_token_are_refused()
    {
        using var dir = new TempDir();
        Dictionary<string, string?> settings = Accounts();
        settings["Bridge:Http:Operators:1:TokenSha256"] = Sha256Hex(TechnicianToken);
        ArgumentException ex = await Assert.ThrowsAsync<ArgumentException>(() => TestBridge.StartWithTwinFeedAsync(dir.File("dup.db"), settings));
        Assert.Contains("appears twice", ex.Message, StringComparison.Ordinal);
    }

    internal static Dictionary<string, string?> Accounts() => new()
    {
        ["Bridge:Http:Operators:0:Id"] = "op-7",
        ["Bridge:Http:Operators:0:TokenSha256"] = Sha256Hex(TechnicianToken),
        ["Bridge:Http:Operators:0:Commands:0"] = "reset",
        ["Bridge:Http:Operators:1:Id"] = "eng-2",
        ["Bridge:Http:Operators:1:TokenSha256"] = Sha256Hex(EngineerToken),
        ["Bridge:Http:Operators:1:Commands:0"] = "reset",
        ["Bridge:Http:Operators:1:Commands:1"] = "policy",
    };

    internal static string Sha256Hex(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    private static Task<TestBridge> SecuredBridgeAsync(TempDir dir) => TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"), Accounts());

    private static async Task<HttpResponseMessage> PostAsync<T>(TestBridge bridge, string path, T body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: TwinJson.Options) };
        if (token != null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await bridge.Http.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type, string detail)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        JsonElement problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
