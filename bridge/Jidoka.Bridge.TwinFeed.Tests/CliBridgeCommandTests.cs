using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Jidoka.Cli;
using Jidoka.Cli.Commands;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>The jidoka commands that go through the bridge's HTTP API, against a running bridge.</summary>
public sealed class CliBridgeCommandTests
{
    [Fact]
    public async Task Nodes_cases_case_audit_and_metrics_show_what_the_bridge_holds()
    {
        using var dir = new TempDir();
        var settings = new Dictionary<string, string?> { ["Bridge:Cases:WindowBeforeMs"] = "50", ["Bridge:Cases:WindowAfterMs"] = "50" };
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"), settings);
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-51", TripState.Tripped, TripRule.ForceOverLimit, ResponseClass.Regrip);
        await Scenario.SendAckedAsync(node, Messages.NearMiss("press-51", 60, 1, 950_000, peakMilliNewtons: 430_000));

        // Force climbs 2 N per ms from 350 N through the trip at 1.0 s, then drops back after it.
        for (uint i = 0; i < 11; i++)
        {
            ulong first = 950_000 + (i * 10_000);
            var frame = Messages.Frame("press-51", 1, i, first, count: 10, flags: first >= 1_000_000 ? FrameFlags.Tripped : (byte)0, quality: TimeQuality.Synced, wallOffsetUs: Scenario.WallOffsetUs);
            for (int s = 0; s < 10; s++)
            {
                long mono = (long)first + (s * 1000) - 950_000;
                frame.ForceMilliNewtons[s] = mono <= 50_000 ? 350_000 + (int)(mono * 2) : 200_000;
                frame.VisionConfidence[s] = (ushort)(mono <= 50_000 ? 9500 : 6000);
            }

            await node.PublishFrameAsync(frame);
        }

        await Scenario.TripAsync(node, 61, 1_000_000, latencyUs: 18, synced: true);
        await Eventually.UntilAsync(async () => (await bridge.GetAsync<List<CaseSummaryView>>("/api/v1/cases")).SingleOrDefault()?.WindowComplete == true, "the case's window complete");
        string url = bridge.BaseUrl;

        CliResult nodes = await JidokaTool.RunAsync("nodes", "--bridge", url);
        Assert.True(nodes.ExitCode == ExitCodes.Ok, nodes.ToString());
        string row = Assert.Single(nodes.Out.Split('\n'), l => l.StartsWith("press-51", System.StringComparison.Ordinal));
        Assert.Contains("TRIPPED", row);
        Assert.Contains("force-over-limit", row);
        Assert.Contains("200.0 N", row);
        Assert.Contains("60.0 %", row);

        CliResult cases = await JidokaTool.RunAsync("cases", "--bridge", url, "--node", "press-51", "--since", "2025-06-01T00:00:00Z");
        Assert.True(cases.ExitCode == ExitCodes.Ok, cases.ToString());
        string caseRow = Assert.Single(cases.Out.Split('\n'), l => l.StartsWith("1 ", System.StringComparison.Ordinal));
        Assert.Contains("press-51", caseRow);
        Assert.Contains("open", caseRow);
        Assert.Contains("2025-06-15 00:00:01.000Z", caseRow);
        Assert.Contains("18 µs", caseRow);
        CliResult noCases = await JidokaTool.RunAsync("cases", "--bridge", url, "--since", "2h");
        Assert.Equal(ExitCodes.Ok, noCases.ExitCode);
        Assert.Contains("No cases match.", noCases.Out);

        CliResult detail = await JidokaTool.RunAsync("case", "1", "--bridge", url);
        Assert.True(detail.ExitCode == ExitCodes.Ok, detail.ToString());
        Assert.Contains("Case 1: press-51 (cell cell-a), open", detail.Out);
        Assert.Contains("force-over-limit -> response regrip", detail.Out);
        Assert.Contains("observed 452.3 N against limit 450.0 N, held 3 sample(s)", detail.Out);
        Assert.Contains("stop output de-energized 18 µs after detection", detail.Out);
        Assert.Contains("Near-misses 1 linked: event 60 peak 430.0 N", detail.Out);
        Assert.Contains("101 sample(s), complete", detail.Out);
        string[] lines = detail.Out.Split('\n');
        int forcePlot = System.Array.FindIndex(lines, l => l.StartsWith("Force, N", System.StringComparison.Ordinal));
        Assert.True(forcePlot > 0, detail.Out);
        string[] plot = lines.Skip(forcePlot + 1).Take(CaseCommand.PlotHeight).ToArray();

        // The top row is the peak (450 N, reached at the trip) and the limit line is drawn; the trip is marked on the axis.
        Assert.StartsWith("    450 N |", plot[0]);
        Assert.Contains(plot, l => l.Contains("---", System.StringComparison.Ordinal));
        Assert.Contains("trip", lines[forcePlot + CaseCommand.PlotHeight + 2]);
        Assert.Contains("-0.05 s", lines[forcePlot + CaseCommand.PlotHeight + 2]);
        Assert.Contains("Vision confidence, %", detail.Out);

        CliResult audit = await JidokaTool.RunAsync("audit", "verify", "--bridge", url);
        Assert.True(audit.ExitCode == ExitCodes.Ok, audit.ToString());
        Assert.Contains("Audit log intact.", audit.Out);

        CliResult metrics = await JidokaTool.RunAsync("metrics", "--bridge", url);
        Assert.True(metrics.ExitCode == ExitCodes.Ok, metrics.ToString());
        string cellRow = Assert.Single(metrics.Out.Split('\n'), l => l.StartsWith("cell-a", System.StringComparison.Ordinal) && l.Contains("(cell)", System.StringComparison.Ordinal));
        Assert.Contains("force-over-limit=1", cellRow);
        Assert.Contains("18 µs", cellRow);
        Assert.Contains("100 %", cellRow);

        // The built program against the same bridge.
        CliResult process = await JidokaTool.RunProcessAsync("nodes", "--bridge", url);
        Assert.True(process.ExitCode == ExitCodes.Ok, process.ToString());
        Assert.Contains("press-51", process.Out);
    }

    [Fact]
    public async Task Reset_and_policy_apply_report_the_nodes_answer()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-52", TripState.Tripped, TripRule.ForceOverLimit, ResponseClass.Regrip);
        string url = bridge.BaseUrl;

        CliResult reset = await JidokaTool.RunAsync("reset", "press-52", "--operator", "op-7", "--bridge", url);
        Assert.True(reset.ExitCode == ExitCodes.Ok, reset.ToString());
        Assert.StartsWith("press-52: reset applied; command 1, node event", reset.Out);
        Assert.Equal("op-7", Assert.Single(node.Commands).OperatorId);

        // The node refuses while the cause is still there.
        node.AnswerCommands = false;
        Task<CliResult> refused = JidokaTool.RunAsync("reset", "press-52", "--operator", "op-7", "--bridge", url, "--wait-ms", "20000");
        await Eventually.UntilAsync(() => node.Commands.Count == 2, "second reset at the node");
        await node.PublishRawAsync(TopicKind.CommandResult, Messages.Encode(new CommandResultMessage
        {
            CommandType = CommandType.Reset,
            Outcome = CommandOutcome.Rejected,
            Reason = CommandReason.CauseActive,
            NodeId = "press-52",
            CommandId = node.Commands.Last().CommandId,
            EventId = 901,
        }));
        CliResult refusal = await refused;
        Assert.Equal(ExitCodes.Failed, refusal.ExitCode);
        Assert.StartsWith("jidoka: reset refused by press-52: cause-active: the trip's cause is still present", refusal.Error);
        node.AnswerCommands = true;

        string file = Path.Combine(dir.Path, "policy.json");
        await File.WriteAllTextAsync(file, PolicyCommand.Write(PolicyFiles.Valid(31)));
        CliResult check = await JidokaTool.RunAsync("policy", "check", file);
        Assert.Equal(ExitCodes.Ok, check.ExitCode);
        Assert.Contains("policy 31 is valid (hash", check.Out);
        CliResult apply = await JidokaTool.RunAsync("policy", "apply", file, "--node", "press-52", "--operator", "eng-2", "--bridge", url);
        Assert.True(apply.ExitCode == ExitCodes.Ok, apply.ToString());
        Assert.Contains("press-52: policy 31 applied", apply.Out);
        Assert.Equal(31u, node.Commands.Last().Policy.PolicyId);
        Assert.Equal(ResponseClass.Recalibrate, node.Commands.Last().Policy.ResponseFor(TripRule.SensorFault));
    }

    [Fact]
    public async Task Each_error_path_gives_one_line_and_its_exit_code()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-53");
        string url = bridge.BaseUrl;
        string nowhere = "http://127.0.0.1:" + FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        string good = Path.Combine(dir.Path, "good.json");
        string invalid = Path.Combine(dir.Path, "invalid.json");
        string notJson = Path.Combine(dir.Path, "not.json");
        string typo = Path.Combine(dir.Path, "typo.json");
        string samples = Path.Combine(dir.Path, "samples.json");
        await File.WriteAllTextAsync(good, PolicyCommand.Write(PolicyFiles.Valid(41)));
        await File.WriteAllTextAsync(invalid, PolicyCommand.Write(PolicyFiles.Valid(42) with { ForceWarnMilliNewtons = 500_000 }));
        await File.WriteAllTextAsync(notJson, "policyId: 7");
        await File.WriteAllTextAsync(typo, PolicyCommand.Write(PolicyFiles.Valid(43)).Replace("forceLimitMilliNewtons", "forceLimitMN", System.StringComparison.Ordinal));
        await File.WriteAllTextAsync(samples, PolicyCommand.Write(PolicyFiles.Valid(44)).Replace("forceStuckMs", "forceStuckSamples", System.StringComparison.Ordinal));

        (string[] Args, int Code, string Message)[] cases =
        {
            (new[] { "nodes", "--bridge", nowhere }, ExitCodes.Unreachable, $"jidoka: cannot reach the bridge at {nowhere}:"),
            (new[] { "reset", "press-99", "--operator", "op-1", "--bridge", url }, ExitCodes.NotFound, "jidoka: Node 'press-99' is unknown to this bridge."),
            (new[] { "case", "999", "--bridge", url }, ExitCodes.NotFound, "jidoka: There is no case 999."),
            (new[] { "policy", "apply", Path.Combine(dir.Path, "missing.json"), "--node", "press-53", "--operator", "eng-2", "--bridge", url }, ExitCodes.BadInput, "cannot read the file"),
            (new[] { "policy", "apply", invalid, "--node", "press-53", "--operator", "eng-2", "--bridge", url }, ExitCodes.BadInput, "invalid.json: invalid policy: force-warn (forceWarnMilliNewtons must be above 0 and below forceLimitMilliNewtons)."),
            (new[] { "policy", "check", notJson }, ExitCodes.BadInput, "not.json: not a valid policy document:"),
            (new[] { "policy", "check", typo }, ExitCodes.BadInput, "forceLimitMN"),
            (new[] { "policy", "check", samples }, ExitCodes.BadInput, "samples.json: forceStuckSamples is no longer read: give the window in milliseconds as forceStuckMs (samples mean a different time at each loop period)."),
            (new[] { "policy", "apply", good, "--node", "press-99", "--operator", "eng-2", "--bridge", url }, ExitCodes.NotFound, "jidoka: Node 'press-99' is unknown to this bridge."),
            (new[] { "reset", "press-53", "--operator", "op 1", "--bridge", url }, ExitCodes.BadInput, "is not valid"),
            (new[] { "reset", "press-53", "--bridge", url }, ExitCodes.Usage, "jidoka: --operator ID is required (or --token"),
            (new[] { "cases", "--since", "last tuesday", "--bridge", url }, ExitCodes.Usage, "jidoka: --since 'last tuesday' is neither"),
            (new[] { "nodes", "--bridge", "localhost:8080" }, ExitCodes.Usage, "is not an http:// or https:// URL"),
            (new[] { "explode" }, ExitCodes.Usage, "jidoka: Unrecognized command or argument 'explode'."),
        };
        foreach ((string[] args, int code, string message) in cases)
        {
            CliResult result = await JidokaTool.RunAsync(args);
            Assert.True(result.ExitCode == code, $"jidoka {string.Join(' ', args)}: expected exit {code}\n{result}");
            Assert.Contains(message, result.Error, System.StringComparison.Ordinal);
            Assert.StartsWith("jidoka: ", result.Error, System.StringComparison.Ordinal);
        }

        Assert.Empty(node.Commands);

        // The built program gives the same line and code.
        CliResult process = await JidokaTool.RunProcessAsync("nodes", "--bridge", nowhere);
        Assert.Equal(ExitCodes.Unreachable, process.ExitCode);
        Assert.StartsWith($"jidoka: cannot reach the bridge at {nowhere}:", process.Error);
    }
}
