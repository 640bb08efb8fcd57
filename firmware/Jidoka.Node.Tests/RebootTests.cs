using System.Linq;
using Jidoka.Node.Store;
using Jidoka.Node.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Node.Tests;

public sealed class RebootTests
{
    [Fact]
    public void Ids_keep_increasing_across_reboots_and_the_boot_id_counts_boots()
    {
        var rig = new NodeRig().BootAndArm();
        rig.SetForceMilliNewtons(600_000);
        rig.Step(3);
        rig.Service();
        ulong maxBefore = rig.Journal().Max(e => e.EventId);
        uint bootBefore = rig.C.BootId;

        var after = rig.Reboot();
        after.Core.Boot(7, false);
        var boot = after.LastJournaled(EventType.Boot);
        Assert.True(boot.EventId > maxBefore);
        Assert.Equal(bootBefore + 1, after.C.BootId);
        Assert.Equal(bootBefore + 1, boot.BootId);
        Assert.Equal(7u, boot.Record.Argument);
        Assert.Equal(maxBefore, boot.Record.RelatedEventId);
    }

    [Fact]
    public void Unacknowledged_events_survive_a_reboot_and_are_replayed_flagged_with_their_ids()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        rig.SetForceMilliNewtons(600_000);
        rig.Step(3);
        rig.Service();
        var sentBefore = rig.PublishedEvents();
        var trip = sentBefore.Single(e => e.Type == EventType.Trip);
        Assert.Equal(0, trip.Flags & EventMessage.Replayed);

        var after = rig.Reboot();
        after.Core.Boot(0, false);
        after.ConnectBridge();
        var replayed = after.PublishedEvents();
        var again = replayed.Single(e => e.EventId == trip.EventId);
        Assert.Equal(EventMessage.Replayed, again.Flags & EventMessage.Replayed);
        Assert.Equal(trip.Record.ObservedValue, again.Record.ObservedValue);
        Assert.Equal(trip.MonoUs, again.MonoUs);
        Assert.Equal(trip.BootId, again.BootId);

        // Published in id order, old events first.
        Assert.Equal(replayed.Select(e => e.EventId).OrderBy(x => x), replayed.Select(e => e.EventId));

        // Acknowledged events are gone from the store too: a second reboot replays none of them.
        after.Ack(replayed.Select(e => e.EventId));
        after.Service();
        var third = after.Reboot();
        third.Core.Boot(0, false);
        Assert.Single(third.Journal());
        Assert.Equal(EventType.Boot, third.Journal()[0].Type);
    }

    [Fact]
    public void A_latched_trip_survives_a_reboot_and_still_needs_an_explicit_reset()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Vision.Raw = 100;
        rig.Step();
        rig.Service();
        ulong tripId = rig.C.Latch.TripEventId;

        var after = rig.Reboot();
        after.Core.Boot(0, true);
        after.Step(500);
        Assert.Equal(TripState.Tripped, after.Core.State);
        Assert.False(after.StopPin.Energized);
        Assert.Equal(TripRule.VisionLowConfidence, after.C.Latch.Rule);
        Assert.Equal(tripId, after.C.Latch.TripEventId);
        Assert.Equal(1, after.CountJournaled(EventType.Watchdog));
        Assert.Equal(CommandOutcome.Applied, after.Command(CommandType.Reset).Outcome);
        after.Step();
        Assert.True(after.StopPin.Energized);
    }

    private static void NearMisses(NodeRig rig, int count)
    {
        for (int i = 0; i < count; i++)
        {
            rig.SetForceMilliNewtons(400_000);
            rig.Step();
            rig.SetForceMilliNewtons(100_000);
            rig.Step();
        }
    }

    private static ulong ServiceAndAckAll(NodeRig rig)
    {
        rig.Service();
        var ids = rig.PublishedEvents().Select(e => e.EventId).Distinct().ToList();
        rig.Ack(ids);
        rig.Service();
        return ids.Max();
    }

    [Fact]
    public void Events_beyond_the_persisted_id_reservation_are_not_published_so_a_reboot_cannot_reuse_their_ids()
    {
        var rig = new NodeRig(configure: c => c.EventIdBlockSize = 16).BootAndArm();
        rig.ConnectBridge();
        NearMisses(rig, 3);
        ServiceAndAckAll(rig);

        // The counter records cannot be written for a while (a flash sector going bad, a brown-out), while
        // events keep coming and the bridge acknowledges and forgets everything it is sent.
        rig.Store.FailFromSlot = StoreLayout.CountersSlot;
        rig.Store.FailToSlot = StoreLayout.CountersSlot + 1;
        rig.Store.FailWrites = true;
        ulong reservedBefore = rig.Core.Persistence.PersistedReservedUpTo;
        ulong maxPublished = 0;
        for (int i = 0; i < 10; i++)
        {
            NearMisses(rig, 3);
            maxPublished = ServiceAndAckAll(rig);
        }

        Assert.True(rig.Core.Persistence.WriteErrors > 0);
        Assert.True(maxPublished <= reservedBefore);
        Assert.True(rig.C.Journal.Count > 0); // held back, not lost

        // Power is lost; the flash recovers.
        rig.Store.FailWrites = false;
        var after = rig.Reboot();
        after.Core.Boot(0, false);
        Assert.True(after.LastJournaled(EventType.Boot).EventId > maxPublished);
        Assert.True(after.Journal().Count > 1);
    }

    [Fact]
    public void A_torn_counter_write_falls_back_to_the_previous_copy_and_ids_still_move_on()
    {
        var rig = new NodeRig(configure: c => c.EventIdBlockSize = 16).BootAndArm();
        rig.ConnectBridge();
        ulong maxPublished = 0;
        for (int i = 0; i < 4; i++)
        {
            NearMisses(rig, 3);
            maxPublished = ServiceAndAckAll(rig);
        }

        // Power fails in the middle of the next write to the counter records.
        rig.Store.TearFromSlot = StoreLayout.CountersSlot;
        rig.Store.TearToSlot = StoreLayout.CountersSlot + 1;
        rig.Store.TearNextWriteAfterBytes = 9;
        for (int i = 0; i < 10 && rig.Store.TearNextWriteAfterBytes >= 0; i++)
        {
            NearMisses(rig, 3);
            rig.Service();
            maxPublished = rig.PublishedEvents().Max(e => e.EventId);
        }

        Assert.Equal(-1, rig.Store.TearNextWriteAfterBytes);
        var after = rig.Reboot();
        after.Core.Boot(0, false);
        Assert.Equal(1u, after.Core.Persistence.BadRecords);
        ulong bootId = after.LastJournaled(EventType.Boot).EventId;
        Assert.True(bootId > maxPublished);
        Assert.True(bootId > after.Journal().Where(e => e.Type != EventType.Boot).Max(e => e.EventId));
    }

    [Fact]
    public void A_torn_event_write_loses_only_that_unpublished_event()
    {
        var rig = new NodeRig().BootAndArm();
        rig.SetForceMilliNewtons(400_000);
        rig.Step();
        rig.SetForceMilliNewtons(100_000);
        rig.Step();
        rig.Service();
        int persisted = rig.Journal().Count;

        rig.Store.TearFromSlot = StoreLayout.FirstJournalSlot;
        rig.Store.TearNextWriteAfterBytes = 40;
        rig.SetForceMilliNewtons(400_000);
        rig.Step();
        rig.SetForceMilliNewtons(100_000);
        rig.Step();
        rig.Service(); // the write tears: power is lost here

        var after = rig.Reboot();
        after.Core.Boot(0, false);
        Assert.Equal(persisted + 1, after.Journal().Count); // what was persisted, plus the new boot event
        Assert.Equal(1u, after.Core.Persistence.BadRecords);
    }

    [Fact]
    public void A_store_too_small_for_the_journal_is_refused_at_construction()
    {
        var store = new MemoryStore(10, 192);
        Assert.Throws<System.InvalidOperationException>(() => new NodeRig(store));
    }
}

public sealed class LostTripRecordTests
{
    [Fact]
    public void Power_cut_between_the_latch_write_and_the_journal_write_keeps_the_trip_and_its_decision_record()
    {
        var rig = new NodeRig().BootAndArm();
        rig.Service();
        rig.SetForceMilliNewtons(600_000);
        rig.Step(3);
        Assert.True(rig.C.Latch.IsTripped);
        ulong tripId = rig.C.Latch.TripEventId;
        var trip = rig.Journal().Single(e => e.EventId == tripId);

        // The latch record is written first; the next write (the trip event's journal slot) loses power.
        rig.Store.TearNextWriteAfterBytes = 0;
        rig.Store.TearFromSlot = StoreLayout.FirstJournalSlot;
        rig.Service();

        var after = rig.Reboot();
        after.Core.Boot(0, false);
        Assert.True(after.C.Latch.IsTripped);
        Assert.Equal(tripId, after.C.Latch.TripEventId);
        var recovered = after.Journal().Single(e => e.EventId == tripId);
        Assert.Equal(EventType.Trip, recovered.Type);
        Assert.Equal(trip.Record.Rule, recovered.Record.Rule);
        Assert.Equal(trip.Record.ObservedValue, recovered.Record.ObservedValue);
        Assert.Equal(trip.Record.LatencyUs, recovered.Record.LatencyUs);
        Assert.Equal(trip.MonoUs, recovered.MonoUs);

        // It is sent, flagged replayed, with its original id.
        after.ConnectBridge();
        var sent = after.PublishedEvents().Single(e => e.EventId == tripId);
        Assert.Equal(EventMessage.Replayed, sent.Flags & EventMessage.Replayed);
        Assert.True(after.PublishedEvents().Single(e => e.Type == EventType.Boot && e.BootId == after.C.BootId).EventId > tripId);
    }

    [Fact]
    public void Once_the_bridge_has_the_trip_a_reboot_does_not_send_it_again()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        rig.SetForceMilliNewtons(600_000);
        rig.Step(3);
        rig.Service();
        ulong tripId = rig.C.Latch.TripEventId;
        rig.Ack(rig.PublishedEvents().Select(e => e.EventId));
        rig.Service();
        rig.Service();

        var after = rig.Reboot();
        after.Core.Boot(0, false);
        Assert.True(after.C.Latch.IsTripped);
        Assert.Equal(tripId, after.C.Latch.TripEventId);
        Assert.DoesNotContain(after.Journal(), e => e.EventId == tripId);
    }
}
