using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Jidoka.Bridge.Storage;
using Jidoka.Hil.Deterministic;
using Jidoka.Protocol;
using Jidoka.SimBoard.Demo;
using Jidoka.SimBoard.Nodes;
using Xunit;

namespace Jidoka.Hil.Tests;

/// <summary>
/// The demo nodes' script (firmware/Jidoka.SimBoard/Demo/demo-script.json) played in virtual time
/// against the bridge's real logic, paced as the demo runs on a host: one cycle gives a case for every
/// trip cause the script promises, near-misses in the warning band, and operator resets that clear them.
/// </summary>
[Trait("Category", "Deterministic")]
public sealed class DemoScriptTests
{
    private const ulong Second = 1_000_000;

    private static readonly TripRule[] EveryScriptedCause =
    {
        TripRule.ForceOverLimit, TripRule.InterlockOpen, TripRule.VisionLowConfidence, TripRule.VisionStale, TripRule.ChannelDiscrepancy, TripRule.SensorFault,
    };

    [Fact]
    public void One_cycle_of_the_built_in_script_gives_a_case_for_every_trip_cause()
    {
        DemoScript script = DemoScript.BuiltIn();
        string dir = Path.Combine(Path.GetTempPath(), "jidoka-demo-script-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            using var cell = new SimulatedCell(7, Path.Combine(dir, "nodes"));
            using var bridge = new VirtualBridge(cell, Path.Combine(dir, "bridge.db"));
            bridge.Start();
            var nodes = new List<SimulatedNode>();
            for (int i = 1; i <= 2; i++)
            {
                // The demo runs in real time on a general-purpose host, paced as such (10 ms loop); the same pacing here.
                SimulatedBoardOptions options = DemoScriptPlayer.BoardOptions("demo", "demo-0" + i) with { Configure = SimulatedBoardConfig.ApplyHostPacing };
                nodes.Add(cell.AddNode(options));
            }

            cell.PowerOnAll();
            Assert.True(cell.RunUntil(() => cell.Nodes.All(n => n.Core?.State == TripState.Armed && n.Core.Comms.HostOnline), 10 * Second), "the demo nodes armed and saw the bridge");
            DemoScriptPlayer[] players = nodes.Select((n, i) => DemoScriptPlayer.Attach(script, n, i)).ToArray();

            // One full cycle for the second node (it starts nodeOffsetSeconds into the timeline) plus time for its last reset.
            cell.RunFor(((ulong)script.CycleSeconds + (ulong)script.ResetAfterSeconds + 15) * Second);

            foreach (SimulatedNode node in nodes)
            {
                IReadOnlyList<CaseRecord> cases = bridge.Query(s => s.QueryCasesAsync(new CaseQuery(NodeId: node.NodeId), default));
                TripRule[] causes = cases.Select(c => c.Decision.Rule).Distinct().ToArray();
                foreach (TripRule cause in EveryScriptedCause)
                {
                    Assert.True(causes.Contains(cause), $"{node.NodeId}: no {TripRuleNames.Name(cause)} case; cases: {string.Join(", ", cases.Select(c => TripRuleNames.Name(c.Decision.Rule)))}");
                }

                Assert.DoesNotContain(cases, c => c.Decision.Rule == TripRule.LoopOverrun);
                IReadOnlyList<EventRecord> nearMisses = bridge.Query(s => s.QueryEventsAsync(new EventQuery(NodeId: node.NodeId, Type: EventType.NearMiss), default));
                Assert.True(nearMisses.Count >= 3, $"{node.NodeId}: {nearMisses.Count} near-misses, the script has 4 a cycle");
                IReadOnlyList<EventRecord> resets = bridge.Query(s => s.QueryEventsAsync(new EventQuery(NodeId: node.NodeId, Type: EventType.Reset), default));
                Assert.True(resets.Count >= EveryScriptedCause.Length, $"{node.NodeId}: {resets.Count} resets for {cases.Count} cases");
            }

            Assert.All(players, p => Assert.True(p.StepsPlayed >= script.Steps.Count, p + $": {p.StepsPlayed} steps"));
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A temp directory left behind is harmless.
            }
        }
    }

    [Theory]
    [InlineData("{\"cycleSeconds\":60,\"resetAfterSeconds\":10,\"visionScore\":9500,\"press\":{\"periodSeconds\":3,\"peakNewtons\":100},\"steps\":[{\"atSeconds\":5,\"action\":\"explode\"}]}", "steps[0] (explode): unknown action")]
    [InlineData("{\"cycleSeconds\":60,\"resetAfterSeconds\":10,\"visionScore\":9500,\"press\":{\"periodSeconds\":3,\"peakNewtons\":100},\"steps\":[{\"atSeconds\":5,\"action\":\"channel\",\"channel\":9,\"closed\":false}]}", "channel 0..5")]
    [InlineData("{\n\"cycleSeconds\":60,\n\"cycleSecnds\":60}", "line 3")]
    public void A_bad_script_is_refused_in_one_line_naming_the_problem(string json, string expected)
    {
        FormatException ex = Assert.Throws<FormatException>(() => DemoScript.Parse(json, "demo.json"));
        Assert.StartsWith("demo.json: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
    }
}
