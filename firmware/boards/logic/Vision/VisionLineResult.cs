namespace Jidoka.Boards.Logic.Vision
{
    /// <summary>What one byte fed to <see cref="VisionLineParser"/> produced.</summary>
    public enum VisionLineResult : byte
    {
        /// <summary>The byte did not end a line.</summary>
        Incomplete = 0,

        /// <summary>A well-formed line; its score and sequence are in the parser.</summary>
        Accepted = 1,

        /// <summary>An empty line (a lone CR LF); ignored, not counted as malformed.</summary>
        Blank = 2,

        /// <summary>More than <see cref="VisionLineParser.LineBytesMax"/> bytes before the newline; the whole line is dropped.</summary>
        TooLong = 3,

        /// <summary>Not the <c>C,&lt;score&gt;,&lt;sequence&gt;*&lt;HH&gt;</c> form (wrong type letter, missing field, non-digit, non-ASCII).</summary>
        BadFormat = 4,

        /// <summary>The XOR checksum after '*' does not match the line.</summary>
        BadChecksum = 5,

        /// <summary>Score or sequence above 65535.</summary>
        OutOfRange = 6,
    }
}
