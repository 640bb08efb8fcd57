using System.Linq;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Node.Tests;

public sealed class JournalTests
{
    private static void NearMiss(NodeRig rig)
    {
        rig.SetForceMilliNewtons(400_000);
        rig.Step();
        rig.SetForceMilliNewtons(100_000);
        rig.Step();
    }

    private static void Discrepancy(NodeRig rig)
    {
        rig.Interlocks[2].Level = false;
        rig.Step();
        rig.Interlocks[2].Level = true;
        rig.Step(8);
    }

    [Fact]
    public void When_full_near_misses_go_first_then_the_oldest_informational_events_and_trips_never()
    {
        var rig = new NodeRig().BootAndArm(); // journal of 16 holds the boot event
        for (int i = 0; i < 10; i++)
        {
            NearMiss(rig);
        }

        for (int i = 0; i < 5; i++)
        {
            Discrepancy(rig);
        }

        Assert.Equal(16, rig.C.Journal.Count);
        Assert.Equal(0u, rig.C.Journal.DroppedTotal);

        // The trip takes a near-miss's slot; the overflow report takes another near-miss's slot.
        rig.SetForceMilliNewtons(600_000);
        rig.Step(3);
        var journal = rig.Journal();
        Assert.Single(journal, e => e.Type == EventType.Trip);
        Assert.Equal(8, journal.Count(e => e.Type == EventType.NearMiss));
        Assert.Equal(5, journal.Count(e => e.Type == EventType.Discrepancy));
        Assert.Single(journal, e => e.Type == EventType.Boot);
        Assert.Equal(2u, rig.C.Journal.DroppedTotal);
        var overflow = Assert.Single(journal, e => e.Type == EventType.JournalOverflow);
        Assert.Equal(2, overflow.Record.ObservedValue);

        // The oldest near-misses went; the newest are kept.
        var nearMissIds = journal.Where(e => e.Type == EventType.NearMiss).Select(e => e.EventId).ToList();
        Assert.True(nearMissIds.Min() > journal.Single(e => e.Type == EventType.Boot).EventId + 2);

        // More news while tripped: every remaining near-miss goes before any informational event does.
        rig.SetForceMilliNewtons(100_000);
        for (int i = 0; i < 8; i++)
        {
            Discrepancy(rig);
        }

        journal = rig.Journal();
        Assert.DoesNotContain(journal, e => e.Type == EventType.NearMiss);
        Assert.Single(journal, e => e.Type == EventType.Trip);
        Assert.Single(journal, e => e.Type == EventType.Boot);
        Assert.Equal(10u, rig.C.Journal.DroppedTotal);

        // Then the oldest informational event (the boot) goes, never the trip.
        Discrepancy(rig);
        journal = rig.Journal();
        Assert.DoesNotContain(journal, e => e.Type == EventType.Boot);
        Assert.Single(journal, e => e.Type == EventType.Trip);
        Assert.Equal(rig.C.Journal.DroppedTotal, (uint)journal.Single(e => e.Type == EventType.JournalOverflow).Record.ObservedValue);
        Assert.Equal(0u, rig.C.Journal.ProtectedLost);
    }

    [Fact]
    public void A_journal_full_of_trips_and_resets_refuses_the_reset_that_would_leave_no_room_for_the_next_trip()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        int cycles = 0;
        CommandResultMessage result;
        while (true)
        {
            rig.Interlocks[0].Level = false;
            rig.Interlocks[1].Level = false;
            rig.Step();
            Assert.Equal(TripState.Tripped, rig.Core.State);
            rig.Interlocks[0].Level = true;
            rig.Interlocks[1].Level = true;
            rig.Step(8);
            result = rig.Command(CommandType.Reset);
            if (result.Outcome != CommandOutcome.Applied)
            {
                break;
            }

            cycles++;
            Assert.True(cycles < 20);
        }

        Assert.Equal(CommandReason.JournalFull, result.Reason);
        var journal = rig.Journal();
        Assert.Equal(cycles + 1, journal.Count(e => e.Type == EventType.Trip));
        Assert.Equal(cycles, journal.Count(e => e.Type == EventType.Reset));
        Assert.Equal(0u, rig.C.Journal.ProtectedLost);

        // Once the bridge acknowledges what it stored, the reset goes through.
        rig.Ack(rig.PublishedEvents().Select(e => e.EventId).Distinct());
        Assert.Equal(CommandOutcome.Applied, rig.Command(CommandType.Reset).Outcome);
    }

    [Fact]
    public void Events_are_dropped_only_when_acknowledged_and_unknown_acks_are_counted()
    {
        var rig = new NodeRig().BootAndArm();
        rig.ConnectBridge();
        rig.SetForceMilliNewtons(600_000);
        rig.Step(3);
        rig.Service();
        var published = rig.PublishedEvents();
        Assert.Contains(published, e => e.Type == EventType.Trip);
        Assert.Equal(published.Select(e => e.EventId).Distinct().Count(), rig.C.Journal.Count);

        var trip = published.Single(e => e.Type == EventType.Trip);
        rig.Ack(new[] { trip.EventId, 999_999ul });
        Assert.DoesNotContain(rig.Journal(), e => e.EventId == trip.EventId);
        Assert.Equal(1u, rig.C.Journal.UnknownAcks);
        Assert.Equal(published.Count - 1, rig.C.Journal.Count);
    }
}
