using Jidoka.Bridge.TwinFeed.Stream;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>A stream client that falls behind is cut off, never allowed to grow the bridge's memory.</summary>
public sealed class FeedSubscriptionTests
{
    [Fact]
    public void A_full_queue_overflows_keeps_what_it_had_and_completes()
    {
        FeedSubscription subscription = Subscribe(capacity: 2);
        subscription.Offer(new FeedMessage(1, "event", "press-01", "cell-a", "{}"));
        subscription.Offer(new FeedMessage(2, "event", "press-01", "cell-a", "{}"));
        Assert.False(subscription.Overflowed);
        subscription.Offer(new FeedMessage(3, "event", "press-01", "cell-a", "{}"));
        subscription.Offer(new FeedMessage(4, "event", "press-01", "cell-a", "{}"));

        Assert.True(subscription.Overflowed);
        Assert.True(subscription.Reader.TryRead(out FeedMessage? first));
        Assert.Equal(1, first!.Id);
        Assert.True(subscription.Reader.TryRead(out FeedMessage? second));
        Assert.Equal(2, second!.Id);
        Assert.False(subscription.Reader.TryRead(out _));
        Assert.True(subscription.Reader.Completion.IsCompleted);
    }

    [Fact]
    public void Filters_match_node_and_cell()
    {
        FeedSubscription byNode = Subscribe(nodeId: "press-01");
        FeedSubscription byCell = Subscribe(cellId: "cell-b");
        var message = new FeedMessage(1, "event", "press-01", "cell-a", "{}");
        Assert.True(byNode.Accepts(message));
        Assert.False(byCell.Accepts(message));
        Assert.True(byCell.Accepts(message with { NodeId = "press-02", CellId = "cell-b" }));
    }

    private static FeedSubscription Subscribe(string? nodeId = null, string? cellId = null, int capacity = 10) =>
        new(nodeId, cellId, capacity, _ => { });
}
