namespace Jidoka.Protocol
{
    /// <summary>
    /// The body of every event: for a trip, the decision record (which rule fired on which input, the
    /// value that crossed and the limit it crossed, the inputs the node saw, the response class, when
    /// it was detected and how long the output took to drop); for other events the same fields carry
    /// what docs/protocol.md §Event bodies lists per event type. Fixed layout, 88 bytes.
    /// </summary>
    public sealed class DecisionRecord
    {
        /// <summary>Encoded size in bytes.</summary>
        public const int SizeBytes = 88;

        /// <summary>Creates an empty record.</summary>
        public DecisionRecord()
        {
            OperatorId = "";
        }

        /// <summary>The rule that fired, or <see cref="TripRule.None"/>.</summary>
        public TripRule Rule { get; set; }

        /// <summary>The response class the policy maps the rule to; set only on trips.</summary>
        public ResponseClass Response { get; set; }

        /// <summary>The input concerned.</summary>
        public InputChannel Channel { get; set; }

        /// <summary>Event-type specific code: <see cref="ResetSource"/>, <see cref="CommandReason"/> or <see cref="PolicyProblem"/>.</summary>
        public byte ReasonCode { get; set; }

        /// <summary>The value that crossed (unit of the channel: mN, 1/10 000, ms, µs, bits).</summary>
        public long ObservedValue { get; set; }

        /// <summary>The limit it crossed, same unit.</summary>
        public long LimitValue { get; set; }

        /// <summary>How many consecutive samples the condition held when the rule fired.</summary>
        public ushort ConsecutiveSamples { get; set; }

        /// <summary>Force at detection, milli-newtons.</summary>
        public int ForceMilliNewtons { get; set; }

        /// <summary>Vision confidence at detection, 1/10 000.</summary>
        public ushort VisionConfidence { get; set; }

        /// <summary>Age of the vision confidence at detection, ms.</summary>
        public ushort VisionAgeMs { get; set; }

        /// <summary>Interlock bits at detection.</summary>
        public byte InterlockBits { get; set; }

        /// <summary>Sample flags at detection.</summary>
        public byte SampleFlags { get; set; }

        /// <summary>Monotonic time the condition was detected, µs since boot.</summary>
        public ulong DetectMonoUs { get; set; }

        /// <summary>Detection to stop output de-energized, µs (time-to-safe-state as the node measured it).</summary>
        public uint LatencyUs { get; set; }

        /// <summary>Event this one refers to (a reset names its trip), 0 for none.</summary>
        public ulong RelatedEventId { get; set; }

        /// <summary>Event-type specific argument (policy id, calibration tag, command id).</summary>
        public uint Argument { get; set; }

        /// <summary>Operator or technician who caused the event, or an empty string.</summary>
        public string OperatorId { get; set; }

        /// <summary>Resets every field to its empty value, keeping the instance.</summary>
        public void Clear()
        {
            Rule = TripRule.None;
            Response = ResponseClass.None;
            Channel = InputChannel.None;
            ReasonCode = 0;
            ObservedValue = 0;
            LimitValue = 0;
            ConsecutiveSamples = 0;
            ForceMilliNewtons = 0;
            VisionConfidence = 0;
            VisionAgeMs = 0;
            InterlockBits = 0;
            SampleFlags = 0;
            DetectMonoUs = 0;
            LatencyUs = 0;
            RelatedEventId = 0;
            Argument = 0;
            OperatorId = "";
        }

        /// <summary>Copies every field from <paramref name="other"/>.</summary>
        public void CopyFrom(DecisionRecord other)
        {
            Rule = other.Rule;
            Response = other.Response;
            Channel = other.Channel;
            ReasonCode = other.ReasonCode;
            ObservedValue = other.ObservedValue;
            LimitValue = other.LimitValue;
            ConsecutiveSamples = other.ConsecutiveSamples;
            ForceMilliNewtons = other.ForceMilliNewtons;
            VisionConfidence = other.VisionConfidence;
            VisionAgeMs = other.VisionAgeMs;
            InterlockBits = other.InterlockBits;
            SampleFlags = other.SampleFlags;
            DetectMonoUs = other.DetectMonoUs;
            LatencyUs = other.LatencyUs;
            RelatedEventId = other.RelatedEventId;
            Argument = other.Argument;
            OperatorId = other.OperatorId;
        }

        /// <summary>Writes the record at the cursor. The caller has checked the values.</summary>
        public void Write(FieldCursor cursor)
        {
            cursor.WriteUInt8((byte)Rule);
            cursor.WriteUInt8((byte)Response);
            cursor.WriteUInt8((byte)Channel);
            cursor.WriteUInt8(ReasonCode);
            cursor.WriteInt64(ObservedValue);
            cursor.WriteInt64(LimitValue);
            cursor.WriteUInt16(ConsecutiveSamples);
            SampleCodec.Write(cursor, ForceMilliNewtons, VisionConfidence, VisionAgeMs, InterlockBits, SampleFlags);
            cursor.WriteUInt64(DetectMonoUs);
            cursor.WriteUInt32(LatencyUs);
            cursor.WriteUInt64(RelatedEventId);
            cursor.WriteUInt32(Argument);
            cursor.WriteFixedId(ProtocolLimits.PersonIdMaxLength, OperatorId);
        }

        /// <summary>Reads the record at the cursor; returns the field at fault, or an empty string.</summary>
        public string Read(FieldCursor cursor)
        {
            Rule = (TripRule)cursor.ReadUInt8();
            Response = (ResponseClass)cursor.ReadUInt8();
            Channel = (InputChannel)cursor.ReadUInt8();
            ReasonCode = cursor.ReadUInt8();
            ObservedValue = cursor.ReadInt64();
            LimitValue = cursor.ReadInt64();
            ConsecutiveSamples = cursor.ReadUInt16();
            SampleCodec.Read(cursor, out int force, out ushort confidence, out ushort age, out byte interlocks, out byte flags);
            ForceMilliNewtons = force;
            VisionConfidence = confidence;
            VisionAgeMs = age;
            InterlockBits = interlocks;
            SampleFlags = flags;
            DetectMonoUs = cursor.ReadUInt64();
            LatencyUs = cursor.ReadUInt32();
            RelatedEventId = cursor.ReadUInt64();
            Argument = cursor.ReadUInt32();
            if (!cursor.TryReadFixedId(ProtocolLimits.PersonIdMaxLength, true, true, out string operatorId))
            {
                return "operatorId";
            }

            OperatorId = operatorId;
            return "";
        }

        /// <summary>Lists the fields for vectors and diagnostics.</summary>
        public void Describe(FieldList fields)
        {
            fields.Add("rule", TripRuleNames.Name(Rule));
            fields.Add("response", ResponseClassNames.Name(Response));
            fields.Add("channel", InputChannelNames.Name(Channel));
            fields.Add("reasonCode", ReasonCode);
            fields.Add("observedValue", ObservedValue);
            fields.Add("limitValue", LimitValue);
            fields.Add("consecutiveSamples", ConsecutiveSamples);
            fields.Add("forceMilliNewtons", ForceMilliNewtons);
            fields.Add("visionConfidence", VisionConfidence);
            fields.Add("visionAgeMs", VisionAgeMs);
            fields.Add("interlockBits", InterlockBits);
            fields.Add("sampleFlags", SampleFlags);
            fields.AddUnsigned("detectMonoUs", DetectMonoUs);
            fields.Add("latencyUs", LatencyUs);
            fields.AddUnsigned("relatedEventId", RelatedEventId);
            fields.Add("argument", Argument);
            fields.Add("operatorId", OperatorId);
        }
    }
}
