namespace Jidoka.Protocol
{
    /// <summary>
    /// How each <see cref="StatusValueKind"/> is written to status JSON, read from it, checked and listed.
    /// A key's value lives in one slot of two arrays held by <see cref="StatusMessage"/>: a number (ids,
    /// counters, flags, enum values, a calibration tag as id × 65 536 + version) or a text.
    /// </summary>
    internal static class StatusFieldCodec
    {
        /// <summary>Writes "key":value for <paramref name="key"/>.</summary>
        public static void Write(AsciiJsonWriter w, StatusKey key, long[] numbers, string[] texts)
        {
            long number = numbers[key.Index];
            switch (key.Kind)
            {
                case StatusValueKind.Version:
                    w.Integer(key.Name, ProtocolLimits.FormatVersion);
                    break;
                case StatusValueKind.Id:
                case StatusValueKind.StatusText:
                    w.String(key.Name, texts[key.Index]);
                    break;
                case StatusValueKind.Boolean:
                    w.Boolean(key.Name, number != 0);
                    break;
                case StatusValueKind.Hex32:
                    w.Hex32(key.Name, (uint)number);
                    break;
                case StatusValueKind.CalibrationTag:
                    w.Tag(key.Name, TagId(number), TagVersion(number));
                    break;
                case StatusValueKind.Name:
                    w.String(key.Name, NameTable.Lookup(key.Names, (int)number));
                    break;
                default:
                    w.Integer(key.Name, number);
                    break;
            }
        }

        /// <summary>
        /// Stores the reader's current value in <paramref name="key"/>'s slot. False when the value has the
        /// wrong JSON kind or is out of range for the key.
        /// </summary>
        public static bool TryRead(FlatJsonReader r, StatusKey key, long[] numbers, string[] texts)
        {
            int slot = key.Index;
            switch (key.Kind)
            {
                case StatusValueKind.Version:
                    return r.Kind == JsonValueKind.Integer && r.Integer == ProtocolLimits.FormatVersion;
                case StatusValueKind.Id:
                case StatusValueKind.StatusText:
                    // Checked with the other values once every key is read (FindImpossibleField).
                    texts[slot] = r.Text;
                    return r.Kind == JsonValueKind.String;
                case StatusValueKind.Boolean:
                    numbers[slot] = r.Boolean ? 1 : 0;
                    return r.Kind == JsonValueKind.Boolean;
                case StatusValueKind.NonNegative:
                    numbers[slot] = r.Integer;
                    return r.Kind == JsonValueKind.Integer && r.Integer >= 0;
                case StatusValueKind.Counter:
                    numbers[slot] = r.Integer;
                    return r.Kind == JsonValueKind.Integer && r.Integer >= 0 && r.Integer <= uint.MaxValue;
                case StatusValueKind.Hex32:
                    if (r.Kind != JsonValueKind.String || r.Text.Length != 8 || !Hex.TryParse32(r.Text, out uint hash))
                    {
                        return false;
                    }

                    numbers[slot] = hash;
                    return true;
                case StatusValueKind.CalibrationTag:
                    if (!TryTag(r, out ushort id, out ushort version))
                    {
                        return false;
                    }

                    numbers[slot] = Tag(id, version);
                    return true;
                case StatusValueKind.Name:
                    int value = r.Kind == JsonValueKind.String ? NameTable.IndexOf(key.Names, r.Text) : -1;
                    numbers[slot] = value < 0 ? 0 : value;
                    return value >= 0;
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when the value in <paramref name="key"/>'s slot is one the key may hold; the cause and
        /// response keys also have to agree with <paramref name="tripped"/>.
        /// </summary>
        public static bool IsPossible(StatusKey key, long[] numbers, string[] texts, bool tripped)
        {
            long number = numbers[key.Index];
            switch (key.Kind)
            {
                case StatusValueKind.Id:
                    return Identifiers.IsValidId(texts[key.Index]);
                case StatusValueKind.StatusText:
                    return StatusMessage.IsStatusText(texts[key.Index]);
                case StatusValueKind.NonNegative:
                    return number >= 0 && number <= FlatJsonReader.MaxInteger;
                case StatusValueKind.Name:
                    return NameTable.IsDefined(key.Names, (int)number) && (!key.SetOnlyWhenTripped || tripped == (number != 0));
                default:
                    return true;
            }
        }

        /// <summary>Adds <paramref name="key"/>'s value to <paramref name="fields"/> in canonical text form.</summary>
        public static void Describe(FieldList fields, StatusKey key, long[] numbers, string[] texts)
        {
            long number = numbers[key.Index];
            switch (key.Kind)
            {
                case StatusValueKind.Version:
                    break;
                case StatusValueKind.Id:
                case StatusValueKind.StatusText:
                    fields.Add(key.Name, texts[key.Index]);
                    break;
                case StatusValueKind.Boolean:
                    fields.Add(key.Name, number != 0);
                    break;
                case StatusValueKind.Hex32:
                    fields.AddHex32(key.Name, (uint)number);
                    break;
                case StatusValueKind.CalibrationTag:
                    fields.Add(key.Name, TagId(number).ToString() + "." + TagVersion(number).ToString());
                    break;
                case StatusValueKind.Name:
                    fields.Add(key.Name, NameTable.Lookup(key.Names, (int)number));
                    break;
                default:
                    fields.Add(key.Name, number);
                    break;
            }
        }

        /// <summary>A calibration tag packed into one slot.</summary>
        public static long Tag(ushort id, ushort version) => ((long)id << 16) | version;

        /// <summary>The id half of a packed tag.</summary>
        public static ushort TagId(long tag) => (ushort)(tag >> 16);

        /// <summary>The version half of a packed tag.</summary>
        public static ushort TagVersion(long tag) => (ushort)tag;

        private static bool TryTag(FlatJsonReader r, out ushort id, out ushort version)
        {
            id = 0;
            version = 0;
            if (r.Kind != JsonValueKind.String)
            {
                return false;
            }

            string text = r.Text;
            int dot = text.IndexOf('.');
            return dot > 0 && TryParseUInt16(text, 0, dot, out id) && TryParseUInt16(text, dot + 1, text.Length - dot - 1, out version);
        }

        private static bool TryParseUInt16(string text, int start, int count, out ushort value)
        {
            value = 0;
            if (count < 1 || count > 5)
            {
                return false;
            }

            int v = 0;
            for (int i = start; i < start + count; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                v = (v * 10) + (c - '0');
            }

            if (v > ushort.MaxValue)
            {
                return false;
            }

            value = (ushort)v;
            return true;
        }
    }
}
