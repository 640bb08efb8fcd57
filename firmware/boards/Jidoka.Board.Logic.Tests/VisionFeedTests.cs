using System;
using System.Text;
using Jidoka.Boards.Logic.Vision;
using Xunit;

namespace Jidoka.Boards.Logic.Tests;

public sealed class VisionFeedTests
{
    private static void Feed(VisionFeed feed, string text, ulong receivedUs)
    {
        byte[] bytes = Encoding.Latin1.GetBytes(text);
        feed.Feed(bytes, 0, bytes.Length, receivedUs);
    }

    private static string Line(int score, int sequence) => VisionLineParserTests.Line($"C,{score},{sequence}");

    [Fact]
    public void Nothing_is_reported_before_the_first_good_line()
    {
        var feed = new VisionFeed();
        Assert.False(feed.TryReadLatest(out _, out _));
        Feed(feed, "C,9500,17*00\r\n", 10);
        Assert.False(feed.TryReadLatest(out _, out _));
        Assert.Equal(1u, feed.LinesMalformed);
        Assert.Equal(1u, feed.ChecksumErrors);
    }

    [Fact]
    public void The_newest_line_wins_and_carries_its_arrival_time()
    {
        var feed = new VisionFeed();
        Feed(feed, Line(9000, 1) + Line(8000, 2), 1_000);
        Assert.True(feed.TryReadLatest(out int score, out ulong producedUs));
        Assert.Equal(8000, score);
        Assert.Equal(1_000UL, producedUs);
        Assert.Equal(2u, feed.LinesAccepted);
    }

    [Fact]
    public void A_repeated_sequence_number_does_not_refresh_the_age()
    {
        // A vision system stuck re-sending its last result must go stale, not look fresh forever.
        var feed = new VisionFeed();
        Feed(feed, Line(9000, 5), 1_000);
        Feed(feed, Line(9000, 5), 900_000);
        Assert.True(feed.TryReadLatest(out _, out ulong producedUs));
        Assert.Equal(1_000UL, producedUs);
        Assert.Equal(1u, feed.LinesRepeated);
    }

    [Fact]
    public void Gaps_in_the_sequence_are_counted_and_the_wrap_is_not_a_gap()
    {
        var feed = new VisionFeed();
        Feed(feed, Line(1, 65534) + Line(1, 65535) + Line(1, 0) + Line(1, 1), 1);
        Assert.Equal(0u, feed.SequenceBreaks);
        Feed(feed, Line(1, 5), 2);
        Assert.Equal(1u, feed.SequenceBreaks);
        Assert.Equal(5u, feed.LinesAccepted);
    }

    [Fact]
    public void A_line_split_across_reads_is_stamped_when_its_newline_arrives()
    {
        var feed = new VisionFeed();
        string line = Line(7777, 9);
        Feed(feed, line[..5], 100);
        Assert.False(feed.TryReadLatest(out _, out _));
        Feed(feed, line[5..], 250);
        Assert.True(feed.TryReadLatest(out int score, out ulong producedUs));
        Assert.Equal(7777, score);
        Assert.Equal(250UL, producedUs);
    }

    [Fact]
    public void Malformed_lines_are_counted_and_do_not_disturb_the_latest_score()
    {
        var feed = new VisionFeed();
        Feed(feed, Line(9100, 1), 10);
        Feed(feed, "garbage\n" + VisionLineParserTests.Line("C,70000,2") + new string('9', 100) + "\n", 20);
        Assert.Equal(3u, feed.LinesMalformed);
        Assert.True(feed.TryReadLatest(out int score, out ulong producedUs));
        Assert.Equal(9100, score);
        Assert.Equal(10UL, producedUs);
    }

    [Fact]
    public void Feeding_a_slice_reads_only_that_slice()
    {
        var feed = new VisionFeed();
        byte[] bytes = Encoding.ASCII.GetBytes("xx" + Line(5000, 3) + "yy");
        feed.Feed(bytes, 2, bytes.Length - 4, 42);
        Assert.True(feed.TryReadLatest(out int score, out _));
        Assert.Equal(5000, score);
        Assert.Equal(0u, feed.LinesMalformed);
    }

    [Fact]
    public void Feeding_and_reading_allocate_nothing()
    {
        var feed = new VisionFeed();
        byte[] bytes = Encoding.ASCII.GetBytes(Line(5000, 3) + Line(5001, 4));
        feed.Feed(bytes, 0, bytes.Length, 1);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            feed.Feed(bytes, 0, bytes.Length, (ulong)i);
            feed.TryReadLatest(out _, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
