using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Jidoka.Bridge.Commands;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.Storage.Sqlite;
using Jidoka.Bridge.Tests.Support;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.Tests.Storage;

/// <summary>
/// Writes the schema-upgrade fixture (Fixtures/store-v1) with the code of the commit it runs on: a real
/// bridge and broker ingest three nodes' frames, events, a recovered case, an open case, a reboot,
/// commands, a policy and a calibration; then the snapshot of what the store returns is saved beside
/// the data file. Runs only when JIDOKA_WRITE_STORE_FIXTURE names the output folder.
/// </summary>
public sealed class StoreFixtureWriter
{
    public const long WallOffsetUs = 1_764_489_600_000_000;

    [Fact]
    public async Task Write_store_fixture_when_asked()
    {
        string? folder = Environment.GetEnvironmentVariable("JIDOKA_WRITE_STORE_FIXTURE");
        Assert.False(string.IsNullOrEmpty(folder), "set JIDOKA_WRITE_STORE_FIXTURE to the output folder to write the fixture");
        Directory.CreateDirectory(folder!);
        string dataFile = Path.Combine(folder!, "bridge-v1.sqlite");
        File.Delete(dataFile);

        await using (TestBridge bridge = await TestBridge.StartAsync(dataFile))
        {
            // press-a1: synced clock; near-miss, trip, window filled, reset by command, recovered; policy and calibration pushed.
            await using var a = new TestNode("cell-a", "press-a1");
            await a.ConnectAsync(bridge.Port);
            await a.PublishStatusAsync();
            await Eventually.UntilAsync(() => bridge.Runtime.Directory.TryGet("press-a1", out NodeRecord n) && n.Online, "a online");
            await FramesAsync(a, 0, 7_500_000, 10_000_000, 0, TimeQuality.Synced);
            EventMessage nearMiss = Messages.NearMiss("press-a1", 40, 1, 9_000_000);
            Messages.FillProvenance(nearMiss.Provenance, TimeQuality.Synced, WallOffsetUs, 500);
            await a.SendEventAsync(nearMiss);
            EventMessage trip = Messages.Trip("press-a1", 41, 1, 10_000_000);
            Messages.FillProvenance(trip.Provenance, TimeQuality.Synced, WallOffsetUs, 500);
            await a.SendEventAsync(trip);
            await Eventually.UntilAsync(() => a.IsAcked(41), "trip acked");
            await FramesAsync(a, 25, 10_000_000, 12_500_000, FrameFlags.Tripped, TimeQuality.Synced);
            a.LastTripEventId = 41;
            CommandRequestResult reset = await bridge.Runtime.Commands.ResetAsync("press-a1", "op-7", default);
            Assert.True(reset.IsSent, reset.Message);
            Assert.NotNull(await bridge.Runtime.Commands.WaitForResultAsync(reset.CommandId, Eventually.DefaultTimeout, default));
            await Eventually.UntilAsync(() => a.IsAcked(1000), "reset acked");
            await FramesAsync(a, 1000, 50_000_000, 50_500_000, 0, TimeQuality.Synced);
            await Eventually.UntilAsync(async () => (await bridge.Runtime.Store.QueryCasesAsync(new CaseQuery("press-a1"), default)).SingleOrDefault()?.Status == CaseStatus.Recovered, "case recovered");

            CommandRequestResult policy = await bridge.Runtime.Commands.ApplyPolicyAsync("press-a1", ValidPolicy(8), "eng-2", changeover: true, default);
            Assert.True(policy.IsSent, policy.Message);
            Assert.NotNull(await bridge.Runtime.Commands.WaitForResultAsync(policy.CommandId, Eventually.DefaultTimeout, default));
            CommandRequestResult calibration = await bridge.Runtime.Commands.SetCalibrationAsync("press-a1", Calibration(), "tech-1", default);
            Assert.True(calibration.IsSent, calibration.Message);
            Assert.NotNull(await bridge.Runtime.Commands.WaitForResultAsync(calibration.CommandId, Eventually.DefaultTimeout, default));

            // press-b2: no time sync; a trip nobody resets (open case), a rejected message, a reboot, then a replay of boot 1.
            await using var b = new TestNode("cell-a", "press-b2");
            await b.ConnectAsync(bridge.Port);
            await b.PublishStatusAsync();
            await FramesAsync(b, 0, 1_000_000, 2_000_000, 0, TimeQuality.Unsynced);
            EventMessage tripB = Messages.Trip("press-b2", 7, 1, 2_000_000);
            tripB.Record.Rule = TripRule.InterlockOpen;
            tripB.Record.Response = ResponseClass.Pause;
            tripB.Record.Channel = InputChannel.Guard;
            await b.SendEventAsync(tripB);
            await Eventually.UntilAsync(() => b.IsAcked(7), "b trip acked");
            await FramesAsync(b, 10, 2_000_000, 2_500_000, FrameFlags.Tripped, TimeQuality.Unsynced);
            await b.PublishRawAsync(TopicKind.Frame, new byte[] { 1, 2, 3 });
            b.BootId = 2;
            await b.PublishStatusAsync(TripState.Armed);
            await FramesAsync(b, 0, 500_000, 1_000_000, 0, TimeQuality.Unsynced);
            EventMessage late = Messages.Event("press-b2", EventType.SensorFault, 6, 1, 1_500_000);
            late.Flags = EventMessage.Replayed;
            late.Record.Channel = InputChannel.Force;
            late.Record.ReasonCode = 3;
            await b.SendEventAsync(late);
            await Eventually.UntilAsync(() => b.IsAcked(6), "b replay acked");

            // press-c3: status only, then drops off (last will: offline).
            var c = new TestNode("cell-b", "press-c3");
            await c.ConnectAsync(bridge.Port);
            await c.PublishStatusAsync();
            await Eventually.UntilAsync(() => bridge.Runtime.Directory.TryGet("press-c3", out NodeRecord n) && n.Online, "c online");
            c.Drop();
            await Eventually.UntilAsync(async () => (await bridge.Runtime.Store.GetNodeAsync("press-c3", default))?.Online == false, "c offline stored");
            await Eventually.UntilAsync(async () => (await bridge.Runtime.Store.GetNodeAsync("press-b2", default))?.Counters.MessagesRejected == 1, "b reject stored");
            await Eventually.UntilAsync(async () => (await bridge.Runtime.Store.GetNodeAsync("press-b2", default))?.Counters.FramesStored == 20, "b frames stored");
        }

        await using var store = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = dataFile });
        await store.InitializeAsync(default);
        await File.WriteAllTextAsync(Path.Combine(folder!, "expected.json"), await StoreSnapshot.TakeAsync(store, Calibrations) + "\n");
    }

    /// <summary>The calibrations the fixture stored (the store has no list call for them).</summary>
    public static readonly (InputChannel Channel, ushort Id, ushort Version)[] Calibrations = { (InputChannel.Force, 12, 4), (InputChannel.Vision, 2, 1) };

    private static async Task FramesAsync(TestNode node, uint firstSequence, ulong fromUs, ulong toUs, byte flags, TimeQuality quality)
    {
        uint sequence = firstSequence;
        for (ulong t = fromUs; t < toUs; t += 100_000)
        {
            await node.PublishFrameAsync(Messages.Frame(node.NodeId, node.BootId, sequence++, t, count: 10, periodUs: 10_000, flags: flags, quality: quality, wallOffsetUs: quality == TimeQuality.Unsynced ? 0 : WallOffsetUs));
        }
    }

    private static CalibrationRecord Calibration() => new()
    {
        Channel = InputChannel.Force,
        CalibrationId = 12,
        Version = 4,
        GainMicroUnitsPerCount = 1_000_000,
        OffsetCounts = 120,
        CalibratedUnixSeconds = 1_764_489_600,
        Technician = "tech-1",
    };

    private static PolicyRecord ValidPolicy(uint id)
    {
        var policy = new PolicyRecord
        {
            PolicyId = id,
            ForceRangeMinMilliNewtons = -10_000,
            ForceRangeMaxMilliNewtons = 1_000_000,
            ForceLimitMilliNewtons = 450_000,
            ForceWarnMilliNewtons = 400_000,
            ForceOverLimitSamples = 3,
            ForceStuckSamples = 50,
            VisionMinConfidence = 8000,
            VisionMaxAgeMs = 200,
            InterlockDebounceMs = 10,
            DiscrepancyMs = 100,
            LoopPeriodUs = 1000,
            LoopDeadlineUs = 800,
        };
        policy.SetResponse(TripRule.ForceOverLimit, ResponseClass.Regrip);
        policy.SetResponse(TripRule.VisionLowConfidence, ResponseClass.Reinspect);
        policy.SetResponse(TripRule.VisionStale, ResponseClass.Reinspect);
        policy.SetResponse(TripRule.InterlockOpen, ResponseClass.Pause);
        policy.SetResponse(TripRule.ChannelDiscrepancy, ResponseClass.Maintenance);
        policy.SetResponse(TripRule.SensorFault, ResponseClass.Recalibrate);
        policy.SetResponse(TripRule.LoopOverrun, ResponseClass.Maintenance);
        Assert.Equal(PolicyProblem.None, policy.Validate());
        return policy;
    }
}
