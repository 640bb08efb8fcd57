using System.IO;
using Jidoka.Boards.Logic.Profile;
using Jidoka.Boards.Logic.Store;
using Jidoka.Node.Config;
using Jidoka.Node.Store;
using Jidoka.Node.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Boards.Logic.Tests;

/// <summary>The slot file store under the real node core: what the ESP32 app runs on its littlefs volume.</summary>
public sealed class StoreOnCoreTests
{
    private static NodeConfig Config() => NodeConfigBuilder.Build(TestProfiles.Simulated(), "cell-a", "sim-0a0b0c", FirmwareInfo.Version);

    // 1000 counts read about 98 N through the profile's force calibration: inside the policy, nothing trips.
    private static FakeNode Node(SlotFileStore store)
    {
        var node = new FakeNode(Config(), store);
        node.Board.Force.Counts = 1000;
        return node;
    }

    private static SlotFileStore Store(MemoryFileSystem fs) =>
        new(fs, @"I:\", NodeConfigBuilder.StoreSlotCount, StoreLayout.SlotSizeBytesMin);

    [Fact]
    public void A_latched_trip_survives_a_power_cycle_through_the_slot_files()
    {
        var fs = new MemoryFileSystem();
        var node = Node(Store(fs)).BootAndArm();
        node.TripOnGuard();
        Assert.Equal(TripState.Tripped, node.Core.State);
        node.Core.ServiceComms();
        Assert.NotEmpty(fs.Files);

        // Power cycle: only the files survive; the guard is closed again, yet the node comes back tripped.
        var rebooted = Node(Store(fs));
        rebooted.Core.Boot(0, false);
        rebooted.Step(50);
        Assert.Equal(TripState.Tripped, rebooted.Core.State);
        Assert.False(rebooted.Board.StopPin.Energized);
    }

    [Fact]
    public void A_power_cut_tearing_any_write_never_stops_the_next_boot()
    {
        // Tear the first write after the trip at every possible length: the boot after the "power cut"
        // must succeed, come up with the stop output off, and count the torn file it refused (a cut after
        // the last byte leaves a complete file, which is accepted).
        int fileBytes = StoreLayout.SlotSizeBytesMin + SlotFileFormat.OverheadBytes;
        for (int kept = 0; kept < fileBytes; kept += 7)
        {
            var fs = new MemoryFileSystem();
            var node = Node(Store(fs)).BootAndArm();
            node.Core.ServiceComms();
            node.TripOnGuard();
            fs.TearNextWriteAfterBytes = kept;
            node.Core.ServiceComms();

            SlotFileStore store = Store(fs);
            var rebooted = Node(store);
            rebooted.Core.Boot(0, false);
            Assert.False(rebooted.Board.StopPin.Energized, $"torn after {kept} bytes");
            if (fs.LastTearWasPartial)
            {
                Assert.True(store.RejectedFiles >= 1, $"torn after {kept} bytes: no file refused");
            }

            rebooted.Step(50);
            Assert.NotEqual(TripState.Booting, rebooted.Core.State);
        }
    }
}
