using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>A trip becomes an exception case that fills in as its evidence arrives.</summary>
public sealed class CaseTests
{
    private const string Node = "press-05";
    private const ulong DetectUs = 10_000_000;
    private const ulong ResetUs = 13_000_000;
    private const ulong FrameUs = 10_000;

    [Fact]
    public async Task A_trip_opens_a_case_with_the_full_decision_record_window_reset_and_recovery()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartAsync(dir.File("bridge.db"));
        IBridgeStore store = bridge.Runtime.Store;
        await using var node = new TestNode("cell-a", Node);
        await node.ConnectAsync(bridge.Port);

        // Before the trip: a near-miss at 9 s and frames from 7.5 s up to the trip.
        await node.SendEventAsync(Messages.NearMiss(Node, 40, 1, 9_000_000));
        await SendFramesAsync(node, 7_500_000, DetectUs);
        EventMessage trip = Messages.Trip(Node, 41, 1, DetectUs);
        await node.SendEventAsync(trip);
        await Eventually.UntilAsync(() => node.IsAcked(41), "trip acknowledged");

        CaseRecord opened = Assert.Single(await store.QueryCasesAsync(new CaseQuery(Node), default));
        Assert.Equal(CaseStatus.Open, opened.Status);
        Assert.False(opened.WindowComplete);
        Assert.Equal(2000, (await store.GetSamplesAsync(Node, 1, opened.WindowFromMonoUs, opened.WindowToMonoUs, default)).Count);

        // After the trip: tripped frames arrive later and fill the window; then the reset and good frames.
        await SendFramesAsync(node, DetectUs, ResetUs);
        await node.SendEventAsync(Messages.Reset(Node, 42, 1, ResetUs, 41, "op-7"));
        await SendFramesAsync(node, ResetUs, ResetUs + 500_000);
        await Eventually.UntilAsync(async () => (await store.GetCaseAsync(opened.CaseId, default))?.Status == CaseStatus.Recovered, "case recovered");

        CaseRecord done = (await store.GetCaseAsync(opened.CaseId, default))!;
        AssertDecisionRecord(trip.Record, done.Decision);
        Assert.Equal(41UL, done.TripEventId);
        Assert.Equal(ResponseClass.Regrip, done.Response);
        Assert.Equal(12u, done.TimeToSafeStateUs);
        Assert.Equal(Messages.PolicyId, done.Provenance.PolicyId);
        Assert.Equal(Messages.PolicyHash, done.Provenance.PolicyHash);
        Assert.Equal(new CalibrationTag(12, 3), done.Provenance.ForceCalibration);
        Assert.True(done.WindowComplete);
        Assert.Equal(DetectUs - 2_000_000, done.WindowFromMonoUs);
        Assert.Equal(DetectUs + 2_000_000, done.WindowToMonoUs);
        Assert.Equal(42UL, done.ResetEventId);
        Assert.Equal(ResetSource.Command, done.ResetSource);
        Assert.Equal("op-7", done.ResetBy);
        Assert.Equal((long)(ResetUs - DetectUs), done.TimeToResetUs);
        Assert.Equal(ResetUs, done.RecoveredMonoUs);
        Assert.Equal((long)(ResetUs - DetectUs), done.TimeToRecoverQualityUs);
        Assert.Equal(1, done.NearMissCount);

        IReadOnlyList<SampleRecord> window = await store.GetSamplesAsync(Node, 1, done.WindowFromMonoUs, done.WindowToMonoUs, default);
        Assert.Equal(4001, window.Count);
        Assert.Equal(done.WindowFromMonoUs, window[0].MonoUs);
        Assert.Equal(done.WindowToMonoUs, window[^1].MonoUs);
        Assert.All(window.Where(s => s.MonoUs >= DetectUs), s => Assert.NotEqual(0, s.SampleFlags & SampleFlags.TripLatched));

        EventRecord linked = Assert.Single(await store.GetCaseNearMissesAsync(done.CaseId, default));
        Assert.Equal(40UL, linked.EventId);
    }

    [Fact]
    public async Task A_trip_replayed_twice_opens_one_case()
    {
        using var dir = new TempDir();
        await using TestBridge bridge = await TestBridge.StartAsync(dir.File("bridge.db"));
        await using var node = new TestNode("cell-a", Node);
        await node.ConnectAsync(bridge.Port);

        // Online first: the node's own replay on a new bridge session must not race the test's replay.
        await Eventually.UntilAsync(() => node.HostOnline, "bridge online");
        EventMessage trip = Messages.Trip(Node, 41, 1, DetectUs);
        await node.SendEventAsync(trip);
        await Eventually.UntilAsync(() => node.IsAcked(41), "trip acknowledged");
        int acks = node.AckCount(41);
        trip.Flags = EventMessage.Replayed;
        await node.PublishRawAsync(TopicKind.Event, Messages.Encode(trip));
        await Eventually.UntilAsync(() => node.AckCount(41) == acks + 1, "replay acknowledged");

        Assert.Single(await bridge.Runtime.Store.QueryCasesAsync(new CaseQuery(Node), default));
    }

    private static async Task SendFramesAsync(TestNode node, ulong fromUs, ulong toUs)
    {
        for (ulong mono = fromUs; mono < toUs; mono += FrameUs)
        {
            uint seq = (uint)((mono - 7_500_000) / FrameUs);
            bool tripped = mono + FrameUs > DetectUs && mono < ResetUs;
            await node.PublishFrameAsync(Messages.Frame(Node, 1, seq, mono, flags: tripped ? FrameFlags.Tripped : (byte)0));
        }
    }

    private static void AssertDecisionRecord(DecisionRecord sent, DecisionRecord stored)
    {
        var a = new FieldList();
        var b = new FieldList();
        sent.Describe(a);
        stored.Describe(b);
        Assert.Equal(17, a.Count);
        for (int i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i], b[i]);

            // "Every field filled": the test record gives each field a non-zero value.
            Assert.False(a[i].EndsWith("=0", System.StringComparison.Ordinal) || a[i].EndsWith('=') || a[i].EndsWith("=none", System.StringComparison.Ordinal), a[i]);
        }
    }
}
