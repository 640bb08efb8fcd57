using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Jidoka.Hil.Deterministic;
using Jidoka.Hil.Measurements;
using Jidoka.Hil.Scenarios;
using Xunit;
using Xunit.Abstractions;

namespace Jidoka.Hil.Tests;

/// <summary>
/// The deterministic sweep: every deterministic scenario over seeds 1..N (the scenario's <c>seeds</c>), in
/// virtual time with the bridge's logic. A failing seed is printed with its scenario and the command
/// that replays it; <c>JIDOKA_HIL_SEED</c> and <c>JIDOKA_HIL_SCENARIO</c> narrow the sweep to it.
/// </summary>
[Trait("Category", "Deterministic")]
public sealed class DeterministicTests
{
    private static readonly ScenarioLoader Loader = new(ScenarioLoader.DefaultDirectory());
    private readonly ITestOutputHelper _output;

    public DeterministicTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Scenarios() =>
        Loader.LoadAll().Where(s => s.RunsIn(ScenarioLoader.Deterministic)).Select(s => new object[] { s.Name });

    [SkippableTheory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_holds_for_every_seed(string name)
    {
        string? only = Environment.GetEnvironmentVariable(DeterministicRunner.ScenarioVariable);
        Skip.If(!string.IsNullOrEmpty(only) && only != name, $"{DeterministicRunner.ScenarioVariable}={only} narrows the sweep to that scenario; {name} not run.");
        Scenario scenario = Loader.Load(name);
        IReadOnlyList<ulong> seeds = Seeds(scenario);
        string work = Path.Combine(Path.GetTempPath(), "jidoka-hil");
        var runs = new List<RunMeasurement>();
        foreach (ulong seed in seeds)
        {
            runs.Add(DeterministicRunner.Run(scenario, seed, work));
        }

        ScenarioSummary summary = ScenarioSummary.Of(name, ScenarioLoader.Deterministic, runs);
        string report = HilReport.Add(summary);
        _output.WriteLine($"{name}: {summary.Passed}/{summary.Runs} seeds passed; trip latency µs min/p50/p99/max {summary.TripLatency?.ToString() ?? "–"}; node time-to-safe-state {summary.NodeTimeToSafeState?.ToString() ?? "–"}; events published {summary.EventsPublished}, stored {summary.EventsStored}, lost {summary.EventsLost}; duplicate cases {summary.DuplicateCases}; audit {summary.AuditCompletenessMinPercent} %; frames lost to gaps {summary.FramesLostToGaps}; {summary.WallSeconds} s");
        _output.WriteLine("HIL report: " + report);

        var failures = new StringBuilder();
        foreach (RunMeasurement run in runs.Where(r => !r.Passed))
        {
            failures.AppendLine(CultureInfo.InvariantCulture, $"scenario {name}, seed {run.Seed}:");
            foreach (string f in run.Failures)
            {
                failures.AppendLine("  - " + f);
            }

            foreach (string n in run.Notes)
            {
                failures.AppendLine("  note: " + n);
            }

            failures.AppendLine("  replay: " + run.Replay);
        }

        Assert.True(failures.Length == 0, failures.ToString());
        // The invariants hold in every run, not just on average.
        Assert.All(runs, r => Assert.Equal(0, r.EventsLost));
        Assert.All(runs, r => Assert.Equal(0, r.DuplicateCases));
    }

    [Theory]
    [InlineData("bridge-restart", 7UL)]
    [InlineData("duplicated-reordered-corrupted", 3UL)]
    public void A_seed_replays_exactly(string name, ulong seed)
    {
        Scenario scenario = Loader.Load(name);
        string work = Path.Combine(Path.GetTempPath(), "jidoka-hil");
        RunMeasurement a = DeterministicRunner.Run(scenario, seed, work);
        RunMeasurement b = DeterministicRunner.Run(scenario, seed, work);
        RunMeasurement other = DeterministicRunner.Run(scenario, seed + 1000, work);
        Assert.Equal(Fingerprint(a), Fingerprint(b));
        Assert.NotEqual(Fingerprint(a), Fingerprint(other));
    }

    private static string Fingerprint(RunMeasurement m) =>
        string.Join("|", m.Trips.Select(t => $"{t.NodeId}:{t.LatencyUs}:{t.NodeTimeToSafeStateUs}:{t.EventId}"))
        + $"|{m.EventsPublished}|{m.EventsStored}|{m.FramesPublished}|{m.FramesStored}|{m.FramesLostToGaps}|{m.FramesDuplicate}|{m.FramesReordered}|{m.MessagesRejected}|{m.EventsDuplicateAtBridge}|{m.RunSeconds}";

    private static IReadOnlyList<ulong> Seeds(Scenario scenario)
    {
        string? seed = Environment.GetEnvironmentVariable(DeterministicRunner.SeedVariable);
        if (!string.IsNullOrEmpty(seed))
        {
            return new[] { ulong.Parse(seed, CultureInfo.InvariantCulture) };
        }

        return Enumerable.Range(1, scenario.Seeds).Select(i => (ulong)i).ToList();
    }
}

/// <summary>The rig's measurements can fail: a bridge that never receives the nodes' events is caught as lost events, not averaged away.</summary>
public sealed class RigHonestyTests
{
    [Fact]
    public void Events_a_node_published_that_the_bridge_never_stored_count_as_lost()
    {
        var loader = new ScenarioLoader(ScenarioLoader.DefaultDirectory());
        Scenario scenario = loader.Load("force-spike");
        // After the near-miss, every QoS 1 message on the bridge's path is dropped, and the rig waits only briefly.
        scenario.Timeline.Add(new ScenarioStep { AtMs = 100, Action = "link-faults", Target = "bridge", Link = new LinkSpec { LossQos1 = 1.0 } });
        scenario.SettleMaxMs = 2000;
        RunMeasurement run = DeterministicRunner.Run(scenario, 5, Path.Combine(Path.GetTempPath(), "jidoka-hil"));
        Assert.False(run.Passed);
        Assert.True(run.EventsLost >= 1, "the trip the node published never reached the store: " + string.Join("; ", run.LostEvents));
        Assert.Contains(run.LostEvents, e => e.Contains("trip", StringComparison.Ordinal));
        Assert.Contains(run.Failures, f => f.StartsWith("events lost", StringComparison.Ordinal));
        Assert.Contains(run.Failures, f => f.StartsWith("not settled", StringComparison.Ordinal));
        foreach (string kept in run.Notes.Where(n => n.StartsWith("run folder kept: ", StringComparison.Ordinal)))
        {
            Directory.Delete(kept["run folder kept: ".Length..], recursive: true);
        }
    }
}
