namespace Jidoka.Boards.Logic.Vision
{
    /// <summary>
    /// Parses the vision link's ASCII lines, one byte at a time, into a preallocated buffer; never
    /// allocates and never throws. The format (docs/boards.md, "Vision link line format"):
    /// <code>C,&lt;score&gt;,&lt;sequence&gt;*&lt;HH&gt;\r\n</code>
    /// 'C' marks a confidence line; score is 1..5 decimal digits, 0..65535 (normally 0..10000, confidence
    /// in 1/10 000, passed through the vision calibration); sequence is 1..5 digits, 0..65535, one more
    /// than the previous line's, wrapping to 0; HH is two hex digits, the XOR of every byte before '*'
    /// (the NMEA 0183 checksum, which vision controllers and PLCs already know how to produce); the CR
    /// is optional. Example: <c>C,9500,17*49</c> (confidence 0.95, line 17).
    /// </summary>
    public sealed class VisionLineParser
    {
        /// <summary>Longest line kept, terminator excluded; the longest valid line, "C,65535,65535*FF\r", has 17 bytes.</summary>
        public const int LineBytesMax = 24;

        /// <summary>Largest score or sequence value.</summary>
        public const int FieldValueMax = 65535;

        private const int FieldDigitsMax = 5;

        private readonly byte[] _line = new byte[LineBytesMax];
        private int _length;
        private bool _overflowed;

        /// <summary>Score of the last accepted line.</summary>
        public int Score { get; private set; }

        /// <summary>Sequence number of the last accepted line.</summary>
        public int Sequence { get; private set; }

        /// <summary>Feeds one received byte. A line ends at '\n'; until then the result is <see cref="VisionLineResult.Incomplete"/>.</summary>
        public VisionLineResult Push(byte value)
        {
            if (value != (byte)'\n')
            {
                if (_length < LineBytesMax)
                {
                    _line[_length++] = value;
                }
                else
                {
                    _overflowed = true;
                }

                return VisionLineResult.Incomplete;
            }

            VisionLineResult result = _overflowed ? VisionLineResult.TooLong : ParseLine();
            _length = 0;
            _overflowed = false;
            return result;
        }

        private VisionLineResult ParseLine()
        {
            int end = _length;
            if (end > 0 && _line[end - 1] == (byte)'\r')
            {
                end--;
            }

            if (end == 0)
            {
                return VisionLineResult.Blank;
            }

            // Checksum first, as NMEA readers do: a corrupted byte anywhere shows as a bad checksum
            // rather than as whichever field check it happens to upset.
            int star = end - 3;
            if (star < 1 || _line[star] != (byte)'*')
            {
                return VisionLineResult.BadFormat;
            }

            int high = HexValue(_line[star + 1]);
            int low = HexValue(_line[star + 2]);
            if (high < 0 || low < 0)
            {
                return VisionLineResult.BadFormat;
            }

            int sum = 0;
            for (int i = 0; i < star; i++)
            {
                if (_line[i] > 0x7E || _line[i] < 0x20)
                {
                    return VisionLineResult.BadFormat;
                }

                sum ^= _line[i];
            }

            if (sum != ((high << 4) | low))
            {
                return VisionLineResult.BadChecksum;
            }

            if (_line[0] != (byte)'C' || star < 2 || _line[1] != (byte)',')
            {
                return VisionLineResult.BadFormat;
            }

            int comma = IndexOf((byte)',', 2, star);
            if (comma < 0)
            {
                return VisionLineResult.BadFormat;
            }

            int score = ParseField(2, comma);
            int sequence = ParseField(comma + 1, star);
            if (score == BadField || sequence == BadField)
            {
                return VisionLineResult.BadFormat;
            }

            if (score > FieldValueMax || sequence > FieldValueMax)
            {
                return VisionLineResult.OutOfRange;
            }

            Score = score;
            Sequence = sequence;
            return VisionLineResult.Accepted;
        }

        private const int BadField = -1;

        private int ParseField(int from, int to)
        {
            int digits = to - from;
            if (digits < 1 || digits > FieldDigitsMax)
            {
                return BadField;
            }

            int value = 0;
            for (int i = from; i < to; i++)
            {
                int d = _line[i] - (byte)'0';
                if (d < 0 || d > 9)
                {
                    return BadField;
                }

                value = (value * 10) + d;
            }

            return value;
        }

        private int IndexOf(byte value, int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                if (_line[i] == value)
                {
                    return i;
                }
            }

            return -1;
        }

        private static int HexValue(byte c)
        {
            if (c >= (byte)'0' && c <= (byte)'9')
            {
                return c - (byte)'0';
            }

            if (c >= (byte)'A' && c <= (byte)'F')
            {
                return c - (byte)'A' + 10;
            }

            if (c >= (byte)'a' && c <= (byte)'f')
            {
                return c - (byte)'a' + 10;
            }

            return -1;
        }
    }
}
