using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>GET /api/v1/nodes, /nodes/{id}, /nodes/{id}/frames against a running bridge.</summary>
public sealed class NodeEndpointTests
{
    [Fact]
    public async Task Nodes_show_current_state_with_last_values_and_filter_by_cell()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        await using TestNode press = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-01", TripState.Tripped, TripRule.ForceOverLimit, ResponseClass.Regrip);
        await using TestNode robot = await Scenario.OnlineNodeAsync(bridge, "cell-b", "robot-02");
        await Scenario.FrameAsync(press, 0, 1_000_000, count: 5, forceStartMilliNewtons: 200_000);
        await Eventually.UntilAsync(async () => (await bridge.GetAsync<NodeView>("/api/v1/nodes/press-01")).LastValues != null, "last values of press-01");

        List<NodeView> all = await bridge.GetAsync<List<NodeView>>("/api/v1/nodes");
        Assert.Equal(new[] { "press-01", "robot-02" }, all.Select(n => n.NodeId));
        NodeView p = all[0];
        Assert.Equal("cell-a", p.CellId);
        Assert.True(p.Online);
        Assert.True(p.HasStatus);
        Assert.Equal("tripped", p.TripState);
        Assert.Equal("force-over-limit", p.TripCause);
        Assert.Equal("regrip", p.Response);
        Assert.Equal(Messages.PolicyId, p.PolicyId);
        Assert.Equal("1a2b3c4d", p.PolicyHash);
        Assert.Equal("12.3", p.ForceCalibration);
        Assert.Equal("2.1", p.VisionCalibration);
        Assert.Equal("synced", p.TimeQuality);
        Assert.Equal(1u, p.BootId);
        Assert.Equal("esp32-test", p.Board);

        // The newest stored sample: the frame's fifth sample, force ramping by 1 N from 200 N.
        Assert.NotNull(p.LastValues);
        Assert.Equal(204_000, p.LastValues!.ForceMilliNewtons);
        Assert.Equal(1_004_000UL, p.LastValues.MonoUs);
        Assert.Equal(Scenario.WallOffsetUs + 1_004_000, p.LastValues.WallUnixUs);
        Assert.Equal((ushort)9500, p.LastValues.VisionConfidence);
        Assert.Equal(1, p.Counts.FramesStored);

        Assert.Equal("armed", all[1].TripState);
        Assert.Equal("none", all[1].TripCause);
        Assert.Null(all[1].LastValues);

        List<NodeView> cellB = await bridge.GetAsync<List<NodeView>>("/api/v1/nodes?cell=cell-b");
        Assert.Equal("robot-02", Assert.Single(cellB).NodeId);
        Assert.Empty(await bridge.GetAsync<List<NodeView>>("/api/v1/nodes?cell=cell-z"));

        // The node drops off the network: its last will makes it offline for the twin too.
        press.Drop();
        await Eventually.UntilAsync(async () => !(await bridge.GetAsync<NodeView>("/api/v1/nodes/press-01")).Online, "press-01 offline");
    }

    [Fact]
    public async Task An_unknown_node_is_404_and_a_malformed_id_is_400()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));

        using HttpResponseMessage unknown = await bridge.Http.GetAsync("/api/v1/nodes/press-99");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        JsonElement problem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(ProblemTypes.UnknownNode, problem.GetProperty("type").GetString());
        Assert.Contains("press-99", problem.GetProperty("detail").GetString());

        using HttpResponseMessage frames = await bridge.Http.GetAsync("/api/v1/nodes/press-99/frames");
        Assert.Equal(HttpStatusCode.NotFound, frames.StatusCode);

        using HttpResponseMessage malformed = await bridge.Http.GetAsync("/api/v1/nodes/Press%2001");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("not a node id", await malformed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Frames_are_returned_by_node_and_wall_clock_range_oldest_first()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-03");
        await using TestNode other = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-04");

        // Ten frames of 10 samples at 1 ms: frame i covers node time 1 s + i*10 ms .. +9 ms.
        for (uint i = 0; i < 10; i++)
        {
            await Scenario.FrameAsync(node, i, 1_000_000 + (i * 10_000), count: 10, forceStartMilliNewtons: (int)(i * 10_000));
        }

        await Scenario.FrameAsync(other, 0, 1_000_000, count: 10);
        await Eventually.UntilAsync(
            () => bridge.Runtime.Directory.TryGet("press-03", out NodeRecord n) && n.Counters.FramesStored == 10 && bridge.Runtime.Directory.TryGet("press-04", out NodeRecord o) && o.Counters.FramesStored == 1,
            "frames stored");

        long t0 = Scenario.WallOffsetUs + 1_000_000;

        // [t0 + 25 ms, t0 + 55 ms]: frames 2 (ends at 29 ms) through 5 (starts at 50 ms).
        List<FrameView> range = await bridge.GetAsync<List<FrameView>>($"/api/v1/nodes/press-03/frames?from={t0 + 25_000}&to={t0 + 55_000}");
        Assert.Equal(new uint[] { 2, 3, 4, 5 }, range.Select(f => f.FrameSequence));
        FrameView first = range[0];
        Assert.Equal(1_020_000UL, first.FirstSampleMonoUs);
        Assert.Equal(1000u, first.SamplePeriodUs);
        Assert.Equal(t0 + 20_000, first.WallStartUnixUs);
        Assert.Equal("node-synced", first.Provenance.WallSource);
        Assert.Equal("synced", first.Provenance.TimeQuality);
        Assert.Equal("1a2b3c4d", first.Provenance.PolicyHash);
        Assert.Equal(10, first.Samples.Count);
        Assert.Equal(20_000, first.Samples[0].ForceMilliNewtons);
        Assert.Equal(29_000, first.Samples[9].ForceMilliNewtons);
        Assert.Equal(1_029_000UL, first.Samples[9].MonoUs);

        // The same range as ISO 8601 times, and a limit.
        string from = System.DateTimeOffset.UnixEpoch.AddTicks((t0 + 25_000) * 10).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture);
        string to = System.DateTimeOffset.UnixEpoch.AddTicks((t0 + 55_000) * 10).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new uint[] { 2, 3, 4, 5 }, (await bridge.GetAsync<List<FrameView>>($"/api/v1/nodes/press-03/frames?from={from}&to={to}")).Select(f => f.FrameSequence));
        Assert.Equal(new uint[] { 2, 3 }, (await bridge.GetAsync<List<FrameView>>($"/api/v1/nodes/press-03/frames?from={t0 + 25_000}&to={t0 + 55_000}&limit=2")).Select(f => f.FrameSequence));

        // Another node's frames never mix in; a range with nothing in it is empty.
        Assert.Equal(10, (await bridge.GetAsync<List<FrameView>>($"/api/v1/nodes/press-03/frames?from={t0}&to={t0 + 1_000_000}")).Count);
        Assert.Empty(await bridge.GetAsync<List<FrameView>>($"/api/v1/nodes/press-03/frames?from={t0 + 500_000}&to={t0 + 600_000}"));
    }
}
