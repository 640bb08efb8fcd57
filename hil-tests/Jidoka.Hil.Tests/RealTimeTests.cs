using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Jidoka.Hil.Deterministic;
using Jidoka.Hil.Measurements;
using Jidoka.Hil.RealTime;
using Jidoka.Hil.Scenarios;
using Xunit;
using Xunit.Abstractions;

namespace Jidoka.Hil.Tests;

/// <summary>
/// The real-time subset: each scenario marked <c>realtime</c> runs once with real processes (Mosquitto,
/// the bridge service, the simulated-nodes process). Without Mosquitto these tests skip, saying why and
/// how to install it; under CI (CI=true) they fail instead, because CI must install it.
/// </summary>
[Trait("Category", "RealTime")]
public sealed class RealTimeTests
{
    private static readonly ScenarioLoader Loader = new(ScenarioLoader.DefaultDirectory());
    private readonly ITestOutputHelper _output;

    public RealTimeTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Scenarios() =>
        Loader.LoadAll().Where(s => s.RunsIn(ScenarioLoader.RealTime)).Select(s => new object[] { s.Name });

    [SkippableTheory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario_holds_with_real_processes(string name)
    {
        string? only = Environment.GetEnvironmentVariable(DeterministicRunner.ScenarioVariable);
        Skip.If(!string.IsNullOrEmpty(only) && only != name, $"{DeterministicRunner.ScenarioVariable}={only} narrows the run to that scenario; {name} not run.");
        string mosquitto = RequireMosquitto();
        Scenario scenario = Loader.Load(name);
        ulong seed = Environment.GetEnvironmentVariable(DeterministicRunner.SeedVariable) is { Length: > 0 } s ? ulong.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 1;
        string work = Path.Combine(Path.GetTempPath(), "jidoka-hil");
        RunMeasurement run = await RealTimeRunner.RunAsync(scenario, seed, mosquitto, work, line => _output.WriteLine(line));
        if (!run.Passed && run.Failures.Count == 1 && run.Failures[0].StartsWith(RealTimeRunner.NotReadyFailure, StringComparison.Ordinal))
        {
            // Before the timeline nothing of the scenario has happened yet: a node that tripped on a missed
            // loop deadline while the host was starting three processes says the host was busy, not that
            // the scenario failed. One retry, reported; a second failure fails the test.
            _output.WriteLine("retrying once, the first attempt failed before the timeline: " + run.Failures[0]);
            run = await RealTimeRunner.RunAsync(scenario, seed, mosquitto, work, line => _output.WriteLine(line));
            run.Notes.Add("second attempt; the first failed before the timeline (host busy at start-up)");
        }
        else if (!run.Passed && run.LoopOverruns > 0 && run.EventsLost == 0 && run.DuplicateCases == 0)
        {
            // The nodes themselves measured a step longer than their deadline: the host starved a loop thread
            // mid-step, and the node tripped on loop-overrun, as it must. That changes which rule tripped, not
            // whether the system kept its evidence (nothing was lost or duplicated, or there is no retry). One
            // retry, reported with the first attempt's failures; a second failure fails the test.
            _output.WriteLine($"retrying once, the nodes counted {run.LoopOverruns} loop overrun(s) (longest step {run.LongestLoopStepUs} µs): " + string.Join("; ", run.Failures));
            long overruns = run.LoopOverruns;
            run = await RealTimeRunner.RunAsync(scenario, seed, mosquitto, work, line => _output.WriteLine(line));
            run.Notes.Add($"second attempt; in the first the host starved a node's loop ({overruns} overrun(s)), which tripped it on loop-overrun");
        }

        ScenarioSummary summary = ScenarioSummary.Of(name, ScenarioLoader.RealTime, new[] { run });
        string report = HilReport.Add(summary);
        _output.WriteLine($"{name} (real time): trip latency µs min/p50/p99/max {summary.TripLatency?.ToString() ?? "–"} (recorded, not asserted); node time-to-safe-state {summary.NodeTimeToSafeState?.ToString() ?? "–"}; events published {run.EventsPublished}, stored {run.EventsStored}, lost {run.EventsLost}; cases {run.Cases}, duplicate {run.DuplicateCases}; audit {run.AuditCompletenessPercent} %; frames lost to gaps {run.FramesLostToGaps}; bridge starts {run.BridgeStarts}; longest node loop step {run.LongestLoopStepUs} µs, overruns {run.LoopOverruns}; {run.WallMs / 1000:0.0} s");
        _output.WriteLine("HIL report: " + report);
        var failures = new StringBuilder();
        foreach (string f in run.Failures)
        {
            failures.AppendLine("  - " + f);
        }

        foreach (string n in run.Notes)
        {
            failures.AppendLine("  note: " + n);
        }

        Assert.True(run.Passed, $"scenario {name} (real time, seed {seed}):\n{failures}");
        Assert.Equal(0, run.EventsLost);
        Assert.Equal(0, run.DuplicateCases);
    }

    internal static string RequireMosquitto()
    {
        string? mosquitto = MosquittoBroker.Find();
        if (mosquitto != null)
        {
            return mosquitto;
        }

        const string why = "Mosquitto is not installed (looked in /usr/sbin, /usr/local/sbin, /usr/bin and PATH; JIDOKA_MOSQUITTO names another). Install it with 'sudo apt-get install -y mosquitto' to run the real-time HIL tests.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(why + " Under CI this is a failure: .ci/run must install it.");
        }

        Console.Error.WriteLine("SKIPPED real-time HIL test: " + why);
        throw new SkipException(why);
    }
}
