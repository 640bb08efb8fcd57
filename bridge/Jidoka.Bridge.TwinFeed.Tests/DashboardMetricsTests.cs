using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Metrics;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>
/// The Grafana dashboard in docs/grafana queries only metrics a running bridge exports, and the per-node
/// gauges carry the node's state (online, tripped with cause, policy, time quality, journal depth).
/// </summary>
[Collection(PrometheusCollection.Name)]
public sealed partial class DashboardMetricsTests
{
    [Fact]
    public async Task Every_metric_the_dashboard_queries_is_exported_by_a_running_bridge()
    {
        List<string> queried = DashboardMetricNames(RepoFiles.Path("docs/grafana/jidoka-dashboard.json"));
        Assert.True(queried.Count >= 15, "the dashboard queries " + string.Join(", ", queried));

        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"), new Dictionary<string, string?>
        {
            ["Bridge:Cases:WindowBeforeMs"] = "100",
            ["Bridge:Cases:WindowAfterMs"] = "100",
        });

        // A node that trips, is reset and recovers, and has a near-miss, so that every governance figure has a value;
        // a second node stays tripped.
        await using TestNode a = await Scenario.OnlineNodeAsync(bridge, "cell-d", "dash-a");
        await using TestNode b = await Scenario.OnlineNodeAsync(bridge, "cell-d", "dash-b", TripState.Tripped, TripRule.InterlockOpen, ResponseClass.Pause);
        await Scenario.SendAckedAsync(a, Messages.NearMiss("dash-a", 100, 1, 1_000_000));
        await Scenario.FrameAsync(a, 0, 1_950_000);
        await Scenario.TripAsync(a, 101, 2_000_000, latencyUs: 100);
        await Scenario.FrameAsync(a, 1, 2_150_000, flags: FrameFlags.Tripped);
        await Scenario.SendAckedAsync(a, Messages.Reset("dash-a", 102, 1, 2_500_000, 101, "op-1"));
        await Scenario.FrameAsync(a, 2, 2_600_000);
        await Eventually.UntilAsync(
            async () => (await bridge.Runtime.Store.QueryCasesAsync(new CaseQuery(Status: CaseStatus.Recovered), default)).Count == 1,
            "dash-a's case recovered");

        string scrape = await bridge.Http.GetStringAsync("/metrics");
        HashSet<string> exported = ExportedMetricNames(scrape);
        string[] missing = queried.Where(m => !exported.Contains(m)).ToArray();
        Assert.True(missing.Length == 0, "queried by the dashboard but not exported: " + string.Join(", ", missing) + "\n" + scrape);

        // The per-node gauges say what the nodes said.
        Assert.Equal(1, Sample(scrape, "jidoka_node_online", ("node", "dash-a")));
        Assert.Equal(0, Sample(scrape, "jidoka_node_tripped", ("node", "dash-a"), ("cause", "none")));
        Assert.Equal(1, Sample(scrape, "jidoka_node_tripped", ("node", "dash-b"), ("cause", "interlock-open"), ("response", "pause")));
        Assert.True(bridge.Runtime.Directory.TryGet("dash-b", out NodeRecord nodeB));
        Assert.Equal(nodeB.Provenance.PolicyId, Sample(scrape, "jidoka_node_policy_id", ("node", "dash-b"), ("policy_hash", nodeB.Provenance.PolicyHash.ToString("x8", CultureInfo.InvariantCulture))));
        Assert.Equal((double)nodeB.Provenance.TimeQuality, Sample(scrape, "jidoka_node_time_quality", ("node", "dash-b"), ("quality", TimeQualityNames.Name(nodeB.Provenance.TimeQuality))));
        Assert.True(NodeInstruments.TryReadJournalDepth(nodeB.LastStatusJson, out long depth), nodeB.LastStatusJson);
        Assert.Equal(depth, Sample(scrape, "jidoka_node_journal_depth", ("node", "dash-b")));
        Assert.Equal(1, Sample(scrape, "jidoka_node_trips_total", ("node", "dash-a"), ("cause", "force-over-limit")));
    }

    [Fact]
    public void Journal_depth_is_read_from_status_json_and_a_document_without_it_is_left_out()
    {
        Assert.True(NodeInstruments.TryReadJournalDepth("{\"node\":\"n\",\"journalDepth\":17}", out long depth));
        Assert.Equal(17, depth);
        Assert.False(NodeInstruments.TryReadJournalDepth("{\"node\":\"n\"}", out _));
        Assert.False(NodeInstruments.TryReadJournalDepth("", out _));
        Assert.False(NodeInstruments.TryReadJournalDepth("{not json", out _));
    }

    /// <summary>Every metric name (jidoka_...) in the expr of every target of every panel.</summary>
    private static List<string> DashboardMetricNames(string file)
    {
        using JsonDocument dashboard = JsonDocument.Parse(File.ReadAllText(file));
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (JsonElement panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
        {
            if (!panel.TryGetProperty("targets", out JsonElement targets))
            {
                continue;
            }

            foreach (JsonElement target in targets.EnumerateArray())
            {
                foreach (Match m in MetricName().Matches(target.GetProperty("expr").GetString()!))
                {
                    names.Add(m.Value);
                }
            }
        }

        string variable = dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray()
            .Single(v => v.GetProperty("name").GetString() == "cell").GetProperty("definition").GetString()!;
        foreach (Match m in MetricName().Matches(variable))
        {
            names.Add(m.Value);
        }

        return names.ToList();
    }

    /// <summary>Metric names with at least one sample in a Prometheus text exposition.</summary>
    private static HashSet<string> ExportedMetricNames(string scrape) => scrape.Split('\n')
        .Where(l => l.StartsWith("jidoka_", StringComparison.Ordinal))
        .Select(l => l.Split('{', ' ')[0])
        .ToHashSet(StringComparer.Ordinal);

    private static double Sample(string scrape, string metric, params (string Name, string Value)[] labels)
    {
        string[] lines = scrape.Split('\n')
            .Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(l => labels.All(p => l.Contains($"{p.Name}=\"{p.Value}\"", StringComparison.Ordinal)))
            .ToArray();
        Assert.True(lines.Length == 1, $"{lines.Length} samples of {metric} with {string.Join(",", labels)} in:\n{scrape}");
        string line = lines[0];
        return double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\bjidoka_[a-z0-9_]+")]
    private static partial Regex MetricName();
}
