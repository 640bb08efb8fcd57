using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Jidoka.Bridge.Hosting;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.Tests.Support;
using Jidoka.Protocol;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>--demo-nodes N: simulated nodes in real time against the bridge's own embedded broker.</summary>
public sealed class DemoNodesTests
{
    [Fact]
    public async Task Demo_nodes_connect_to_the_embedded_broker_and_their_events_are_stored()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartAsync(dir.File("demo.db"), new Dictionary<string, string?> { ["Bridge:Demo:Nodes"] = "2" });
        await Eventually.UntilAsync(
            async () => (await bridge.Runtime.Store.QueryEventsAsync(new EventQuery(Type: EventType.Boot), default)).Select(e => e.NodeId).Distinct().Count() == 2,
            "boot events of demo-01 and demo-02 stored");
        Assert.True(bridge.Runtime.Directory.TryGet("demo-01", out NodeRecord node));
        Assert.Equal(DemoNodesService.CellId, node.CellId);
        await Eventually.UntilAsync(
            async () => (await bridge.Runtime.Store.GetNodeAsync("demo-02", default))?.Counters.FramesStored > 0,
            "frames of demo-02 stored");
    }

    [Fact]
    public async Task A_second_run_on_the_same_data_file_stores_the_demo_nodes_new_events()
    {
        using var dir = new TempDir();
        var settings = new Dictionary<string, string?> { ["Bridge:Demo:Nodes"] = "1" };
        await using (TestBridge first = await TestBridge.StartAsync(dir.File("demo.db"), settings))
        {
            await Eventually.UntilAsync(async () => (await BootsAsync(first)).Count == 1, "demo-01's first boot stored");
        }

        // The nodes' flash is kept beside the data file, so the second run's boot is a new event, not a repeated id.
        await using TestBridge second = await TestBridge.StartAsync(dir.File("demo.db"), settings);
        await Eventually.UntilAsync(async () => (await BootsAsync(second)).Count == 2, "demo-01's second boot stored as a new event");
        IReadOnlyList<EventRecord> boots = await BootsAsync(second);
        Assert.Equal(2, boots.Select(b => b.BootId).Distinct().Count());
        Assert.True(System.IO.Directory.Exists(System.IO.Path.Combine(dir.File("demo.db") + ".demo-nodes", "demo-01")));
    }

    private static Task<IReadOnlyList<EventRecord>> BootsAsync(TestBridge bridge) =>
        bridge.Runtime.Store.QueryEventsAsync(new EventQuery(NodeId: "demo-01", Type: EventType.Boot), default);

    [Theory]
    [InlineData(null, null, 0)]
    [InlineData("3", null, 3)]
    [InlineData(null, "4", 4)]
    public void The_count_comes_from_the_flag_or_the_setting(string? flag, string? setting, int expected)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["demo-nodes"] = flag, ["Bridge:Demo:Nodes"] = setting }).Build();
        Assert.Equal(expected, DemoNodesService.ConfiguredNodes(configuration));
    }

    [Fact]
    public void A_count_out_of_range_is_a_configuration_error()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["demo-nodes"] = "5000" }).Build();
        Assert.Throws<System.ArgumentException>(() => DemoNodesService.ConfiguredNodes(configuration));
    }
}
