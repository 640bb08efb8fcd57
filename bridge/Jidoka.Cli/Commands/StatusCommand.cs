using System;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Cli.Mqtt;
using Jidoka.Cli.Output;
using Jidoka.Protocol;

namespace Jidoka.Cli.Commands;

/// <summary>jidoka status: every node's retained status, read straight from the MQTT broker (no bridge needed).</summary>
public static class StatusCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = new Option<string>("--host") { Description = "MQTT broker host.", DefaultValueFactory = _ => "localhost" };
        var port = new Option<int?>("--port") { Description = "MQTT broker port (1883; 8883 with --tls)." };
        var tls = new Option<bool>("--tls") { Description = "Connect with TLS." };
        var insecure = new Option<bool>("--insecure") { Description = "With --tls: accept a certificate that does not validate (a test broker's self-signed one). Never in production." };
        var username = new Option<string?>("--username") { Description = "MQTT user name (a read-only technician identity)." };
        var password = new Option<string?>("--password")
        {
            Description = "MQTT password ($JIDOKA_MQTT_PASSWORD is the default; prefer it, the command line is visible to other users).",
            DefaultValueFactory = _ => System.Environment.GetEnvironmentVariable("JIDOKA_MQTT_PASSWORD") is { Length: > 0 } p ? p : null,
        };
        var node = new Option<string?>("--node") { Description = "Only this node; unknown node is an error (exit 4)." };
        var cell = new Option<string?>("--cell") { Description = "Only nodes of this cell." };
        var settle = new Option<int>("--settle-ms") { Description = "Stop listening once no status arrived for this long, ms.", DefaultValueFactory = _ => 500 };
        var command = new Command("status", "Node status straight from the MQTT broker (retained jidoka/v1/+/+/status): online, trip state and cause, policy, calibration, last seen, time quality.")
        {
            host, port, tls, insecure, username, password, node, cell, settle,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            bool useTls = parse.GetValue(tls);
            var broker = new BrokerEndpoint(parse.GetValue(host)!, parse.GetValue(port) ?? (useTls ? 8883 : 1883), useTls, parse.GetValue(insecure), parse.GetValue(username), parse.GetValue(password));
            return RunAsync(context, broker, parse.GetValue(context.Json), parse.GetValue(node), parse.GetValue(cell), parse.GetValue(settle), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, BrokerEndpoint broker, bool json, string? node, string? cell, int settleMs, CancellationToken cancellationToken)
    {
        if (broker.Port < 1 || broker.Port > 65535 || settleMs < 50 || settleMs > 10000)
        {
            throw new CliError(ExitCodes.Usage, "--port must be 1..65535 and --settle-ms 50..10000.");
        }

        if (broker.AllowUntrustedCertificates && !broker.UseTls)
        {
            throw new CliError(ExitCodes.Usage, "--insecure only applies with --tls.");
        }

        string host = broker.ToString();
        StatusCollection collected = await StatusReader.ReadAsync(broker, TimeSpan.FromMilliseconds(settleMs), TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        foreach (RejectedStatus rejected in collected.Rejected)
        {
            // A topic that names a node outside the filter is someone else's problem today.
            bool parsed = Topics.TryParse(rejected.Topic, out string topicCell, out string topicNode, out _);
            if (!parsed || ((node == null || topicNode == node) && (cell == null || topicCell == cell)))
            {
                await context.Error.WriteLineAsync($"jidoka: warning: not a valid status: {rejected.Topic}: {rejected.Reason}").ConfigureAwait(false);
            }
        }

        StatusSnapshot[] shown = collected.Nodes
            .Where(s => (node == null || s.Status.NodeId == node) && (cell == null || s.Status.CellId == cell))
            .ToArray();
        if (node != null && shown.Length == 0)
        {
            throw new CliError(ExitCodes.NotFound, $"no status for node '{node}' on the broker at {host}.");
        }

        if (json)
        {
            // The status documents as the nodes published them, and the bridges' decoded host state.
            using var nodes = new System.IO.StringWriter();
            await context.WriteJsonAsync(new
            {
                bridges = collected.Hosts.Select(h => new { hostId = h.HostId, online = h.Online, sessionStartUnixMs = h.SessionStartUnixMs }),
                nodes = shown.Select(s => new { topic = s.Topic, retained = s.Retained, status = System.Text.Json.JsonDocument.Parse(s.Json).RootElement }),
            }).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        if (shown.Length == 0)
        {
            await context.Out.WriteLineAsync($"No node status on the broker at {host} (topic {Topics.AllNodes(TopicKind.Status)}).").ConfigureAwait(false);
            await WriteHostsAsync(context, collected).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var table = new TextTable("NODE", "CELL", "ONLINE", "TRIP", "CAUSE", "RESPONSE", "POLICY", "FORCE CAL", "VISION CAL", "LAST SEEN", "TIME");
        foreach (StatusSnapshot snapshot in shown)
        {
            StatusMessage s = snapshot.Status;
            if (!s.Online)
            {
                table.Add(s.NodeId, s.CellId, "NO", "-", "-", "-", "-", "-", "-", "offline (last will)");
                continue;
            }

            string policy = s.PolicyId + " (" + s.PolicyHash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + ")" + (s.StagedPolicyId != 0 ? ", staged " + s.StagedPolicyId : "");
            table.Add(
                s.NodeId,
                s.CellId,
                "yes",
                s.TripState == TripState.Tripped ? "TRIPPED" : TripStateNames.Name(s.TripState),
                TripRuleNames.Name(s.TripCause),
                ResponseClassNames.Name(s.Response),
                policy,
                s.ForceCalibrationId + "." + s.ForceCalibrationVersion,
                s.VisionCalibrationId + "." + s.VisionCalibrationVersion,
                (snapshot.Retained ? "retained" : "now") + ", up " + Format.Uptime(s.UptimeSeconds),
                Format.TimeQuality(TimeQualityNames.Name(s.TimeQuality), s.TimeUncertaintyUs));
        }

        table.WriteTo(context.Out);
        await WriteHostsAsync(context, collected).ConfigureAwait(false);
        int tripped = shown.Count(s => s.Status.Online && s.Status.TripState == TripState.Tripped);
        int offline = shown.Count(s => !s.Status.Online);
        await context.Out.WriteLineAsync($"{shown.Length} node(s): {tripped} tripped, {offline} offline. 'retained' is the last status the node published; the broker keeps no time for it.").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static async Task WriteHostsAsync(CliContext context, StatusCollection collected)
    {
        foreach (HostStateMessage state in collected.Hosts)
        {
            await context.Out.WriteLineAsync(HostStates.Describe(state)).ConfigureAwait(false);
        }
    }
}
