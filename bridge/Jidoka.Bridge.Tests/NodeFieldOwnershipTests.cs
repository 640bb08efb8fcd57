using System;
using System.Threading.Tasks;
using Jidoka.Bridge.Commands;
using Jidoka.Bridge.Ingest;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.Storage.Sqlite;
using Jidoka.Bridge.Tests.Support;
using Jidoka.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>
/// Each node field has one source (docs/architecture.md, "Who writes which node field"): status owns the
/// policy and calibrations the node reports, live frames own its time quality and uncertainty. A frame or
/// a status arriving later must not overwrite the other's fields.
/// </summary>
public sealed class NodeFieldOwnershipTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Status_owns_policy_and_calibrations_and_live_frames_own_time_quality()
    {
        using var dir = new TempDir();
        await using var sqlite = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = dir.File("owners.db") });
        await sqlite.InitializeAsync(default);
        var clock = new FakeTimeProvider(Start);
        var engine = new IngestEngine(sqlite, new BridgeOptions(), clock, new NodeDirectory(TimeSpan.FromSeconds(30)), new CommandTracker(), NullLogger<IngestEngine>.Instance);
        await engine.LoadAsync(default);

        await engine.ProcessAsync(new[] { Message(TopicKind.Status, Status(policyId: 21, forceCalibrationVersion: 4, TimeQuality.Unsynced, 0), clock) }, default);
        NodeRecord afterStatus = await Node(sqlite);
        Assert.Equal(21u, afterStatus.PolicyId);
        Assert.Equal((ushort)4, afterStatus.ForceCalibrationVersion);

        // A live frame under a different policy and calibration (as a frame closed just before a status
        // caught up would carry): it sets the time fields, not the status's.
        FrameMessage frame = Messages.Frame("press-31", 1, 0, 1_000_000, quality: TimeQuality.Synced, wallOffsetUs: UnixTime.ToUnixUs(Start) - 1_009_000);
        frame.Provenance.PolicyId = 22;
        frame.Provenance.ForceCalibrationVersion = 5;
        frame.Provenance.TimeUncertaintyUs = 750;
        await engine.ProcessAsync(new[] { Message(TopicKind.Frame, frame, clock) }, default);
        NodeRecord afterFrame = await Node(sqlite);
        Assert.Equal(21u, afterFrame.PolicyId);
        Assert.Equal((ushort)4, afterFrame.ForceCalibrationVersion);
        Assert.Equal(TimeQuality.Synced, afterFrame.TimeQuality);
        Assert.Equal(750u, afterFrame.TimeUncertaintyUs);

        // The frame itself keeps its own provenance.
        FrameRecord stored = Assert.Single(await sqlite.QueryFramesAsync(new FrameQuery("press-31", 0, long.MaxValue), default));
        Assert.Equal(22u, stored.PolicyId);

        // A later status with a new policy and a stale time quality: the policy moves, the time fields do not.
        await engine.ProcessAsync(new[] { Message(TopicKind.Status, Status(policyId: 23, forceCalibrationVersion: 6, TimeQuality.Holdover, 9_000), clock) }, default);
        NodeRecord afterSecondStatus = await Node(sqlite);
        Assert.Equal(23u, afterSecondStatus.PolicyId);
        Assert.Equal((ushort)6, afterSecondStatus.ForceCalibrationVersion);
        Assert.Equal(TimeQuality.Synced, afterSecondStatus.TimeQuality);
        Assert.Equal(750u, afterSecondStatus.TimeUncertaintyUs);
    }

    private static async Task<NodeRecord> Node(SqliteBridgeStore sqlite) => (await sqlite.GetNodeAsync("press-31", default))!;

    private static StatusMessage Status(uint policyId, ushort forceCalibrationVersion, TimeQuality quality, uint uncertaintyUs) => new()
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

    private static InboundMessage Message(TopicKind kind, IWireMessage message, TimeProvider clock) =>
        new(Topics.ForNode("cell-a", "press-31", kind), Messages.Encode(message), clock.GetUtcNow());
}
