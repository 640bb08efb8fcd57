using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Jidoka.Cli;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>jidoka status reads retained node status straight from the broker, as a technician with only MQTT access would.</summary>
public sealed class CliStatusTests
{
    [Fact]
    public async Task Status_prints_every_node_from_the_retained_statuses()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        string port = bridge.Port.ToString(CultureInfo.InvariantCulture);
        TestNode tripped = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-41", TripState.Tripped, TripRule.ForceOverLimit, ResponseClass.Regrip);
        TestNode armed = await Scenario.OnlineNodeAsync(bridge, "cell-b", "press-42");
        TestNode gone = await Scenario.OnlineNodeAsync(bridge, "cell-b", "press-43");
        gone.Drop();
        await Eventually.UntilAsync(() => bridge.Runtime.Directory.TryGet("press-43", out NodeRecord n) && !n.Online, "press-43's last will");

        // The nodes leave; only the broker's retained copies remain. One more retained message on a status topic is not a status.
        await tripped.DisposeAsync();
        await armed.DisposeAsync();
        await using (var garbage = new TestNode("cell-c", "press-44"))
        {
            await garbage.ConnectAsync(bridge.Port);
            await garbage.PublishRawAsync(TopicKind.Status, Encoding.ASCII.GetBytes("{\"v\":1,\"cell\":\"cell-c\""), retain: true);
        }

        CliResult result = await JidokaTool.RunAsync("status", "--host", "127.0.0.1", "--port", port);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        string[] lines = result.Out.Split('\n');
        Assert.StartsWith("NODE", lines[0]);
        string row41 = Assert.Single(lines, l => l.StartsWith("press-41", System.StringComparison.Ordinal));
        Assert.Contains("cell-a", row41);
        Assert.Contains("TRIPPED", row41);
        Assert.Contains("force-over-limit", row41);
        Assert.Contains("regrip", row41);
        Assert.Contains("7 (1a2b3c4d)", row41);
        Assert.Contains("12.3", row41);
        Assert.Contains("retained, up 5s", row41);
        Assert.Contains("unsynced", row41);
        string row42 = Assert.Single(lines, l => l.StartsWith("press-42", System.StringComparison.Ordinal));
        Assert.Contains("armed", row42);
        string row43 = Assert.Single(lines, l => l.StartsWith("press-43", System.StringComparison.Ordinal));
        Assert.Contains("offline (last will)", row43);
        Assert.Contains("3 node(s): 1 tripped, 1 offline", result.Out);
        Assert.Contains("not a valid status: jidoka/v1/cell-c/press-44/status", result.Error);

        CliResult one = await JidokaTool.RunAsync("status", "--host", "127.0.0.1", "--port", port, "--node", "press-42");
        Assert.Equal(ExitCodes.Ok, one.ExitCode);
        Assert.Equal(2, one.Out.Split('\n').Count(l => l.StartsWith("press-", System.StringComparison.Ordinal) || l.StartsWith("NODE", System.StringComparison.Ordinal)));

        CliResult unknown = await JidokaTool.RunAsync("status", "--host", "127.0.0.1", "--port", port, "--node", "press-99");
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
        Assert.Equal($"jidoka: no status for node 'press-99' on the broker at 127.0.0.1:{port}.", unknown.Error.Trim());

        // The real program, as a technician runs it.
        CliResult process = await JidokaTool.RunProcessAsync("status", "--host", "127.0.0.1", "--port", port);
        Assert.True(process.ExitCode == ExitCodes.Ok, process.ToString());
        Assert.Contains(process.Out.Split('\n'), l => l.StartsWith("press-41", System.StringComparison.Ordinal) && l.Contains("TRIPPED", System.StringComparison.Ordinal));
        Assert.Contains(process.Out.Split('\n'), l => l.StartsWith("press-43", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_against_an_unreachable_broker_says_so_and_exits_3()
    {
        int port = FreePort.Next();
        CliResult result = await JidokaTool.RunAsync("status", "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
        Assert.StartsWith($"jidoka: cannot reach the MQTT broker at 127.0.0.1:{port}:", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Equal("", result.Out);

        CliResult process = await JidokaTool.RunProcessAsync("status", "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(ExitCodes.Unreachable, process.ExitCode);
        Assert.Contains("cannot reach the MQTT broker", process.Error);
    }
}
