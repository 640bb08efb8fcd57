using System.Collections.Generic;
using System.IO;
using System.Linq;
using Jidoka.Bridge.TestKit;
using Jidoka.Hil.Scenarios;
using Xunit;
using Scenario = Jidoka.Hil.Scenarios.Scenario;

namespace Jidoka.Hil.Tests;

/// <summary>Every scenario file is valid against the schema and the loader's rules; broken copies are caught; the catalogue is complete.</summary>
public sealed class ScenarioFileTests
{
    private static readonly ScenarioLoader Loader = new(ScenarioLoader.DefaultDirectory());

    public static IEnumerable<object[]> Files() => Loader.Files().Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_file_is_valid(string file)
    {
        IReadOnlyList<string> problems = Loader.Check(Path.Combine(Loader.Directory, file));
        Assert.True(problems.Count == 0, file + ":\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_catalogue_covers_the_issue()
    {
        string[] required =
        {
            "force-spike", "slow-drift", "near-miss", "confidence-drop", "stale-vision", "interlock-open", "channel-discrepancy",
            "bouncing-input", "stuck-sensor", "adc-saturation", "loop-overrun", "broker-outage-during-trip", "bridge-restart",
            "power-loss-journal-write", "clock-step", "duplicated-reordered-corrupted", "reconnect-storm-50",
            "policy-push-during-trip", "invalid-policy",
        };
        IReadOnlyList<Scenario> all = Loader.LoadAll();
        Assert.Empty(required.Except(all.Select(s => s.Name)));
        Assert.True(all.Where(s => s.RunsIn(ScenarioLoader.Deterministic)).Sum(s => s.Seeds) >= 200, "the deterministic sweep covers at least 200 seeds");
        Assert.Equal(50, all.Single(s => s.Name == "reconnect-storm-50").Nodes.Count);
        Assert.All(new[] { "force-spike", "broker-outage-during-trip", "bridge-restart", "reconnect-storm-50", "policy-push-during-trip", "invalid-policy", "interlock-open", "bouncing-input", "confidence-drop", "stale-vision", "channel-discrepancy", "near-miss", "stuck-sensor", "adc-saturation", "slow-drift" }, n => Assert.True(all.Single(s => s.Name == n).RunsIn(ScenarioLoader.RealTime), n + " runs in real time"));
    }

    [Theory]
    [InlineData("\"action\": \"force\"", "\"action\": \"forse\"", "action")]
    [InlineData("\"withinUs\": 3500", "\"withinUs\": \"fast\"", "withinUs")]
    [InlineData("\"name\": \"force-spike\"", "\"name\": \"force-spike-2\"", "differs from the file name")]
    [InlineData("\"eventsLost\": 0", "\"eventsLost\": 1", "eventsLost")]
    [InlineData("\"rule\": \"force-over-limit\", \"response\"", "\"rule\": \"force-over-limit\", \"bogus\": 1, \"response\"", "bogus")]
    public void A_broken_copy_is_rejected_with_the_reason(string from, string to, string expected)
    {
        using var temp = new TempDir();
        string dir = temp.Path;
        File.Copy(Path.Combine(Loader.Directory, ScenarioLoader.SchemaFileName), Path.Combine(dir, ScenarioLoader.SchemaFileName));
        string text = File.ReadAllText(Path.Combine(Loader.Directory, "force-spike.json"));
        string compact = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        Assert.Contains(from, compact);
        File.WriteAllText(Path.Combine(dir, "force-spike.json"), compact.Replace(from, to));
        IReadOnlyList<string> problems = new ScenarioLoader(dir).Check(Path.Combine(dir, "force-spike.json"));
        Assert.NotEmpty(problems);
        Assert.Contains(problems, p => p.Contains(expected, System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_realtime_scenario_with_a_virtual_only_action_is_rejected()
    {
        using var temp = new TempDir();
        string dir = temp.Path;
        File.Copy(Path.Combine(Loader.Directory, ScenarioLoader.SchemaFileName), Path.Combine(dir, ScenarioLoader.SchemaFileName));
        string text = File.ReadAllText(Path.Combine(Loader.Directory, "clock-step.json")).Replace("\"deterministic\"", "\"deterministic\", \"realtime\"", System.StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "clock-step.json"), text);
        IReadOnlyList<string> problems = new ScenarioLoader(dir).Check(Path.Combine(dir, "clock-step.json"));
        Assert.Contains(problems, p => p.Contains("cannot run in real time", System.StringComparison.Ordinal));
    }
}
