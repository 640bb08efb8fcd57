using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Cli.Bridge;
using Jidoka.Cli.Output;

namespace Jidoka.Cli.Commands;

/// <summary>jidoka cases: exception cases, newest first.</summary>
public static class CasesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var node = new Option<string?>("--node") { Description = "Only cases of this node." };
        var since = new Option<string?>("--since") { Description = "Only trips since then: 90s, 15m, 2h, 7d ago, or an ISO 8601 time." };
        var cause = new Option<string?>("--cause") { Description = "Only trips of this rule (force-over-limit, interlock-open, ...)." };
        var status = new Option<string?>("--status") { Description = "Only cases that are open, reset or recovered." };
        var limit = new Option<int>("--limit") { Description = "Most cases to list.", DefaultValueFactory = _ => 50 };
        var command = new Command("cases", "Exception cases (one per trip), newest first.") { node, since, cause, status, limit };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context, parse, parse.GetValue(node), parse.GetValue(since), parse.GetValue(cause), parse.GetValue(status), parse.GetValue(limit), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parse, string? node, string? since, string? cause, string? status, int limit, CancellationToken cancellationToken)
    {
        string? from = since == null ? null : TimeArgument.ToUnixUs("--since", since, DateTimeOffset.UtcNow).ToString(CultureInfo.InvariantCulture);
        using BridgeClient client = context.Client(parse);
        string query = QueryString.Of(("node", node), ("from", from), ("cause", cause), ("status", status), ("limit", limit.ToString(CultureInfo.InvariantCulture)));
        List<CaseSummaryView> cases = await client.GetAsync<List<CaseSummaryView>>("api/v1/cases" + query, cancellationToken).ConfigureAwait(false);
        if (parse.GetValue(context.Json))
        {
            await context.WriteJsonAsync(cases).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        if (cases.Count == 0)
        {
            await context.Out.WriteLineAsync("No cases match.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var table = new TextTable("CASE", "NODE", "STATUS", "CAUSE", "RESPONSE", "TRIPPED AT", "SAFE IN", "RESET BY", "RESET AFTER", "RECOVERED AFTER", "NEAR-MISSES");
        foreach (CaseSummaryView c in cases)
        {
            table.Add(
                Format.Number(c.CaseId),
                c.NodeId,
                c.Status,
                c.Cause,
                c.Response,
                Format.Wall(c.TripWallUnixUs) + (c.TripWallSource == "bridge-receipt" ? " (received)" : ""),
                Format.Duration((double)c.TimeToSafeStateUs),
                c.ResetBy.Length != 0 ? c.ResetBy : c.ResetSource == "none" ? "-" : c.ResetSource,
                Format.Duration(c.TimeToResetUs),
                Format.Duration(c.TimeToRecoverQualityUs),
                Format.Number(c.NearMissCount));
        }

        table.WriteTo(context.Out);
        return ExitCodes.Ok;
    }
}
