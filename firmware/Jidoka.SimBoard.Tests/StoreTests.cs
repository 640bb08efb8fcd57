using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Jidoka.Node.Store;
using Jidoka.Protocol;
using Jidoka.SimBoard.Nodes;
using Jidoka.SimBoard.Physics;
using Jidoka.SimBoard.Storage;
using Jidoka.SimBoard.Time;
using Xunit;

namespace Jidoka.SimBoard.Tests;

public sealed class StoreTests : IDisposable
{
    private const ulong Ms = 1000;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "jidoka-store-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    [Fact]
    public void A_completed_write_is_in_the_file_before_the_store_is_closed_so_a_killed_process_loses_nothing()
    {
        var store = new FileSlotStore(_dir, 16, 192, new SimRandom(1));
        byte[] data = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        store.Write(3, data, 0, data.Length);

        // Another process's view (a fresh handle) while this one still has the file open and unflushed.
        using var other = new FileSlotStore(_dir, 16, 192, new SimRandom(2));
        byte[] read = new byte[192];
        Assert.True(other.TryRead(3, read, 0, out int length));
        Assert.Equal(100, length);
        Assert.Equal(data, read.Take(100).ToArray());
        Assert.False(other.TryRead(4, read, 0, out _));
        store.Dispose();
    }

    [Fact]
    public void A_store_made_with_another_geometry_is_refused()
    {
        new FileSlotStore(_dir, 16, 192, new SimRandom(1)).Dispose();
        Assert.Throws<InvalidDataException>(() => new FileSlotStore(_dir, 17, 192, new SimRandom(1)));
    }

    [Fact]
    public void A_torn_write_keeps_a_prefix_over_the_old_contents_cuts_power_and_the_store_stays_dead_until_power_on()
    {
        using var store = new FileSlotStore(_dir, 16, 192, new SimRandom(1));
        byte[] old = Enumerable.Repeat((byte)0xAA, 120).ToArray();
        byte[] fresh = Enumerable.Repeat((byte)0x55, 120).ToArray();
        store.Write(5, old, 0, old.Length);
        int cuts = 0;
        store.PowerCut += _ => cuts++;
        store.PlanTornWrite(new TornWritePlan(1, 5, 5, 42));
        store.Write(5, old, 0, old.Length); // write 0 of the plan: completes
        Assert.Throws<PowerLossException>(() => store.Write(5, fresh, 0, fresh.Length));
        Assert.Equal(1, cuts);
        Assert.False(store.IsPowered);
        Assert.Throws<IOException>(() => store.Write(6, fresh, 0, 10));

        byte[] raw = store.RawSlot(5);
        Assert.Equal(120, raw[0] | (raw[1] << 8));
        Assert.All(raw.Skip(2).Take(40), b => Assert.Equal(0x55, b));
        Assert.All(raw.Skip(42).Take(80), b => Assert.Equal(0xAA, b));

        store.PowerOn();
        byte[] read = new byte[192];
        Assert.True(store.TryRead(5, read, 0, out int length));
        Assert.Equal(120, length);
    }

    [Fact]
    public void Boot_after_a_torn_journal_write_recovers_the_store_and_continues_the_ids_without_reusing_one()
    {
        using var cell = new SimulatedCell(101, Path.Combine(_dir, "cell"));
        var bridge = new TestBridge(cell, autoAck: false);
        bridge.Start();
        SimulatedNode node = cell.AddNode(new SimulatedBoardOptions { NodeId = "press-01" });
        node.PowerOn();
        cell.RunFor(300 * Ms);
        Assert.NotEmpty(bridge.Events());
        ulong maxBefore = bridge.Events().Max(e => e.EventId);

        // The trip's journal write is cut after 60 of its bytes.
        node.Store.PlanTornWrite(new TornWritePlan(0, StoreLayout.FirstJournalSlot, int.MaxValue, 60));
        node.Force.Profile = ForceProfile.Spike(cell.Scheduler.NowUs + (5 * Ms), 50 * Ms, 300_000);
        cell.RunFor(50 * Ms);
        Assert.False(node.IsPowered);
        Assert.Equal(1, node.Store.TornWrites);
        Assert.Equal(60, node.Store.LastTear!.Value.BytesKept);
        Assert.False(node.StopOutput.Energized);

        node.PowerOn();
        cell.RunFor(300 * Ms);
        Assert.True(node.IsPowered);
        Assert.True(node.Core!.Persistence.BadRecords >= 1, "the torn slot fails its check");
        // The latch was written before the journal: the node comes back tripped and stays stopped.
        Assert.Equal(TripState.Tripped, node.Core.State);
        Assert.False(node.StopOutput.Energized);

        List<EventMessage> events = bridge.Events("press-01");
        EventMessage boot2 = events.Single(e => e.Type == EventType.Boot && e.BootId == 2);
        Assert.True(boot2.EventId > maxBefore);
        AssertNoIdReused(events);
        // The first boot's event, never acknowledged, is sent again from the recovered journal.
        Assert.True(events.Count(e => e.BootId == 1 && e.Type == EventType.Boot) >= 2);
    }

    [Theory]
    [InlineData(201UL)]
    [InlineData(202UL)]
    [InlineData(203UL)]
    [InlineData(204UL)]
    [InlineData(205UL)]
    [InlineData(206UL)]
    [InlineData(207UL)]
    [InlineData(208UL)]
    public void Power_loss_during_a_journal_write_at_a_seeded_point_loses_no_published_event_and_reuses_no_id(ulong seed)
    {
        using var cell = new SimulatedCell(seed, Path.Combine(_dir, "cell"));
        var bridge = new TestBridge(cell, autoAck: true);
        bridge.Start();
        SimulatedNode node = cell.AddNode(new SimulatedBoardOptions { NodeId = "press-01", Configure = c => c.JournalCapacity = 16 });
        node.PowerOn();
        cell.RunFor(200 * Ms);

        TornWritePlan plan = node.Store.PlanRandomTornWrite(8, StoreLayout.FirstJournalSlot, int.MaxValue);
        ulong t = cell.Scheduler.NowUs;
        // Near-misses (warning band), a discrepancy, then a trip: several journal writes.
        node.Force.Profile = ForceProfile.Spike(t + (10 * Ms), 20 * Ms, 130_000)
            + ForceProfile.Spike(t + (60 * Ms), 20 * Ms, 130_000)
            + ForceProfile.Spike(t + (200 * Ms), 20 * Ms, 300_000);
        cell.Scheduler.At(t + (100 * Ms), () => node.Interlocks.SetChannel(0, false));
        cell.Scheduler.At(t + (120 * Ms), () => node.Interlocks.SetChannel(0, true));
        cell.RunFor(400 * Ms);
        var publishedBeforeCut = bridge.Events("press-01").Select(e => e.EventId).ToHashSet();

        if (!node.IsPowered)
        {
            node.PowerOn();
        }

        cell.RunFor(500 * Ms);
        Assert.True(node.IsPowered);
        List<EventMessage> events = bridge.Events("press-01");
        AssertNoIdReused(events);
        Assert.Equal(0, (int)node.Core!.Context.Journal.ProtectedLost);
        // Everything acknowledged; the journal drains after the reboot too.
        Assert.True(node.Core.Context.Journal.Count <= 1, "journal holds " + node.Core.Context.Journal.Count + " (seed " + seed + ", plan " + plan + ")");
        Assert.Equal(1, node.Store.TornWrites);
        Assert.Equal(2, node.Boots.Count);
        EventMessage boot2 = events.Single(e => e.Type == EventType.Boot && e.BootId == 2);
        Assert.All(publishedBeforeCut, id => Assert.True(id < boot2.EventId, "id " + id + " seen before the cut, boot 2 got " + boot2.EventId));
    }

    internal static void AssertNoIdReused(IEnumerable<EventMessage> events)
    {
        foreach (IGrouping<ulong, EventMessage> same in events.GroupBy(e => e.EventId))
        {
            EventMessage first = same.First();
            foreach (EventMessage e in same)
            {
                Assert.True(e.BootId == first.BootId && e.MonoUs == first.MonoUs && e.Type == first.Type, "event id " + same.Key + " names two different events");
            }
        }
    }
}
