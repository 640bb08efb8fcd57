namespace Jidoka.Protocol
{
    /// <summary>The kind of value <see cref="FlatJsonReader"/> found.</summary>
    public enum JsonValueKind : byte
    {
        /// <summary>No value (end of object or error).</summary>
        None = 0,

        /// <summary>A string without escapes.</summary>
        String = 1,

        /// <summary>An integer of at most 18 digits.</summary>
        Integer = 2,

        /// <summary>true or false.</summary>
        Boolean = 3,
    }

    /// <summary>
    /// Reads one flat JSON object of ASCII keys and string, integer and boolean values, the only JSON
    /// the protocol uses (status). Anything else (nesting, escapes, floats, null, trailing bytes) is
    /// rejected, which keeps the reader small enough to share with the node and to test exhaustively.
    /// Never throws.
    /// </summary>
    public sealed class FlatJsonReader
    {
        /// <summary>The largest integer the reader accepts (18 digits); an encoder must not write more.</summary>
        public const long MaxInteger = 999999999999999999;

        private const int MaxIntegerDigits = 18;
        private byte[] _buffer = new byte[0];
        private int _position;
        private int _end;
        private bool _expectComma;

        /// <summary>The key of the current member.</summary>
        public string Key { get; private set; } = "";

        /// <summary>The kind of the current value.</summary>
        public JsonValueKind Kind { get; private set; }

        /// <summary>The current string value.</summary>
        public string Text { get; private set; } = "";

        /// <summary>The current integer value.</summary>
        public long Integer { get; private set; }

        /// <summary>The current boolean value.</summary>
        public bool Boolean { get; private set; }

        /// <summary>True when the input was not the restricted JSON this reader accepts.</summary>
        public bool Malformed { get; private set; }

        /// <summary>Starts reading; false (and <see cref="Malformed"/>) when the input does not open an object.</summary>
        public bool Begin(byte[] buffer, int offset, int length)
        {
            _buffer = buffer;
            _position = offset;
            _end = offset + length;
            _expectComma = false;
            Malformed = false;
            SkipSpace();
            if (!Take('{'))
            {
                return Fail();
            }

            return true;
        }

        /// <summary>
        /// Moves to the next member. False at the end of the object (check <see cref="Malformed"/> to
        /// tell a clean end from an error).
        /// </summary>
        public bool Next()
        {
            if (Malformed)
            {
                return false;
            }

            SkipSpace();
            if (Take('}'))
            {
                SkipSpace();
                return _position == _end ? false : Fail();
            }

            if (_expectComma)
            {
                if (!Take(','))
                {
                    return Fail();
                }

                SkipSpace();
            }

            if (!ReadString(out string key))
            {
                return Fail();
            }

            Key = key;
            SkipSpace();
            if (!Take(':'))
            {
                return Fail();
            }

            SkipSpace();
            if (!ReadValue())
            {
                return Fail();
            }

            _expectComma = true;
            return true;
        }

        private bool ReadValue()
        {
            if (_position >= _end)
            {
                return false;
            }

            byte c = _buffer[_position];
            if (c == '"')
            {
                if (!ReadString(out string text))
                {
                    return false;
                }

                Kind = JsonValueKind.String;
                Text = text;
                return true;
            }

            if (c == 't' || c == 'f')
            {
                bool value = c == 't';
                string literal = value ? "true" : "false";
                for (int i = 0; i < literal.Length; i++)
                {
                    if (!Take(literal[i]))
                    {
                        return false;
                    }
                }

                Kind = JsonValueKind.Boolean;
                Boolean = value;
                return true;
            }

            return ReadInteger();
        }

        private bool ReadInteger()
        {
            bool negative = Take('-');
            long value = 0;
            int digits = 0;
            while (_position < _end && _buffer[_position] >= '0' && _buffer[_position] <= '9')
            {
                if (++digits > MaxIntegerDigits)
                {
                    return false;
                }

                value = (value * 10) + (_buffer[_position] - '0');
                _position++;
            }

            if (digits == 0)
            {
                return false;
            }

            Kind = JsonValueKind.Integer;
            Integer = negative ? -value : value;
            return true;
        }

        private bool ReadString(out string text)
        {
            text = "";
            if (!Take('"'))
            {
                return false;
            }

            int start = _position;
            while (_position < _end && _buffer[_position] != '"')
            {
                if (!AsciiJsonWriter.IsSafe((char)_buffer[_position]))
                {
                    return false;
                }

                _position++;
            }

            if (_position >= _end)
            {
                return false;
            }

            int length = _position - start;
            _position++;
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)_buffer[start + i];
            }

            text = new string(chars);
            return true;
        }

        private bool Take(char c)
        {
            if (_position < _end && _buffer[_position] == c)
            {
                _position++;
                return true;
            }

            return false;
        }

        private void SkipSpace()
        {
            while (_position < _end)
            {
                byte c = _buffer[_position];
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                {
                    return;
                }

                _position++;
            }
        }

        private bool Fail()
        {
            Malformed = true;
            Kind = JsonValueKind.None;
            return false;
        }
    }
}
