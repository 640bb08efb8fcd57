using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Jidoka.Bridge.Commands;
using Jidoka.Bridge.Ingest;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.Storage.Sqlite;
using Jidoka.Bridge.TestKit;
using Jidoka.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>
/// The ingest engine without MQTT, on a virtual clock: how the HIL rig's deterministic mode drives it.
/// </summary>
public sealed class EngineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_failed_commit_acknowledges_nothing_and_the_resend_is_stored_once()
    {
        using var dir = new TempDir();
        await using var sqlite = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = dir.File("engine.db") });
        await sqlite.InitializeAsync(default);
        FailingStore store = FailingStore.Wrap(sqlite);
        var clock = new FakeTimeProvider(Start);
        IngestEngine engine = NewEngine((IBridgeStore)store, clock);
        await engine.LoadAsync(default);
        InboundMessage[] batch = { Event(Messages.Trip("press-12", 9, 1, 5_000_000), clock), Event(Messages.NearMiss("press-12", 8, 1, 4_000_000), clock) };

        store.FailNextWrite = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.ProcessAsync(batch, default));
        Assert.Null(await sqlite.GetEventAsync("press-12", 9, default));

        var committed = new List<BatchCommitted>();
        engine.Committed += committed.Add;
        clock.Advance(TimeSpan.FromSeconds(1));
        BatchResult retried = await engine.ProcessAsync(batch, default);
        BatchCommitted change = Assert.Single(committed);
        Assert.Equal(new ulong[] { 9, 8 }, change.Events.Select(e => e.EventId));
        Assert.Equal(9UL, Assert.Single(change.Cases).TripEventId);
        Assert.Equal(2, retried.EventsStored);
        Assert.Equal(2, retried.EventsAcknowledged);
        OutboundMessage ack = Assert.Single(retried.Outbound);
        Assert.Equal(Topics.ForNode("cell-a", "press-12", TopicKind.Ack), ack.Topic);
        var decoded = new EventAckMessage();
        Assert.True(decoded.TryDecode(ack.Payload, 0, ack.Payload.Length).IsAccepted);
        Assert.Equal(new ulong[] { 9, 8 }, decoded.EventIds.Take(decoded.Count));
        Assert.Single(await sqlite.QueryCasesAsync(new CaseQuery("press-12"), default));

        BatchResult again = await engine.ProcessAsync(batch, default);
        Assert.Equal(0, again.EventsStored);
        Assert.Equal(2, again.EventsAcknowledged);
        Assert.Equal(2, (await sqlite.GetNodeAsync("press-12", default))!.Counters.EventsDuplicate);
    }

    [Fact]
    public async Task The_engine_counts_time_requests_and_never_answers_them()
    {
        using var dir = new TempDir();
        await using var sqlite = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = dir.File("engine.db") });
        await sqlite.InitializeAsync(default);
        var clock = new FakeTimeProvider(Start);
        IngestEngine engine = NewEngine(sqlite, clock);
        await engine.LoadAsync(default);
        var request = new TimeSyncRequestMessage { NodeId = "press-12", RequestId = 4, T1NodeMonoUs = 77 };
        string topic = Topics.ForNode("cell-a", "press-12", TopicKind.TimeRequest);
        var good = new InboundMessage(topic, Messages.Encode(request), clock.GetUtcNow());
        var otherNode = new InboundMessage(topic, Messages.Encode(new TimeSyncRequestMessage { NodeId = "press-13", RequestId = 5, T1NodeMonoUs = 78 }), clock.GetUtcNow());

        // The pump answers on arrival (PumpTests); in a batch a request is only checked and counted.
        BatchResult result = await engine.ProcessAsync(new[] { good, otherNode }, default);
        Assert.Empty(result.Outbound);
        Assert.Equal(1, result.Rejected);
        NodeRecord node = (await sqlite.GetNodeAsync("press-12", default))!;
        Assert.Equal(1, node.Rejects[RejectReason.ImpossibleValue]);
    }

    /// <summary>
    /// Each node field has one source (docs/architecture.md, "Who writes which node field"): status owns the
    /// policy and calibrations the node reports, live frames own its time quality and uncertainty. A frame or
    /// a status arriving later must not overwrite the other's fields.
    /// </summary>
    [Fact]
    public async Task Status_owns_policy_and_calibrations_and_live_frames_own_time_quality()
    {
        using var dir = new TempDir();
        await using var sqlite = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = dir.File("owners.db") });
        await sqlite.InitializeAsync(default);
        var clock = new FakeTimeProvider(Start);
        IngestEngine engine = NewEngine(sqlite, clock);
        await engine.LoadAsync(default);

        await engine.ProcessAsync(new[] { Message31(TopicKind.Status, Status31(policyId: 21, forceCalibrationVersion: 4, TimeQuality.Unsynced, 0), clock) }, default);
        NodeRecord afterStatus = await Node31(sqlite);
        Assert.Equal(21u, afterStatus.Provenance.PolicyId);
        Assert.Equal((ushort)4, afterStatus.Provenance.ForceCalibration.Version);

        // A live frame under a different policy and calibration (as a frame closed just before a status
        // caught up would carry): it sets the time fields, not the status's.
        FrameMessage frame = Messages.Frame("press-31", 1, 0, 1_000_000, quality: TimeQuality.Synced, wallOffsetUs: UnixTime.ToUnixUs(Start) - 1_009_000);
        frame.Provenance.PolicyId = 22;
        frame.Provenance.ForceCalibrationVersion = 5;
        frame.Provenance.TimeUncertaintyUs = 750;
        await engine.ProcessAsync(new[] { Message31(TopicKind.Frame, frame, clock) }, default);
        NodeRecord afterFrame = await Node31(sqlite);
        Assert.Equal(21u, afterFrame.Provenance.PolicyId);
        Assert.Equal((ushort)4, afterFrame.Provenance.ForceCalibration.Version);
        Assert.Equal(TimeQuality.Synced, afterFrame.Provenance.TimeQuality);
        Assert.Equal(750u, afterFrame.Provenance.TimeUncertaintyUs);

        // The frame itself keeps its own provenance.
        FrameRecord stored = Assert.Single(await sqlite.QueryFramesAsync(new FrameQuery("press-31", 0, long.MaxValue), default));
        Assert.Equal(22u, stored.Provenance.PolicyId);

        // A later status with a new policy and a stale time quality: the policy moves, the time fields do not.
        await engine.ProcessAsync(new[] { Message31(TopicKind.Status, Status31(policyId: 23, forceCalibrationVersion: 6, TimeQuality.Holdover, 9_000), clock) }, default);
        NodeRecord afterSecondStatus = await Node31(sqlite);
        Assert.Equal(23u, afterSecondStatus.Provenance.PolicyId);
        Assert.Equal((ushort)6, afterSecondStatus.Provenance.ForceCalibration.Version);
        Assert.Equal(TimeQuality.Synced, afterSecondStatus.Provenance.TimeQuality);
        Assert.Equal(750u, afterSecondStatus.Provenance.TimeUncertaintyUs);
    }

    private static async Task<NodeRecord> Node31(SqliteBridgeStore sqlite) => (await sqlite.GetNodeAsync("press-31", default))!;

    private static StatusMessage Status31(uint policyId, ushort forceCalibrationVersion, TimeQuality quality, uint uncertaintyUs) => new()
    {
        CellId = "cell-a",
        NodeId = "press-31",
        Online = true,
        FirmwareVersion = "1.0.0",
        Board = "esp32-test",
        BootId = 1,
        PolicyId = policyId,
        PolicyHash = Messages.PolicyHash,
        ForceCalibrationId = 12,
        ForceCalibrationVersion = forceCalibrationVersion,
        VisionCalibrationId = 2,
        VisionCalibrationVersion = 1,
        TripState = TripState.Armed,
        LoopPeriodUs = 1000,
        HostOnline = true,
        TimeQuality = quality,
        TimeUncertaintyUs = uncertaintyUs,
    };

    private static InboundMessage Message31(TopicKind kind, IWireMessage message, TimeProvider clock) =>
        new(Topics.ForNode("cell-a", "press-31", kind), Messages.Encode(message), clock.GetUtcNow());

    private static IngestEngine NewEngine(IBridgeStore store, TimeProvider clock) =>
        new(store, new BridgeOptions(), clock, new NodeDirectory(TimeSpan.FromSeconds(30)), new CommandTracker(), NullLogger<IngestEngine>.Instance);

    private static InboundMessage Event(EventMessage message, TimeProvider clock) =>
        new(Topics.ForNode("cell-a", message.NodeId, TopicKind.Event), Messages.Encode(message), clock.GetUtcNow());

    /// <summary>A store whose next write fails, as a full or failing disk would; everything else goes to the real store.</summary>
    public class FailingStore : DispatchProxy
    {
        public IBridgeStore Inner { get; private set; } = null!;

        public bool FailNextWrite { get; set; }

        public static FailingStore Wrap(IBridgeStore inner)
        {
            IBridgeStore proxy = Create<IBridgeStore, FailingStore>();
            var failing = (FailingStore)proxy;
            failing.Inner = inner;
            return failing;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IBridgeStore.WriteAsync) && FailNextWrite)
            {
                FailNextWrite = false;
                return Task.FromException<WriteOutcome>(new InvalidOperationException("disk full"));
            }

            return targetMethod.Invoke(Inner, args);
        }
    }
}
