using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.Storage.Sqlite;
using Jidoka.Bridge.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>The SQLite store on its own: retention and reopening.</summary>
public sealed class StoreTests
{
    private const long OldUs = 1_700_000_000_000_000;
    private const long NewUs = 1_800_000_000_000_000;

    [Fact]
    public async Task Retention_deletes_old_frames_but_keeps_case_windows()
    {
        using var dir = new TempDir();
        await using var store = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = dir.File("store.db") });
        await store.InitializeAsync(default);
        var batch = new WriteBatch();
        for (uint seq = 0; seq < 20; seq++)
        {
            ulong mono = 1_000_000UL + (seq * 10_000UL);
            batch.Frames.Add(Frame(seq, mono, (seq < 10 ? OldUs : NewUs) + (long)mono));
        }

        // A case whose window covers frames 2 and 3 (mono 1 020 000 .. 1 039 000).
        batch.Cases.Add(new CaseRecord
        {
            CaseId = 1,
            NodeId = "press-13",
            CellId = "cell-a",
            TripEventId = 5,
            BootId = 1,
            Status = CaseStatus.Open,
            OpenedUnixUs = OldUs,
            Decision = new DecisionRecord { Rule = TripRule.ForceOverLimit, Response = ResponseClass.Pause },
            Provenance = Provenance(1),
            TripWallUnixUs = OldUs,
            TripWallSource = WallTimeSource.NodeSynced,
            Historical = false,
            WindowFromMonoUs = 1_025_000,
            WindowToMonoUs = 1_035_000,
        });
        await store.WriteAsync(batch, default);

        long deleted = await store.PurgeFramesBeforeAsync(NewUs, default);

        Assert.Equal(8, deleted);
        IReadOnlyList<SampleRecord> left = await store.GetSamplesAsync("press-13", 1, 0, ulong.MaxValue / 2, default);
        Assert.Equal(new uint[] { 2, 3 }.Concat(Enumerable.Range(10, 10).Select(i => (uint)i)), left.Select(s => s.FrameSequence).Distinct());
        Assert.Equal(0, await store.PurgeFramesBeforeAsync(NewUs, default));
    }

    [Fact]
    public async Task A_frame_stored_twice_is_kept_once()
    {
        using var dir = new TempDir();
        await using var store = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = dir.File("store.db") });
        await store.InitializeAsync(default);
        var batch = new WriteBatch();
        batch.Frames.Add(Frame(1, 1000, NewUs));
        batch.Frames.Add(Frame(1, 1000, NewUs));
        WriteOutcome outcome = await store.WriteAsync(batch, default);
        Assert.Equal(1, outcome.FramesInserted);
        Assert.Single(outcome.FramesAlreadyStored);
    }

    private static FrameRecord Frame(uint seq, ulong mono, long wall) => new()
    {
        NodeId = "press-13",
        BootId = 1,
        FrameSequence = seq,
        Flags = 0,
        FirstSampleMonoUs = mono,
        SamplePeriodUs = 1000,
        SampleCount = 10,
        WallStartUnixUs = wall,
        WallSource = WallTimeSource.NodeSynced,
        Provenance = Provenance(100),
        Historical = false,
        ReceivedUnixUs = wall,
        Samples = new byte[100],
    };

    private static RecordProvenance Provenance(uint uncertaintyUs) => new()
    {
        TimeQuality = TimeQuality.Synced,
        TimeUncertaintyUs = uncertaintyUs,
        PolicyId = 1,
        PolicyHash = 1,
        ForceCalibration = new CalibrationTag(1, 1),
        VisionCalibration = new CalibrationTag(1, 1),
    };
}
