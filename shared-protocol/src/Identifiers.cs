namespace Jidoka.Protocol
{
    /// <summary>
    /// Rules for the identifiers the protocol carries, and their fixed-width ASCII fields.
    /// Cell, node and host ids appear in MQTT topic levels, so they exclude '/', '+', '#' and
    /// anything a shell or JSON would need to escape: lowercase letters, digits, '-' and '_',
    /// starting with a letter or digit. Person ids (operator, technician) also allow upper case,
    /// '.' and '@' so a badge number or an e-mail-like login fits.
    /// </summary>
    public static class Identifiers
    {
        /// <summary>True when <paramref name="id"/> is a valid cell, node or host id.</summary>
        public static bool IsValidId(string id) => IsValid(id, ProtocolLimits.IdentifierMaxLength, false);

        /// <summary>True when <paramref name="id"/> is a valid operator or technician id.</summary>
        public static bool IsValidPersonId(string id) => IsValid(id, ProtocolLimits.PersonIdMaxLength, true);

        /// <summary>True when <paramref name="c"/> may appear in an id of the given kind at the given position.</summary>
        public static bool IsAllowedChar(char c, bool person, bool first)
        {
            bool lowerOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (lowerOrDigit)
            {
                return true;
            }

            if (person && c >= 'A' && c <= 'Z')
            {
                return true;
            }

            if (first)
            {
                return false;
            }

            return c == '-' || c == '_' || (person && (c == '.' || c == '@'));
        }

        private static bool IsValid(string id, int maxLength, bool person)
        {
            if (id == null || id.Length < 1 || id.Length > maxLength)
            {
                return false;
            }

            for (int i = 0; i < id.Length; i++)
            {
                if (!IsAllowedChar(id[i], person, i == 0))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Writes <paramref name="value"/> into a zero-padded field of <paramref name="fieldBytes"/>
        /// bytes. Allocation-free. The caller has validated the value.
        /// </summary>
        public static void WriteFixed(byte[] buffer, int offset, int fieldBytes, string value)
        {
            int length = value == null ? 0 : value.Length;
            for (int i = 0; i < fieldBytes; i++)
            {
                buffer[offset + i] = i < length ? (byte)value![i] : (byte)0;
            }
        }

        /// <summary>
        /// Reads a zero-padded id field. Rejects a field with bad characters or with non-zero bytes
        /// after the padding starts. An empty field is accepted only when <paramref name="allowEmpty"/>.
        /// </summary>
        public static bool TryReadFixed(byte[] buffer, int offset, int fieldBytes, bool person, bool allowEmpty, out string value)
        {
            value = "";
            int length = 0;
            while (length < fieldBytes && buffer[offset + length] != 0)
            {
                length++;
            }

            for (int i = length; i < fieldBytes; i++)
            {
                if (buffer[offset + i] != 0)
                {
                    return false;
                }
            }

            if (length == 0)
            {
                return allowEmpty;
            }

            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                char c = (char)buffer[offset + i];
                if (!IsAllowedChar(c, person, i == 0))
                {
                    return false;
                }

                chars[i] = c;
            }

            value = new string(chars);
            return true;
        }
    }
}
