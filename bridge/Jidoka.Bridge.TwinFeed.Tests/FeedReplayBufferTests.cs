using System.Linq;
using Jidoka.Bridge.TwinFeed.Stream;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>The live stream's replay buffer: what a resuming client gets, and when it has to start over.</summary>
public sealed class FeedReplayBufferTests
{
    private const long Base = 1_000;

    [Fact]
    public void The_messages_after_the_last_seen_id_come_back_oldest_first()
    {
        FeedReplayBuffer buffer = Filled(capacity: 10, messages: 5);
        Assert.Equal(new long[] { 1003, 1004, 1005 }, buffer.After(1002, out string reason)!.Select(m => m.Id));
        Assert.Equal("", reason);
        Assert.Equal(new long[] { 1001, 1002, 1003, 1004, 1005 }, buffer.After(Base, out _)!.Select(m => m.Id));
        Assert.Empty(buffer.After(1005, out _)!);
    }

    [Fact]
    public void When_full_the_oldest_go_and_a_client_behind_them_must_start_over()
    {
        FeedReplayBuffer buffer = Filled(capacity: 3, messages: 7);
        Assert.Equal(3, buffer.Count);
        Assert.Equal(new long[] { 1005, 1006, 1007 }, buffer.After(1004, out _)!.Select(m => m.Id));
        Assert.Null(buffer.After(1003, out string reason));
        Assert.Contains("no longer held", reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_of_an_earlier_run_or_ahead_of_this_one_are_refused_with_a_reason()
    {
        FeedReplayBuffer buffer = Filled(capacity: 10, messages: 2);
        Assert.Null(buffer.After(Base - 1, out string earlier));
        Assert.Contains("earlier bridge run", earlier, System.StringComparison.Ordinal);
        Assert.Null(buffer.After(1003, out string ahead));
        Assert.Contains("newer", ahead, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Without_replay_only_a_client_that_missed_nothing_resumes()
    {
        FeedReplayBuffer buffer = Filled(capacity: 0, messages: 4);
        Assert.Equal(0, buffer.Count);
        Assert.Empty(buffer.After(1004, out _)!);
        Assert.Null(buffer.After(1003, out _));
    }

    [Fact]
    public void Ids_must_increase()
    {
        FeedReplayBuffer buffer = Filled(capacity: 3, messages: 2);
        Assert.Throws<System.ArgumentException>(() => buffer.Add(Message(1002)));
    }

    private static FeedReplayBuffer Filled(int capacity, int messages)
    {
        var buffer = new FeedReplayBuffer(capacity, Base);
        for (int i = 1; i <= messages; i++)
        {
            buffer.Add(Message(Base + i));
        }

        return buffer;
    }

    private static FeedMessage Message(long id) => new(id, "event", "press-01", "cell-a", "{}");
}
