using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Cli.Bridge;
using Jidoka.Cli.Output;

namespace Jidoka.Cli.Commands;

/// <summary>jidoka metrics: governance metrics per cell and per node.</summary>
public static class MetricsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var since = new Option<string?>("--since") { Description = "Count trips and near-misses since then: 90s, 15m, 2h, 7d ago, or an ISO 8601 time." };
        var cell = new Option<string?>("--cell") { Description = "Only this cell and its nodes." };
        var node = new Option<string?>("--node") { Description = "Only this node (and its cell)." };
        var command = new Command("metrics", "Governance metrics per cell and per node: trips by cause and response, time to safe state (mean, p95), to reset, to recover quality, near-misses, audit completeness, frames lost, events replayed.")
        {
            since, cell, node,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse, parse.GetValue(since), parse.GetValue(cell), parse.GetValue(node), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parse, string? since, string? cell, string? node, CancellationToken cancellationToken)
    {
        string? from = since == null ? null : TimeArgument.ToUnixUs("--since", since, DateTimeOffset.UtcNow).ToString(CultureInfo.InvariantCulture);
        using BridgeClient client = context.Client(parse);
        GovernanceReport report = await client.GetAsync<GovernanceReport>("api/v1/metrics" + QueryString.Of(("from", from), ("cell", cell), ("node", node)), cancellationToken).ConfigureAwait(false);
        if (cell != null && report.Cells.Count == 0)
        {
            // The bridge answers an unknown cell with empty figures; a typo must not read as "no data yet".
            GovernanceReport all = await client.GetAsync<GovernanceReport>("api/v1/metrics", cancellationToken).ConfigureAwait(false);
            string known = all.Cells.Count == 0 ? "it knows no cell yet" : "its cells: " + string.Join(", ", all.Cells.Select(c => c.CellId));
            throw new CliError(ExitCodes.NotFound, $"Cell '{cell}' is unknown to the bridge at {client.BaseUrl} ({known}).");
        }

        if (parse.GetValue(context.Json))
        {
            await context.WriteJsonAsync(report).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        if (report.Nodes.Count == 0)
        {
            await context.Out.WriteLineAsync("No nodes yet: nothing to measure.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        await context.Out.WriteLineAsync(since == null ? "All stored trips and near-misses:" : $"Trips and near-misses since {Format.Wall(report.FromUnixUs!.Value)}:").ConfigureAwait(false);
        var table = new TextTable("CELL", "NODE", "TRIPS", "BY CAUSE", "BY RESPONSE", "SAFE MEAN", "SAFE P95", "RESET MEAN", "RECOVER MEAN", "NEAR-MISSES", "NM/TRIP", "AUDIT COMPLETE", "FRAMES LOST", "REPLAYED");
        foreach (GovernanceFigures f in report.Cells.Concat(report.Nodes))
        {
            table.Add(
                f.CellId,
                f.NodeId ?? "(cell)",
                Format.Number(f.Trips.Total),
                Counts(f.Trips.ByCause),
                Counts(f.Trips.ByResponse),
                Format.Duration(f.TimeToSafeState.MeanUs),
                Format.Duration(f.TimeToSafeState.P95Us),
                Format.Duration(f.TimeToReset.MeanUs),
                Format.Duration(f.TimeToRecoverQuality.MeanUs),
                Format.Number(f.NearMisses),
                Format.Ratio(f.NearMissToTripRatio),
                Format.Percent(f.AuditCompleteness),
                Format.Number(f.FramesLostTotal),
                Format.Number(f.EventsReplayedTotal));
        }

        table.WriteTo(context.Out);
        return ExitCodes.Ok;
    }

    private static string Counts(System.Collections.Generic.IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "-" : string.Join(" ", counts.Select(p => p.Key + "=" + p.Value.ToString(CultureInfo.InvariantCulture)));
}
