using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>Every rejection the protocol defines, sent to the bridge as a node would: counted per reason, never fatal.</summary>
public sealed class MalformedInputTests
{
    private static readonly Dictionary<string, TopicKind> NodeToBridge = new()
    {
        ["frame"] = TopicKind.Frame,
        ["event"] = TopicKind.Event,
        ["status"] = TopicKind.Status,
        ["command-result"] = TopicKind.CommandResult,
        ["time-sync-request"] = TopicKind.TimeRequest,
    };

    [Fact]
    public async Task Every_reject_vector_is_counted_under_its_reason_and_the_bridge_keeps_storing()
    {
        List<(string Name, TopicKind Kind, RejectReason Reason, byte[] Payload)> vectors = LoadRejectVectors();
        Assert.Equal(
            Enum.GetValues<RejectReason>().Where(r => r != RejectReason.None).OrderBy(r => r),
            vectors.Select(v => v.Reason).Distinct().OrderBy(r => r));

        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartAsync(dir.File("bridge.db"));
        await using var node = new TestNode("cell-a", "press-01");
        await node.ConnectAsync(bridge.Port);
        foreach ((string _, TopicKind kind, RejectReason _, byte[] payload) in vectors)
        {
            await node.PublishRawAsync(kind, payload);
        }

        // The same frame published with another node's id in it: the payload must match its topic.
        await node.PublishRawAsync(TopicKind.Frame, Messages.Encode(Messages.Frame("press-99", 1, 0, 1000)));

        // Good data after all of it is still stored.
        await node.PublishFrameAsync(Messages.Frame("press-01", 1, 0, 1_000_000));
        await node.SendEventAsync(Messages.NearMiss("press-01", 5, 1, 1_000_000));
        await Eventually.UntilAsync(() => node.IsAcked(5), "an event after the bad input acknowledged");
        await Eventually.UntilAsync(async () => (await bridge.Runtime.Store.GetNodeAsync("press-01", default))?.Counters.FramesStored == 1, "the good frame stored");

        NodeRecord stored = (await bridge.Runtime.Store.GetNodeAsync("press-01", default))!;
        foreach (IGrouping<RejectReason, (string Name, TopicKind Kind, RejectReason Reason, byte[] Payload)> group in vectors.GroupBy(v => v.Reason))
        {
            long expected = group.Count() + (group.Key == RejectReason.ImpossibleValue ? 1 : 0);
            Assert.True(stored.Rejects.TryGetValue(group.Key, out long counted), $"no count for {group.Key}");
            Assert.Equal(expected, counted);
        }

        Assert.Equal(vectors.Count + 1, stored.Counters.MessagesRejected);
        Assert.Equal(vectors.Count + 1, bridge.Runtime.Engine.Totals.Rejected);
        Assert.Null(await bridge.Runtime.Store.GetNodeAsync("press-99", default));
    }

    private static List<(string, TopicKind, RejectReason, byte[])> LoadRejectVectors()
    {
        var vectors = new List<(string, TopicKind, RejectReason, byte[])>();
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "vectors"), "*.vec").OrderBy(f => f, StringComparer.Ordinal))
        {
            string message = "", expect = "";
            var hex = new StringBuilder();
            var text = new StringBuilder();
            foreach (string line in File.ReadAllLines(file))
            {
                if (line.StartsWith("message: ", StringComparison.Ordinal))
                {
                    message = line[9..].Trim();
                }
                else if (line.StartsWith("expect: ", StringComparison.Ordinal))
                {
                    expect = line[8..].Trim();
                }
                else if (line.StartsWith("hex: ", StringComparison.Ordinal))
                {
                    hex.Append(line[5..].Trim());
                }
                else if (line.StartsWith("text: ", StringComparison.Ordinal))
                {
                    text.Append(line[6..]);
                }
            }

            if (!expect.StartsWith("reject ", StringComparison.Ordinal) || !NodeToBridge.TryGetValue(message, out TopicKind kind))
            {
                continue;
            }

            Assert.True(RejectReasonNames.TryParse(expect.Split(' ')[1], out RejectReason reason), file);
            byte[] payload = hex.Length > 0 ? Convert.FromHexString(hex.ToString()) : Encoding.ASCII.GetBytes(text.ToString());
            vectors.Add((Path.GetFileName(file), kind, reason, payload));
        }

        return vectors;
    }
}
