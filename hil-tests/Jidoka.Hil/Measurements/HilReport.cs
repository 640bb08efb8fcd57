using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jidoka.Hil.Measurements;

/// <summary>A distribution of latencies, µs.</summary>
/// <param name="Count">Samples.</param>
/// <param name="MinUs">Smallest.</param>
/// <param name="P50Us">Median (nearest rank).</param>
/// <param name="P99Us">99th percentile (nearest rank).</param>
/// <param name="MaxUs">Largest.</param>
public sealed record LatencyStats(int Count, long MinUs, long P50Us, long P99Us, long MaxUs)
{
    /// <summary>The distribution of <paramref name="samples"/>, or null when there are none.</summary>
    public static LatencyStats? Of(IEnumerable<long> samples)
    {
        long[] sorted = samples.OrderBy(x => x).ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        long Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencyStats(sorted.Length, sorted[0], Rank(0.50), Rank(0.99), sorted[^1]);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{MinUs} / {P50Us} / {P99Us} / {MaxUs}");
}

/// <summary>One scenario's runs in one mode, summarised.</summary>
public sealed class ScenarioSummary
{
    /// <summary>Scenario name.</summary>
    public string Scenario { get; set; } = "";

    /// <summary>Mode.</summary>
    public string Mode { get; set; } = "";

    /// <summary>Runs (seeds).</summary>
    public int Runs { get; set; }

    /// <summary>Runs that met every expectation.</summary>
    public int Passed { get; set; }

    /// <summary>Seeds of the runs that failed.</summary>
    public List<ulong> FailedSeeds { get; set; } = new();

    /// <summary>Trip latency, input crossing → stop output off, as the rig observed.</summary>
    public LatencyStats? TripLatency { get; set; }

    /// <summary>Time-to-safe-state as the nodes measured it (detection → output, the decision record's latency).</summary>
    public LatencyStats? NodeTimeToSafeState { get; set; }

    /// <summary>Events the nodes published, over all runs.</summary>
    public long EventsPublished { get; set; }

    /// <summary>Events the bridge stored, over all runs.</summary>
    public long EventsStored { get; set; }

    /// <summary>Events lost, over all runs.</summary>
    public long EventsLost { get; set; }

    /// <summary>Unpublished non-trip events that died in RAM at a power cut, over all runs.</summary>
    public long UnpublishedLostAtPowerCut { get; set; }

    /// <summary>Duplicate cases, over all runs.</summary>
    public long DuplicateCases { get; set; }

    /// <summary>Cases, over all runs.</summary>
    public long Cases { get; set; }

    /// <summary>Lowest audit completeness of any run, percent.</summary>
    public double AuditCompletenessMinPercent { get; set; } = 100;

    /// <summary>Frames lost to gaps, over all runs.</summary>
    public long FramesLostToGaps { get; set; }

    /// <summary>Frames the nodes published, over all runs.</summary>
    public long FramesPublished { get; set; }

    /// <summary>Frames the nodes dropped from their outage rings (never published), over all runs.</summary>
    public long FramesDroppedByNodes { get; set; }

    /// <summary>Messages rejected by the bridge, over all runs.</summary>
    public long MessagesRejected { get; set; }

    /// <summary>Wall-clock seconds of all runs.</summary>
    public double WallSeconds { get; set; }

    /// <summary>Every run.</summary>
    public List<RunMeasurement> RunsDetail { get; set; } = new();

    /// <summary>Summarises <paramref name="runs"/> of one scenario in one mode.</summary>
    public static ScenarioSummary Of(string scenario, string mode, IReadOnlyList<RunMeasurement> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return new ScenarioSummary
        {
            Scenario = scenario,
            Mode = mode,
            Runs = runs.Count,
            Passed = runs.Count(r => r.Passed),
            FailedSeeds = runs.Where(r => !r.Passed).Select(r => r.Seed).ToList(),
            TripLatency = LatencyStats.Of(runs.SelectMany(r => r.Trips).Where(t => t.LatencyUs.HasValue).Select(t => t.LatencyUs!.Value)),
            NodeTimeToSafeState = LatencyStats.Of(runs.SelectMany(r => r.Trips).Where(t => t.NodeTimeToSafeStateUs.HasValue).Select(t => t.NodeTimeToSafeStateUs!.Value)),
            EventsPublished = runs.Sum(r => (long)r.EventsPublished),
            EventsStored = runs.Sum(r => (long)r.EventsStored),
            EventsLost = runs.Sum(r => (long)r.EventsLost),
            UnpublishedLostAtPowerCut = runs.Sum(r => (long)r.UnpublishedLostAtPowerCut),
            DuplicateCases = runs.Sum(r => (long)r.DuplicateCases),
            Cases = runs.Sum(r => (long)r.Cases),
            AuditCompletenessMinPercent = runs.Count == 0 ? 100 : runs.Min(r => r.AuditIntact ? r.AuditCompletenessPercent : 0),
            FramesLostToGaps = runs.Sum(r => r.FramesLostToGaps),
            FramesPublished = runs.Sum(r => r.FramesPublished),
            FramesDroppedByNodes = runs.Sum(r => r.FramesDroppedByNodes),
            MessagesRejected = runs.Sum(r => r.MessagesRejected),
            WallSeconds = Math.Round(runs.Sum(r => r.WallMs) / 1000, 2),
            RunsDetail = runs.ToList(),
        };
    }
}

/// <summary>
/// Writes the HIL report of a test run: <c>report.json</c> (every scenario summary with every run's
/// measurements) and <c>report.md</c> (one table per mode) in one folder per test run under
/// <c>hil-tests/reports/</c> (gitignored; <c>JIDOKA_HIL_REPORTS</c> overrides the parent folder). Scenario
/// summaries arrive as the tests finish; each arrival rewrites both files, so the report is complete
/// whenever the test run ends and readable while it runs.
/// </summary>
public static class HilReport
{
    private static readonly object Sync = new();
    private static readonly List<ScenarioSummary> Summaries = new();
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static string? _folder;

    /// <summary>This test run's report folder (created on first use).</summary>
    public static string Folder
    {
        get
        {
            lock (Sync)
            {
                if (_folder == null)
                {
                    string parent = Environment.GetEnvironmentVariable("JIDOKA_HIL_REPORTS") is { Length: > 0 } configured
                        ? configured
                        : Path.Combine(RepoPaths.Root(), "hil-tests", "reports");
                    _folder = Path.Combine(parent, DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                    Directory.CreateDirectory(_folder);
                }

                return _folder;
            }
        }
    }

    /// <summary>Adds <paramref name="summary"/> and rewrites the report; returns the markdown report's path.</summary>
    public static string Add(ScenarioSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        string folder = Folder;
        lock (Sync)
        {
            Summaries.RemoveAll(s => s.Scenario == summary.Scenario && s.Mode == summary.Mode);
            Summaries.Add(summary);
            List<ScenarioSummary> ordered = Summaries.OrderBy(s => s.Mode, StringComparer.Ordinal).ThenBy(s => s.Scenario, StringComparer.Ordinal).ToList();
            File.WriteAllText(Path.Combine(folder, "report.json"), JsonSerializer.Serialize(new { generatedUtc = DateTime.UtcNow, scenarios = ordered }, Json));
            string md = Path.Combine(folder, "report.md");
            File.WriteAllText(md, Markdown(ordered));
            return md;
        }
    }

    /// <summary>The markdown report of <paramref name="summaries"/>.</summary>
    public static string Markdown(IReadOnlyList<ScenarioSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var sb = new StringBuilder();
        sb.AppendLine("# HIL report");
        sb.AppendLine();
        foreach (IGrouping<string, ScenarioSummary> mode in summaries.GroupBy(s => s.Mode))
        {
            List<ScenarioSummary> list = mode.ToList();
            sb.AppendLine(CultureInfo.InvariantCulture, $"## {mode.Key}: {list.Sum(s => s.Runs)} runs, {list.Sum(s => s.Passed)} passed, events lost {list.Sum(s => s.EventsLost)}, duplicate cases {list.Sum(s => s.DuplicateCases)}, {list.Sum(s => s.WallSeconds):0.0} s of runs");
            sb.AppendLine();
            sb.AppendLine(mode.Key == "realtime"
                ? "Latencies are wall-clock µs on the test host with 20 ms loop pacing (recorded, not asserted). Frames lost to gaps are sequence numbers the bridge never received; frames dropped by nodes were never sent (outage ring full)."
                : "Latencies are virtual-time µs (1 kHz loop, 800 µs deadline), asserted against each scenario's bound. Frames lost to gaps are sequence numbers the bridge never received (dropped from a full outage ring, published while no bridge listened, or rejected as corrupt).");
            sb.AppendLine();
            sb.AppendLine("| scenario | runs | passed | trip latency µs min / p50 / p99 / max | node time-to-safe-state µs min / p50 / p99 / max | events published / stored / lost | cases / duplicate | audit % | frames published / lost to gaps / dropped by nodes | rejected | wall s |");
            sb.AppendLine("| --- | ---: | ---: | --- | --- | --- | --- | ---: | --- | ---: | ---: |");
            foreach (ScenarioSummary s in list)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {s.Scenario} | {s.Runs} | {s.Passed} | {s.TripLatency?.ToString() ?? "–"} | {s.NodeTimeToSafeState?.ToString() ?? "–"} | {s.EventsPublished} / {s.EventsStored} / {s.EventsLost} | {s.Cases} / {s.DuplicateCases} | {s.AuditCompletenessMinPercent:0.###} | {s.FramesPublished} / {s.FramesLostToGaps} / {s.FramesDroppedByNodes} | {s.MessagesRejected} | {s.WallSeconds:0.0} |");
            }

            sb.AppendLine();
            foreach (ScenarioSummary s in list.Where(s => s.UnpublishedLostAtPowerCut > 0))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- {s.Scenario}: {s.UnpublishedLostAtPowerCut} unpublished non-trip event(s) died in RAM at a power cut (the documented one-round window; never published, ids never reused).");
            }

            foreach (RunMeasurement r in list.SelectMany(s => s.RunsDetail).Where(r => !r.Passed))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- FAILED {r.Scenario} seed {r.Seed}: {string.Join("; ", r.Failures)}. Replay: `{r.Replay}`");
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }
}
