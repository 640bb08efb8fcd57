namespace Jidoka.Protocol
{
    /// <summary>
    /// Writes one flat JSON object as ASCII into a caller's buffer without allocating. Values are
    /// restricted to integers, booleans and strings that need no escaping (the protocol's ids and names),
    /// which is what keeps this small enough to trust on the node. Overflow latches: once the buffer is
    /// full every further write is ignored and <see cref="Overflowed"/> is true.
    /// </summary>
    public sealed class AsciiJsonWriter
    {
        private byte[] _buffer = new byte[0];
        private int _start;
        private int _position;
        private int _end;
        private bool _first;

        /// <summary>True when a write did not fit.</summary>
        public bool Overflowed { get; private set; }

        /// <summary>True when a string value had a character JSON would need escaped.</summary>
        public bool HadUnsafeText { get; private set; }

        /// <summary>Bytes written since <see cref="Begin"/>.</summary>
        public int Length => _position - _start;

        /// <summary>Starts an object at <paramref name="offset"/>, writing at most <paramref name="capacity"/> bytes.</summary>
        public void Begin(byte[] buffer, int offset, int capacity)
        {
            _buffer = buffer;
            _start = offset;
            _position = offset;
            _end = offset + capacity;
            _first = true;
            Overflowed = false;
            HadUnsafeText = false;
            Put('{');
        }

        /// <summary>Closes the object.</summary>
        public void End() => Put('}');

        /// <summary>Writes "key":"value".</summary>
        public void String(string key, string value)
        {
            Key(key);
            Put('"');
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (!IsSafe(c))
                {
                    HadUnsafeText = true;
                    c = '?';
                }

                Put(c);
            }

            Put('"');
        }

        /// <summary>Writes "key":"id.version", the form calibrations take in status.</summary>
        public void Tag(string key, ushort id, ushort version)
        {
            Key(key);
            Put('"');
            Digits((ulong)id);
            Put('.');
            Digits((ulong)version);
            Put('"');
        }

        /// <summary>Writes "key":"xxxxxxxx" with eight lowercase hex digits.</summary>
        public void Hex32(string key, uint value)
        {
            Key(key);
            Put('"');
            for (int shift = 28; shift >= 0; shift -= 4)
            {
                int d = (int)((value >> shift) & 0xF);
                Put((char)(d < 10 ? '0' + d : 'a' + d - 10));
            }

            Put('"');
        }

        /// <summary>Writes "key":integer.</summary>
        public void Integer(string key, long value)
        {
            Key(key);
            if (value < 0)
            {
                Put('-');

                // long.MinValue has no positive counterpart; its magnitude fits an unsigned long.
                Digits((ulong)(-(value + 1)) + 1);
            }
            else
            {
                Digits((ulong)value);
            }
        }

        /// <summary>Writes "key":true or "key":false.</summary>
        public void Boolean(string key, bool value)
        {
            Key(key);
            Literal(value ? "true" : "false");
        }

        /// <summary>True for the characters a string value may hold unescaped.</summary>
        public static bool IsSafe(char c) => c >= ' ' && c <= '~' && c != '"' && c != '\\';

        private void Key(string key)
        {
            if (!_first)
            {
                Put(',');
            }

            _first = false;
            Put('"');
            Literal(key);
            Put('"');
            Put(':');
        }

        private void Literal(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                Put(text[i]);
            }
        }

        private void Digits(ulong value)
        {
            int count = 1;
            for (ulong v = value / 10; v != 0; v /= 10)
            {
                count++;
            }

            if (_position + count > _end)
            {
                Overflowed = true;
                return;
            }

            for (int i = count - 1; i >= 0; i--)
            {
                _buffer[_position + i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }

            _position += count;
        }

        private void Put(char c)
        {
            if (Overflowed || _position >= _end)
            {
                Overflowed = true;
                return;
            }

            _buffer[_position++] = (byte)c;
        }
    }
}
