namespace Jidoka.Protocol
{
    /// <summary>Hexadecimal text for vectors, hashes and diagnostics. Not used in the trip loop.</summary>
    public static class Hex
    {
        private const string Digits = "0123456789abcdef";

        /// <summary>Formats a 32-bit value as eight lowercase hex digits.</summary>
        public static string Format32(uint value)
        {
            char[] chars = new char[8];
            for (int i = 7; i >= 0; i--)
            {
                chars[i] = Digits[(int)(value & 0xF)];
                value >>= 4;
            }

            return new string(chars);
        }

        /// <summary>Formats bytes as lowercase hex pairs without separators.</summary>
        public static string Format(byte[] buffer, int offset, int length)
        {
            char[] chars = new char[length * 2];
            for (int i = 0; i < length; i++)
            {
                byte b = buffer[offset + i];
                chars[2 * i] = Digits[b >> 4];
                chars[(2 * i) + 1] = Digits[b & 0xF];
            }

            return new string(chars);
        }

        /// <summary>
        /// Parses hex text into bytes, ignoring spaces, tabs and line breaks. False on an odd digit
        /// count or any other character.
        /// </summary>
        public static bool TryParse(string text, out byte[] bytes)
        {
            bytes = new byte[0];
            int digits = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (DigitValue(c) >= 0)
                {
                    digits++;
                }
                else if (!IsSpace(c))
                {
                    return false;
                }
            }

            if ((digits & 1) != 0)
            {
                return false;
            }

            byte[] result = new byte[digits / 2];
            int n = 0;
            int high = -1;
            for (int i = 0; i < text.Length; i++)
            {
                int v = DigitValue(text[i]);
                if (v < 0)
                {
                    continue;
                }

                if (high < 0)
                {
                    high = v;
                }
                else
                {
                    result[n++] = (byte)((high << 4) | v);
                    high = -1;
                }
            }

            bytes = result;
            return true;
        }

        /// <summary>Parses up to eight hex digits into a 32-bit value.</summary>
        public static bool TryParse32(string text, out uint value)
        {
            value = 0;
            if (text == null || text.Length < 1 || text.Length > 8)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                int v = DigitValue(text[i]);
                if (v < 0)
                {
                    value = 0;
                    return false;
                }

                value = (value << 4) | (uint)v;
            }

            return true;
        }

        private static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n';

        private static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
