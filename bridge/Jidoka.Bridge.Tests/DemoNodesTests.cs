using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Jidoka.Bridge.Hosting;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TestKit;
using Jidoka.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>--demo-nodes N: simulated nodes in real time, in a child process, against the bridge's own embedded broker.</summary>
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
    public async Task The_demo_nodes_run_as_a_child_process_that_stops_with_the_bridge()
    {
        using var dir = new TempDir();
        TestBridge bridge = await TestBridge.StartAsync(dir.File("demo.db"), new Dictionary<string, string?> { ["Bridge:Demo:Nodes"] = "1" });
        DemoNodesService demo = bridge.Services.GetServices<IHostedService>().OfType<DemoNodesService>().Single();
        DemoNodesProcess process = demo.Process ?? throw new Xunit.Sdk.XunitException("no demo-nodes process started");
        using Process child = Process.GetProcessById(process.Id);
        Assert.NotEqual(Environment.ProcessId, child.Id);
        Assert.False(child.HasExited);
        await bridge.DisposeAsync();
        Assert.True(child.WaitForExit(15_000), "the demo-nodes process ended when the bridge stopped");
        Assert.Null(demo.Process);
    }

    [Fact]
    public void A_missing_demo_nodes_program_is_named_in_the_error()
    {
        var error = Assert.Throws<System.IO.FileNotFoundException>(() => DemoNodesProcess.Locate("/nonexistent/Jidoka.DemoNodes.dll"));
        Assert.Contains("Bridge:Demo:Assembly", error.Message, StringComparison.Ordinal);
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
