using System.Threading.Tasks;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.TestKit;
using Jidoka.Protocol;

namespace Jidoka.Bridge.TestKit;

/// <summary>Small steps the tests repeat: a node online, a trip of a given kind, frames on a known time base.</summary>
public static class Scenario
{
    /// <summary>Wall clock of node time 0 for nodes that are time-synced in the tests: 2025-06-15T00:00:00Z.</summary>
    public const long WallOffsetUs = 1_749_945_600_000_000;

    public static async Task<TestNode> OnlineNodeAsync(TestBridge bridge, string cellId, string nodeId, TripState trip = TripState.Armed, TripRule cause = TripRule.None, ResponseClass response = ResponseClass.None)
    {
        var node = new TestNode(cellId, nodeId);
        await node.ConnectAsync(bridge.Port);
        await node.PublishStatusAsync(trip, cause, response);
        await Eventually.UntilAsync(
            () => bridge.Runtime.Directory.TryGet(nodeId, out NodeRecord n) && n.Online && n.TripState == trip,
            $"{nodeId} online and {TripStateNames.Name(trip)}");
        return node;
    }

    /// <summary>A trip detected at <paramref name="detectMonoUs"/> (node time), acknowledged by the bridge.</summary>
    public static async Task<EventMessage> TripAsync(
        TestNode node, ulong eventId, ulong detectMonoUs, TripRule rule = TripRule.ForceOverLimit, ResponseClass response = ResponseClass.Regrip, uint latencyUs = 12, bool synced = false)
    {
        EventMessage trip = Messages.Trip(node.NodeId, eventId, node.BootId, detectMonoUs);
        trip.Record.Rule = rule;
        trip.Record.Response = response;
        trip.Record.Channel = rule switch
        {
            TripRule.VisionLowConfidence or TripRule.VisionStale => InputChannel.Vision,
            TripRule.InterlockOpen or TripRule.ChannelDiscrepancy => InputChannel.Guard,
            TripRule.LoopOverrun => InputChannel.Loop,
            _ => InputChannel.Force,
        };
        trip.Record.LatencyUs = latencyUs;
        if (synced)
        {
            Messages.FillProvenance(trip.Provenance, TimeQuality.Synced, WallOffsetUs, 500);
        }

        await node.SendEventAsync(trip);
        await Eventually.UntilAsync(() => node.IsAcked(eventId), $"trip {eventId} of {node.NodeId} acknowledged");
        return trip;
    }

    /// <summary>Sends <paramref name="message"/> and waits for the bridge's acknowledgement.</summary>
    public static async Task SendAckedAsync(TestNode node, EventMessage message)
    {
        await node.SendEventAsync(message);
        await Eventually.UntilAsync(() => node.IsAcked(message.EventId), $"event {message.EventId} of {node.NodeId} acknowledged");
    }

    /// <summary>One frame of <paramref name="count"/> samples, time-synced on <see cref="WallOffsetUs"/>.</summary>
    public static Task FrameAsync(TestNode node, uint sequence, ulong firstMonoUs, int count = 1, byte flags = 0, int forceStartMilliNewtons = 100_000) =>
        node.PublishFrameAsync(Messages.Frame(node.NodeId, node.BootId, sequence, firstMonoUs, count, 1000, flags, forceStartMilliNewtons, TimeQuality.Synced, WallOffsetUs));
}
