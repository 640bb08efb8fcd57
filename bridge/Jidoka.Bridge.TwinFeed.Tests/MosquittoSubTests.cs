using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Hosting;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>
/// The mosquitto_sub line of docs/operations.md, run as written (the documented host replaced by the test
/// bridge's address and port) with the real mosquitto_sub (Debian's mosquitto-clients) against a running
/// bridge's embedded broker: it connects without a client id, which MQTT 3.1.1 and 5 both allow.
/// </summary>
public sealed class MosquittoSubTests
{
    [SkippableTheory]
    [InlineData(null)]
    [InlineData("mqttv311")]
    [InlineData("mqttv5")]
    public async Task The_documented_mosquitto_sub_line_reads_node_status_from_the_embedded_broker(string? protocol)
    {
        string? tool = FindMosquittoSub();
        if (tool == null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "mosquitto_sub (package mosquitto-clients) is missing; .ci/run installs it");
            Skip.If(true, "SKIPPED LOUDLY: mosquitto_sub is not installed (apt-get install mosquitto-clients); the documented line was not run.");
        }

        List<string> documented = DocumentedLine();
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartWithTwinFeedAsync(dir.File("bridge.db"));
        await using TestNode node = await Scenario.OnlineNodeAsync(bridge, "cell-a", "press-01");

        var args = new List<string>();
        for (int i = 1; i < documented.Count; i++)
        {
            args.Add(documented[i]);
            if (documented[i] == "-h")
            {
                // The documented address is the plant's broker; the test bridge listens on loopback at a free port.
                args.Add("127.0.0.1");
                args.Add("-p");
                args.Add(bridge.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                i++;
            }
        }

        if (protocol != null)
        {
            args.AddRange(new[] { "-V", protocol });
        }

        // Stop after the retained status arrived (-C 1), or after 10 s (-W 10).
        args.AddRange(new[] { "-C", "1", "-W", "10" });
        (int exit, string output, string error) = await RunAsync(tool!, args);
        Assert.True(exit == 0, $"mosquitto_sub {string.Join(' ', args)} exited {exit}: {error}");
        Assert.StartsWith("jidoka/v1/cell-a/press-01/status {", output, StringComparison.Ordinal);
        Assert.Contains("\"online\":true", output, StringComparison.Ordinal);
        Assert.True(EmbeddedBrokerClientIds.Assigned > 0);
    }

    /// <summary>The mosquitto_sub command line in docs/operations.md, split as a shell would.</summary>
    private static List<string> DocumentedLine()
    {
        string line = File.ReadAllLines(RepoFiles.Path("docs/operations.md")).Single(l => l.StartsWith("mosquitto_sub ", StringComparison.Ordinal));
        var words = new List<string>();
        var word = new StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        Assert.Contains("-h", words);
        return words;
    }

    private static string? FindMosquittoSub() =>
        new[] { "/usr/bin/mosquitto_sub", "/usr/local/bin/mosquitto_sub" }.FirstOrDefault(File.Exists);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string tool, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + tool);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
