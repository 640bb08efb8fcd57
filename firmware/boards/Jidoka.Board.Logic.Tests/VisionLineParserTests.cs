using System;
using System.Text;
using FsCheck.Xunit;
using Jidoka.Boards.Logic.Vision;
using Xunit;

namespace Jidoka.Boards.Logic.Tests;

public sealed class VisionLineParserTests
{
    /// <summary>Appends the NMEA-style checksum and terminator to a line body.</summary>
    internal static string Line(string body, string terminator = "\r\n")
    {
        int sum = 0;
        foreach (char c in body)
        {
            sum ^= c;
        }

        return $"{body}*{sum:X2}{terminator}";
    }

    internal static VisionLineResult Feed(VisionLineParser parser, string text)
    {
        VisionLineResult last = VisionLineResult.Incomplete;
        foreach (byte b in Encoding.Latin1.GetBytes(text))
        {
            VisionLineResult r = parser.Push(b);
            if (r != VisionLineResult.Incomplete)
            {
                last = r;
            }
        }

        return last;
    }

    [Fact]
    public void The_documented_example_is_accepted()
    {
        // docs/boards.md and the parser's XML doc both show this line.
        var parser = new VisionLineParser();
        Assert.Equal(VisionLineResult.Accepted, Feed(parser, "C,9500,17*49\r\n"));
        Assert.Equal(9500, parser.Score);
        Assert.Equal(17, parser.Sequence);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Carriage_return_is_optional(string terminator)
    {
        var parser = new VisionLineParser();
        Assert.Equal(VisionLineResult.Accepted, Feed(parser, Line("C,7000,3", terminator)));
        Assert.Equal(7000, parser.Score);
    }

    [Fact]
    public void Lowercase_checksum_digits_and_leading_zeros_are_accepted()
    {
        var parser = new VisionLineParser();
        Assert.Equal(VisionLineResult.Accepted, Feed(parser, Line("C,00042,00001").ToLowerInvariant().Replace("c,", "C,", StringComparison.Ordinal)));
        Assert.Equal(42, parser.Score);
        Assert.Equal(1, parser.Sequence);
    }

    [Theory]
    [InlineData("C,0,0", 0, 0)]
    [InlineData("C,10000,65535", 10000, 65535)]
    [InlineData("C,65535,0", 65535, 0)]
    public void Field_limits_are_inclusive(string body, int score, int sequence)
    {
        var parser = new VisionLineParser();
        Assert.Equal(VisionLineResult.Accepted, Feed(parser, Line(body)));
        Assert.Equal(score, parser.Score);
        Assert.Equal(sequence, parser.Sequence);
    }

    [Theory]
    [InlineData("C,65536,1", VisionLineResult.OutOfRange)]
    [InlineData("C,1,99999", VisionLineResult.OutOfRange)]
    [InlineData("C,123456,1", VisionLineResult.BadFormat)]
    [InlineData("C,,1", VisionLineResult.BadFormat)]
    [InlineData("C,1,", VisionLineResult.BadFormat)]
    [InlineData("C,1", VisionLineResult.BadFormat)]
    [InlineData("C,-1,1", VisionLineResult.BadFormat)]
    [InlineData("C,9 5,1", VisionLineResult.BadFormat)]
    [InlineData("C,95,1,2", VisionLineResult.BadFormat)]
    [InlineData("X,9500,1", VisionLineResult.BadFormat)]
    [InlineData("c,9500,1", VisionLineResult.BadFormat)]
    [InlineData("C;9500,1", VisionLineResult.BadFormat)]
    public void Malformed_fields_with_a_correct_checksum_are_rejected_by_kind(string body, VisionLineResult expected)
    {
        Assert.Equal(expected, Feed(new VisionLineParser(), Line(body)));
    }

    [Theory]
    [InlineData("C,9500,17*48\r\n", VisionLineResult.BadChecksum)]
    [InlineData("C,9501,17*49\r\n", VisionLineResult.BadChecksum)]
    [InlineData("C,9500,17\r\n", VisionLineResult.BadFormat)]
    [InlineData("C,9500,17*4\r\n", VisionLineResult.BadFormat)]
    [InlineData("C,9500,17*4G\r\n", VisionLineResult.BadFormat)]
    [InlineData("*49\r\n", VisionLineResult.BadFormat)]
    [InlineData("C,9500,17*49 \r\n", VisionLineResult.BadFormat)]
    public void Checksum_and_frame_errors_are_rejected(string text, VisionLineResult expected)
    {
        Assert.Equal(expected, Feed(new VisionLineParser(), text));
    }

    [Fact]
    public void Non_ascii_bytes_are_rejected_even_when_the_checksum_matches()
    {
        string body = "C,95\u00e900,1";
        Assert.Equal(VisionLineResult.BadFormat, Feed(new VisionLineParser(), Line(body)));
    }

    [Fact]
    public void Blank_lines_are_reported_as_blank()
    {
        var parser = new VisionLineParser();
        Assert.Equal(VisionLineResult.Blank, Feed(parser, "\r\n"));
        Assert.Equal(VisionLineResult.Blank, Feed(parser, "\n"));
    }

    [Fact]
    public void An_overlong_line_is_dropped_whole_and_the_next_line_parses()
    {
        var parser = new VisionLineParser();
        string longLine = new string('7', VisionLineParser.LineBytesMax + 40) + "\n";
        Assert.Equal(VisionLineResult.TooLong, Feed(parser, longLine));

        // An overlong line that happens to end in a valid-looking tail is still dropped whole.
        Assert.Equal(VisionLineResult.TooLong, Feed(parser, new string('x', VisionLineParser.LineBytesMax) + Line("C,1,1")));
        Assert.Equal(VisionLineResult.Accepted, Feed(parser, Line("C,8000,2")));
        Assert.Equal(8000, parser.Score);
    }

    [Fact]
    public void The_longest_valid_line_fits()
    {
        string longest = Line("C,65535,65535");
        Assert.True(longest.Length - 1 <= VisionLineParser.LineBytesMax);
        Assert.Equal(VisionLineResult.Accepted, Feed(new VisionLineParser(), longest));
    }

    [Fact]
    public void A_rejected_line_leaves_the_last_accepted_values_alone()
    {
        var parser = new VisionLineParser();
        Feed(parser, Line("C,9000,5"));
        Feed(parser, Line("C,65536,6"));
        Feed(parser, "C,1,7*00\n");
        Assert.Equal(9000, parser.Score);
        Assert.Equal(5, parser.Sequence);
    }

    [Property(MaxTest = 500)]
    public bool Any_score_and_sequence_round_trip(ushort score, ushort sequence)
    {
        var parser = new VisionLineParser();
        return Feed(parser, Line($"C,{score},{sequence}")) == VisionLineResult.Accepted
            && parser.Score == score && parser.Sequence == sequence;
    }

    [Property(MaxTest = 500)]
    public bool Random_bytes_never_throw_and_a_good_line_after_a_newline_always_parses(byte[] noise)
    {
        var parser = new VisionLineParser();
        foreach (byte b in noise)
        {
            parser.Push(b);
        }

        parser.Push((byte)'\n');
        return Feed(parser, Line("C,1234,99")) == VisionLineResult.Accepted && parser.Score == 1234;
    }

    [Fact]
    public void Parsing_allocates_nothing()
    {
        var parser = new VisionLineParser();
        byte[] good = Encoding.ASCII.GetBytes(Line("C,9500,17"));
        byte[] bad = Encoding.ASCII.GetBytes("C,9500,17*00\r\n" + new string('z', 60) + "\n");
        foreach (byte b in good)
        {
            parser.Push(b);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            foreach (byte b in good)
            {
                parser.Push(b);
            }

            foreach (byte b in bad)
            {
                parser.Push(b);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
