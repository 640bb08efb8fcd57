namespace Jidoka.Protocol
{
    /// <summary>
    /// The node's retained status, as JSON so a technician can read it with any MQTT client. Published
    /// on change and periodically; the MQTT last will publishes the offline form
    /// {"v":1,"cell":…,"node":…,"online":false}. Keys and meanings: docs/protocol.md §Status.
    /// </summary>
    /// <remarks>
    /// Every key is a row of <see cref="StatusKeys"/>; the encoder, decoder, checks and field list all
    /// walk that one table, and each value lives in its key's slot of <c>_numbers</c> or <c>_texts</c>.
    /// </remarks>
    public sealed partial class StatusMessage : IWireMessage
    {
        private readonly AsciiJsonWriter _writer = new AsciiJsonWriter();
        private readonly FlatJsonReader _reader = new FlatJsonReader();
        private readonly long[] _numbers = new long[StatusKeys.All.Length];
        private readonly string[] _texts = new string[StatusKeys.All.Length];

        // Optional keys that carry a value, one bit per key (StatusKey.Bit).
        private long _optionalPresent;

        /// <summary>Creates an empty status.</summary>
        public StatusMessage()
        {
            Clear();
        }

        /// <summary>Encodes the status as JSON into <paramref name="buffer"/>; allocation-free.</summary>
        public EncodeResult TryEncode(byte[] buffer, int offset)
        {
            string bad = FindImpossibleField();
            if (bad.Length != 0)
            {
                return EncodeResult.Refuse(EncodeStatus.ImpossibleValue, bad);
            }

            if (!Envelope.Fits(buffer, offset, 0))
            {
                return EncodeResult.Refuse(EncodeStatus.BufferTooSmall, "buffer");
            }

            int capacity = buffer.Length - offset;
            if (capacity > ProtocolLimits.MaxMessageBytes)
            {
                capacity = ProtocolLimits.MaxMessageBytes;
            }

            AsciiJsonWriter w = _writer;
            w.Begin(buffer, offset, capacity);
            StatusKey[] keys = StatusKeys.All;
            for (int i = 0; i < keys.Length; i++)
            {
                if (IsWritten(keys[i]))
                {
                    StatusFieldCodec.Write(w, keys[i], _numbers, _texts);
                }
            }

            w.End();
            return w.Overflowed ? EncodeResult.Refuse(EncodeStatus.BufferTooSmall, "buffer") : EncodeResult.Ok(w.Length);
        }

        /// <summary>Decodes status JSON into this instance. Never throws. Unknown keys are ignored (forward compatibility).</summary>
        public DecodeResult TryDecode(byte[] buffer, int offset, int length)
        {
            if (!Envelope.Fits(buffer, offset, length) || length < 2)
            {
                return DecodeResult.Reject(RejectReason.TooShort, "length");
            }

            if (length > ProtocolLimits.MaxMessageBytes)
            {
                return DecodeResult.Reject(RejectReason.TooLong, "length");
            }

            Clear();
            FlatJsonReader r = _reader;
            if (!r.Begin(buffer, offset, length))
            {
                return DecodeResult.Reject(RejectReason.MalformedText, "json");
            }

            long seen = 0;
            while (r.Next())
            {
                StatusKey? key = StatusKeys.Find(r.Key);
                if (key == null)
                {
                    continue;
                }

                if ((seen & key.Bit) != 0)
                {
                    return DecodeResult.Reject(RejectReason.MalformedText, key.Name);
                }

                seen |= key.Bit;
                if (!StatusFieldCodec.TryRead(r, key, _numbers, _texts))
                {
                    RejectReason reason = key.Kind == StatusValueKind.Version ? RejectReason.UnknownVersion : RejectReason.ImpossibleValue;
                    return DecodeResult.Reject(reason, key.Name);
                }
            }

            if (r.Malformed)
            {
                return DecodeResult.Reject(RejectReason.MalformedText, "json");
            }

            if ((seen & StatusKeys.Version.Bit) == 0)
            {
                return DecodeResult.Reject(RejectReason.UnknownVersion, StatusKeys.Version.Name);
            }

            long required = Online ? StatusKeys.RequiredOnline : StatusKeys.RequiredOffline;
            if ((seen & required) != required)
            {
                return DecodeResult.Reject(RejectReason.MalformedText, FirstMissingKey(seen, required));
            }

            _optionalPresent = seen & ~StatusKeys.RequiredOnline;
            string impossible = FindImpossibleField();
            return impossible.Length == 0 ? DecodeResult.Accepted : DecodeResult.Reject(RejectReason.ImpossibleValue, impossible);
        }

        /// <summary>The first key (in write order) holding an impossible value, or an empty string.</summary>
        public string FindImpossibleField()
        {
            bool tripped = TripState == TripState.Tripped;
            StatusKey[] keys = StatusKeys.All;
            for (int i = 0; i < keys.Length; i++)
            {
                if (IsWritten(keys[i]) && !StatusFieldCodec.IsPossible(keys[i], _numbers, _texts, tripped))
                {
                    return keys[i].Name;
                }
            }

            return "";
        }

        /// <summary>True for a firmware or board string: 1..32 of letters, digits, '.', '-', '_', '+'.</summary>
        public static bool IsStatusText(string text)
        {
            if (text == null || text.Length < 1 || text.Length > ProtocolLimits.StatusStringMaxLength)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == '+';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Lists the fields for vectors and diagnostics.</summary>
        public void Describe(FieldList fields)
        {
            fields.Add("messageType", "status");
            StatusKey[] keys = StatusKeys.All;
            for (int i = 0; i < keys.Length; i++)
            {
                if (IsWritten(keys[i]))
                {
                    StatusFieldCodec.Describe(fields, keys[i], _numbers, _texts);
                }
            }
        }

        // The last will carries only the always-present keys; an optional key only when it has a value.
        private bool IsWritten(StatusKey key)
        {
            switch (key.Presence)
            {
                case StatusKeyPresence.Always:
                    return true;
                case StatusKeyPresence.WhenOnline:
                    return Online;
                default:
                    return Online && (_optionalPresent & key.Bit) != 0;
            }
        }

        private void SetPresent(StatusKey key, bool present) =>
            _optionalPresent = present ? _optionalPresent | key.Bit : _optionalPresent & ~key.Bit;

        private void Clear()
        {
            for (int i = 0; i < _numbers.Length; i++)
            {
                _numbers[i] = 0;
                _texts[i] = "";
            }

            _optionalPresent = 0;
        }

        private static string FirstMissingKey(long seen, long required)
        {
            StatusKey[] keys = StatusKeys.All;
            for (int i = 0; i < keys.Length; i++)
            {
                if ((required & keys[i].Bit) != 0 && (seen & keys[i].Bit) == 0)
                {
                    return keys[i].Name;
                }
            }

            return "";
        }
    }
}
