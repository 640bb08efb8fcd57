using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Cli.Bridge;
using Jidoka.Cli.Output;

namespace Jidoka.Cli.Commands;

/// <summary>jidoka nodes: every node as the bridge knows it, with last values.</summary>
public static class NodesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cell = new Option<string?>("--cell") { Description = "Only nodes of this cell." };
        var command = new Command("nodes", "Every node as the bridge knows it: online, trip state and cause, policy, calibration, last seen, time quality, last force and confidence.") { cell };
        command.SetAction((parse, cancellationToken) => RunAsync(context, parse, parse.GetValue(cell), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parse, string? cell, CancellationToken cancellationToken)
    {
        using BridgeClient client = context.Client(parse);
        BridgeStatusView bridge = await client.GetAsync<BridgeStatusView>("api/v1/bridge", cancellationToken).ConfigureAwait(false);
        List<NodeView> nodes = await client.GetAsync<List<NodeView>>("api/v1/nodes" + QueryString.Of(("cell", cell)), cancellationToken).ConfigureAwait(false);
        if (parse.GetValue(context.Json))
        {
            await context.WriteJsonAsync(new { bridge, nodes }).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        if (!bridge.BrokerConnected)
        {
            // Without its broker the bridge hears no status or last will: say so before the table, whose ONLINE column is then stale.
            await context.Out.WriteLineAsync($"Bridge {bridge.HostId} is NOT connected to its MQTT broker: node states below are as last heard, and commands answer not-connected until it reconnects.").ConfigureAwait(false);
        }

        if (nodes.Count == 0)
        {
            await context.Out.WriteLineAsync($"The bridge at {client.BaseUrl} knows no node{(cell == null ? "" : " in cell " + cell)} yet.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var table = new TextTable("NODE", "CELL", "ONLINE", "TRIP", "CAUSE", "RESPONSE", "POLICY", "FORCE CAL", "VISION CAL", "LAST SEEN", "TIME", "FORCE", "CONFIDENCE");
        foreach (NodeView n in nodes)
        {
            table.Add(
                n.NodeId,
                n.CellId,
                n.Online ? "yes" : "NO",
                n.TripState == "tripped" ? "TRIPPED" : n.TripState,
                n.TripCause,
                n.Response,
                n.PolicyId + " (" + n.PolicyHash + ")" + (n.StagedPolicyId != 0 ? ", staged " + n.StagedPolicyId : ""),
                n.ForceCalibration,
                n.VisionCalibration,
                Format.Wall(n.LastSeenUnixUs),
                Format.TimeQuality(n.TimeQuality, n.TimeUncertaintyUs) + (n.ClockSkewSuspect ? ", SKEW" : ""),
                n.LastValues == null ? "-" : Format.Force(n.LastValues.ForceMilliNewtons),
                n.LastValues == null ? "-" : Format.Confidence(n.LastValues.VisionConfidence));
        }

        table.WriteTo(context.Out);
        return ExitCodes.Ok;
    }
}
