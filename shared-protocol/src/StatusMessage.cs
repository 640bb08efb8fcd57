namespace Jidoka.Protocol
{
    /// <summary>
    /// The node's retained status, as JSON so a technician can read it with any MQTT client. Published
    /// on change and periodically; the MQTT last will publishes the offline form
    /// {"v":1,"cell":…,"node":…,"online":false}. Keys and meanings: docs/protocol.md §Status.
    /// </summary>
    public sealed class StatusMessage : IWireMessage
    {
        // Key order is the order the node writes them in; the index is the bit in the "seen" mask.
        private static readonly string[] Keys =
        {
            "v", "cell", "node", "online", "fw", "board", "uptimeS", "bootId", "policyId", "policyHash",
            "stagedPolicyId", "forceCal", "visionCal", "trip", "cause", "response", "tripEventId", "loopPeriodUs",
            "maxStepUs", "overruns", "journalDepth", "journalDropped", "framesDropped", "reconnects", "hostOnline",
            "timeQuality", "timeUncertaintyUs", "freeBytes",
        };

        private const int KeyVersion = 0;
        private const int KeyOnline = 3;
        private const int KeyFreeBytes = 27;
        private const long OfflineRequired = (1L << 0) | (1L << 1) | (1L << 2) | (1L << 3);
        private const long OnlineRequired = (1L << KeyFreeBytes) - 1;

        private readonly AsciiJsonWriter _writer = new AsciiJsonWriter();
        private readonly FlatJsonReader _reader = new FlatJsonReader();

        /// <summary>Creates an empty status.</summary>
        public StatusMessage()
        {
            CellId = "";
            NodeId = "";
            FirmwareVersion = "";
            Board = "";
        }

        /// <summary>Cell id.</summary>
        public string CellId { get; set; }

        /// <summary>Node id.</summary>
        public string NodeId { get; set; }

        /// <summary>False in the last-will form; then only cell and node are meaningful.</summary>
        public bool Online { get; set; }

        /// <summary>Firmware version, for example "1.4.0".</summary>
        public string FirmwareVersion { get; set; }

        /// <summary>Board name, as in board-configs/.</summary>
        public string Board { get; set; }

        /// <summary>Seconds since boot.</summary>
        public long UptimeSeconds { get; set; }

        /// <summary>Boot counter.</summary>
        public uint BootId { get; set; }

        /// <summary>Active policy id.</summary>
        public uint PolicyId { get; set; }

        /// <summary>Active policy hash.</summary>
        public uint PolicyHash { get; set; }

        /// <summary>Id of a policy staged until the trip is reset, 0 for none.</summary>
        public uint StagedPolicyId { get; set; }

        /// <summary>Force calibration id.</summary>
        public ushort ForceCalibrationId { get; set; }

        /// <summary>Force calibration version.</summary>
        public ushort ForceCalibrationVersion { get; set; }

        /// <summary>Vision calibration id.</summary>
        public ushort VisionCalibrationId { get; set; }

        /// <summary>Vision calibration version.</summary>
        public ushort VisionCalibrationVersion { get; set; }

        /// <summary>Booting, armed or tripped.</summary>
        public TripState TripState { get; set; }

        /// <summary>Rule that caused the latched trip, <see cref="TripRule.None"/> when not tripped.</summary>
        public TripRule TripCause { get; set; }

        /// <summary>Response class of the latched trip, <see cref="ResponseClass.None"/> when not tripped.</summary>
        public ResponseClass Response { get; set; }

        /// <summary>Event id of the latched trip, 0 when not tripped.</summary>
        public ulong TripEventId { get; set; }

        /// <summary>Configured loop period, µs.</summary>
        public uint LoopPeriodUs { get; set; }

        /// <summary>Longest loop step since boot, µs.</summary>
        public uint MaxStepUs { get; set; }

        /// <summary>Loop overruns since boot.</summary>
        public uint Overruns { get; set; }

        /// <summary>Events journaled and not yet acknowledged.</summary>
        public uint JournalDepth { get; set; }

        /// <summary>Events the journal had to drop since boot (never trips or resets).</summary>
        public uint JournalDropped { get; set; }

        /// <summary>Frames dropped from the outage ring since boot.</summary>
        public uint FramesDropped { get; set; }

        /// <summary>MQTT reconnects since boot.</summary>
        public uint Reconnects { get; set; }

        /// <summary>Whether the node currently sees the bridge online.</summary>
        public bool HostOnline { get; set; }

        /// <summary>Time quality.</summary>
        public TimeQuality TimeQuality { get; set; }

        /// <summary>Time uncertainty, µs.</summary>
        public uint TimeUncertaintyUs { get; set; }

        /// <summary>True when the board reports free memory.</summary>
        public bool HasFreeBytes { get; set; }

        /// <summary>Free managed memory, bytes, when <see cref="HasFreeBytes"/>.</summary>
        public uint FreeBytes { get; set; }

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
            w.Integer("v", ProtocolLimits.FormatVersion);
            w.String("cell", CellId);
            w.String("node", NodeId);
            w.Boolean("online", Online);
            if (Online)
            {
                w.String("fw", FirmwareVersion);
                w.String("board", Board);
                w.Integer("uptimeS", UptimeSeconds);
                w.Integer("bootId", BootId);
                w.Integer("policyId", PolicyId);
                w.Hex32("policyHash", PolicyHash);
                w.Integer("stagedPolicyId", StagedPolicyId);
                w.Tag("forceCal", ForceCalibrationId, ForceCalibrationVersion);
                w.Tag("visionCal", VisionCalibrationId, VisionCalibrationVersion);
                w.String("trip", TripStateNames.Name(TripState));
                w.String("cause", TripRuleNames.Name(TripCause));
                w.String("response", ResponseClassNames.Name(Response));
                w.Integer("tripEventId", (long)TripEventId);
                w.Integer("loopPeriodUs", LoopPeriodUs);
                w.Integer("maxStepUs", MaxStepUs);
                w.Integer("overruns", Overruns);
                w.Integer("journalDepth", JournalDepth);
                w.Integer("journalDropped", JournalDropped);
                w.Integer("framesDropped", FramesDropped);
                w.Integer("reconnects", Reconnects);
                w.Boolean("hostOnline", HostOnline);
                w.String("timeQuality", TimeQualityNames.Name(TimeQuality));
                w.Integer("timeUncertaintyUs", TimeUncertaintyUs);
                if (HasFreeBytes)
                {
                    w.Integer("freeBytes", FreeBytes);
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
                int key = NameTable.IndexOf(Keys, r.Key);
                if (key < 0)
                {
                    continue;
                }

                long bit = 1L << key;
                if ((seen & bit) != 0)
                {
                    return DecodeResult.Reject(RejectReason.MalformedText, r.Key);
                }

                seen |= bit;
                string bad = Assign(key, r);
                if (bad.Length != 0)
                {
                    return DecodeResult.Reject(bad == "v" ? RejectReason.UnknownVersion : RejectReason.ImpossibleValue, bad);
                }
            }

            if (r.Malformed)
            {
                return DecodeResult.Reject(RejectReason.MalformedText, "json");
            }

            if ((seen & (1L << KeyVersion)) == 0)
            {
                return DecodeResult.Reject(RejectReason.UnknownVersion, "v");
            }

            long required = Online ? OnlineRequired : OfflineRequired;
            if ((seen & required) != required)
            {
                return DecodeResult.Reject(RejectReason.MalformedText, FirstMissingKey(seen, required));
            }

            HasFreeBytes = (seen & (1L << KeyFreeBytes)) != 0;
            string impossible = FindImpossibleField();
            return impossible.Length == 0 ? DecodeResult.Accepted : DecodeResult.Reject(RejectReason.ImpossibleValue, impossible);
        }

        /// <summary>The first field holding an impossible value, or an empty string.</summary>
        public string FindImpossibleField()
        {
            if (!Identifiers.IsValidId(CellId))
            {
                return "cell";
            }

            if (!Identifiers.IsValidId(NodeId))
            {
                return "node";
            }

            if (!Online)
            {
                return "";
            }

            if (!IsStatusText(FirmwareVersion))
            {
                return "fw";
            }

            if (!IsStatusText(Board))
            {
                return "board";
            }

            if (UptimeSeconds < 0)
            {
                return "uptimeS";
            }

            if (!TripStateNames.IsDefined(TripState))
            {
                return "trip";
            }

            if (!TripRuleNames.IsDefined(TripCause) || ((TripState == TripState.Tripped) != (TripCause != TripRule.None)))
            {
                return "cause";
            }

            if (!ResponseClassNames.IsDefined(Response) || ((TripState == TripState.Tripped) != (Response != ResponseClass.None)))
            {
                return "response";
            }

            return TimeQualityNames.IsDefined(TimeQuality) ? "" : "timeQuality";
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
            fields.Add("cell", CellId);
            fields.Add("node", NodeId);
            fields.Add("online", Online);
            if (!Online)
            {
                return;
            }

            fields.Add("fw", FirmwareVersion);
            fields.Add("board", Board);
            fields.Add("uptimeS", UptimeSeconds);
            fields.Add("bootId", BootId);
            fields.Add("policyId", PolicyId);
            fields.AddHex32("policyHash", PolicyHash);
            fields.Add("stagedPolicyId", StagedPolicyId);
            fields.Add("forceCal", ForceCalibrationId.ToString() + "." + ForceCalibrationVersion.ToString());
            fields.Add("visionCal", VisionCalibrationId.ToString() + "." + VisionCalibrationVersion.ToString());
            fields.Add("trip", TripStateNames.Name(TripState));
            fields.Add("cause", TripRuleNames.Name(TripCause));
            fields.Add("response", ResponseClassNames.Name(Response));
            fields.AddUnsigned("tripEventId", TripEventId);
            fields.Add("loopPeriodUs", LoopPeriodUs);
            fields.Add("maxStepUs", MaxStepUs);
            fields.Add("overruns", Overruns);
            fields.Add("journalDepth", JournalDepth);
            fields.Add("journalDropped", JournalDropped);
            fields.Add("framesDropped", FramesDropped);
            fields.Add("reconnects", Reconnects);
            fields.Add("hostOnline", HostOnline);
            fields.Add("timeQuality", TimeQualityNames.Name(TimeQuality));
            fields.Add("timeUncertaintyUs", TimeUncertaintyUs);
            if (HasFreeBytes)
            {
                fields.Add("freeBytes", FreeBytes);
            }
        }

        private void Clear()
        {
            CellId = "";
            NodeId = "";
            Online = false;
            FirmwareVersion = "";
            Board = "";
            UptimeSeconds = 0;
            BootId = 0;
            PolicyId = 0;
            PolicyHash = 0;
            StagedPolicyId = 0;
            ForceCalibrationId = 0;
            ForceCalibrationVersion = 0;
            VisionCalibrationId = 0;
            VisionCalibrationVersion = 0;
            TripState = TripState.Booting;
            TripCause = TripRule.None;
            Response = ResponseClass.None;
            TripEventId = 0;
            LoopPeriodUs = 0;
            MaxStepUs = 0;
            Overruns = 0;
            JournalDepth = 0;
            JournalDropped = 0;
            FramesDropped = 0;
            Reconnects = 0;
            HostOnline = false;
            TimeQuality = TimeQuality.Unsynced;
            TimeUncertaintyUs = 0;
            HasFreeBytes = false;
            FreeBytes = 0;
        }

        private static string FirstMissingKey(long seen, long required)
        {
            for (int i = 0; i < Keys.Length; i++)
            {
                long bit = 1L << i;
                if ((required & bit) != 0 && (seen & bit) == 0)
                {
                    return Keys[i];
                }
            }

            return "";
        }

        // Assigns one member; returns the key when its value has the wrong kind or range.
        private string Assign(int key, FlatJsonReader r)
        {
            string name = Keys[key];
            switch (key)
            {
                case KeyVersion:
                    return r.Kind == JsonValueKind.Integer && r.Integer == ProtocolLimits.FormatVersion ? "" : name;
                case 1:
                    CellId = r.Text;
                    return r.Kind == JsonValueKind.String ? "" : name;
                case 2:
                    NodeId = r.Text;
                    return r.Kind == JsonValueKind.String ? "" : name;
                case KeyOnline:
                    Online = r.Boolean;
                    return r.Kind == JsonValueKind.Boolean ? "" : name;
                case 4:
                    FirmwareVersion = r.Text;
                    return r.Kind == JsonValueKind.String ? "" : name;
                case 5:
                    Board = r.Text;
                    return r.Kind == JsonValueKind.String ? "" : name;
                case 6:
                    UptimeSeconds = r.Integer;
                    return r.Kind == JsonValueKind.Integer && r.Integer >= 0 ? "" : name;
                case 9:
                    if (r.Kind != JsonValueKind.String || r.Text.Length != 8 || !Hex.TryParse32(r.Text, out uint hash))
                    {
                        return name;
                    }

                    PolicyHash = hash;
                    return "";
                case 11:
                    if (!TryTag(r, out ushort forceId, out ushort forceVersion))
                    {
                        return name;
                    }

                    ForceCalibrationId = forceId;
                    ForceCalibrationVersion = forceVersion;
                    return "";
                case 12:
                    if (!TryTag(r, out ushort visionId, out ushort visionVersion))
                    {
                        return name;
                    }

                    VisionCalibrationId = visionId;
                    VisionCalibrationVersion = visionVersion;
                    return "";
                case 13:
                    if (r.Kind != JsonValueKind.String || !TripStateNames.TryParse(r.Text, out TripState state))
                    {
                        return name;
                    }

                    TripState = state;
                    return "";
                case 14:
                    if (r.Kind != JsonValueKind.String || !TripRuleNames.TryParse(r.Text, out TripRule cause))
                    {
                        return name;
                    }

                    TripCause = cause;
                    return "";
                case 15:
                    if (r.Kind != JsonValueKind.String || !ResponseClassNames.TryParse(r.Text, out ResponseClass response))
                    {
                        return name;
                    }

                    Response = response;
                    return "";
                case 16:
                    if (r.Kind != JsonValueKind.Integer || r.Integer < 0)
                    {
                        return name;
                    }

                    TripEventId = (ulong)r.Integer;
                    return "";
                case 24:
                    HostOnline = r.Boolean;
                    return r.Kind == JsonValueKind.Boolean ? "" : name;
                case 25:
                    if (r.Kind != JsonValueKind.String || !TimeQualityNames.TryParse(r.Text, out TimeQuality quality))
                    {
                        return name;
                    }

                    TimeQuality = quality;
                    return "";
                default:
                    return AssignCounter(key, r) ? "" : name;
            }
        }

        private bool AssignCounter(int key, FlatJsonReader r)
        {
            if (!TryUInt32(r, out uint value))
            {
                return false;
            }

            switch (key)
            {
                case 7: BootId = value; break;
                case 8: PolicyId = value; break;
                case 10: StagedPolicyId = value; break;
                case 17: LoopPeriodUs = value; break;
                case 18: MaxStepUs = value; break;
                case 19: Overruns = value; break;
                case 20: JournalDepth = value; break;
                case 21: JournalDropped = value; break;
                case 22: FramesDropped = value; break;
                case 23: Reconnects = value; break;
                case 26: TimeUncertaintyUs = value; break;
                case KeyFreeBytes: FreeBytes = value; break;
                default: return false;
            }

            return true;
        }

        private static bool TryUInt32(FlatJsonReader r, out uint value)
        {
            value = 0;
            if (r.Kind != JsonValueKind.Integer || r.Integer < 0 || r.Integer > uint.MaxValue)
            {
                return false;
            }

            value = (uint)r.Integer;
            return true;
        }

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
