using System;
using System.CommandLine;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Cli.Bridge;

namespace Jidoka.Cli.Commands;

/// <summary>jidoka reset &lt;node&gt; --operator &lt;id&gt;: asks a node, through the bridge, to reset its latched trip.</summary>
public static class ResetCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var node = new Argument<string>("node") { Description = "The node to reset." };
        var op = new Option<string?>("--operator") { Description = "Your operator id (recorded by the node and in the audit log); optional with --token, which names the operator." };
        var wait = new Option<int>("--wait-ms") { Description = "How long to wait for the node's answer, ms.", DefaultValueFactory = _ => 5000 };
        var command = new Command("reset", "Reset a node's latched trip on behalf of an operator. The node refuses (cause-active) while the cause is still present.") { node, op, wait };
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse, parse.GetValue(node)!, context.OperatorOrToken(parse, parse.GetValue(op)), parse.GetValue(wait), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parse, string node, string? operatorId, int waitMs, CancellationToken cancellationToken)
    {
        CommandOutput.CheckWait(waitMs);
        using BridgeClient client = context.Client(parse, TimeSpan.FromMilliseconds(waitMs));
        CommandResultView result = await client.PostAsync<ResetRequest, CommandResultView>(
            $"api/v1/nodes/{QueryString.Segment(node)}/reset?waitMs={waitMs.ToString(CultureInfo.InvariantCulture)}",
            new ResetRequest { Operator = operatorId },
            cancellationToken).ConfigureAwait(false);
        return await CommandOutput.ReportAsync(context, result, "reset").ConfigureAwait(false);
    }
}
