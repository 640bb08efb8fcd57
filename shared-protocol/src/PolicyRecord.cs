namespace Jidoka.Protocol
{
    /// <summary>
    /// A versioned trip policy: the limits every rule uses and the response class each rule maps to.
    /// The same 47-byte record travels in apply-policy commands, is stored by node and bridge, and is
    /// what <see cref="ComputeHash"/> covers, so "policy 7, hash 1a2b3c4d" names exactly one set of limits.
    /// </summary>
    /// <remarks>
    /// Layout (little-endian): policyId u32, forceLimitMilliNewtons i32, forceWarnMilliNewtons i32,
    /// forceOverLimitMs u16, forceRangeMinMilliNewtons i32, forceRangeMaxMilliNewtons i32,
    /// forceStuckMs u16, visionMinConfidence u16, visionMaxAgeMs u16, interlockDebounceMs u16,
    /// discrepancyMs u16, loopPeriodUs u32, loopDeadlineUs u32, then one response-class byte for each
    /// of force-over-limit, vision-low-confidence, vision-stale, interlock-open, channel-discrepancy,
    /// sensor-fault, loop-overrun.
    /// </remarks>
    public sealed partial class PolicyRecord
    {
        /// <summary>Encoded size in bytes.</summary>
        public const int SizeBytes = 47;

        /// <summary>Longest over-limit window, ms. A force held over the limit for a second is a jam, not a transient.</summary>
        public const int ForceOverLimitMsMax = 1000;

        /// <summary>
        /// Shortest stuck window, ms: two readings 1 ms apart at the fastest period a node can hold. Each node
        /// also refuses a window under two of its own sample intervals (see the node's policy check).
        /// </summary>
        public const int ForceStuckMsMin = 2;

        /// <summary>Longest vision age limit, ms.</summary>
        public const int VisionMaxAgeMsMax = 60000;

        /// <summary>Longest interlock debounce, ms.</summary>
        public const int InterlockDebounceMsMax = 1000;

        /// <summary>Longest discrepancy time, ms.</summary>
        public const int DiscrepancyMsMax = 10000;

        /// <summary>Shortest loop period, µs.</summary>
        public const int LoopPeriodUsMin = 100;

        /// <summary>Longest loop period, µs.</summary>
        public const int LoopPeriodUsMax = 100000;

        // The rules that trip, in the order their response bytes are stored. Near-miss has no
        // response because it never trips.
        private static readonly TripRule[] RespondingRules =
        {
            TripRule.ForceOverLimit, TripRule.VisionLowConfidence, TripRule.VisionStale, TripRule.InterlockOpen,
            TripRule.ChannelDiscrepancy, TripRule.SensorFault, TripRule.LoopOverrun,
        };

        private readonly byte[] _responses = new byte[(int)HighestRule + 1];
        private readonly byte[] _hashScratch = new byte[SizeBytes];
        private readonly FieldCursor _cursor = new FieldCursor();

        private const TripRule HighestRule = TripRule.LoopOverrun;

        /// <summary>Policy id; a new id for every change. 1 or more.</summary>
        public uint PolicyId { get; set; }

        /// <summary>Force at or above which a sample counts as over the limit, mN.</summary>
        public int ForceLimitMilliNewtons { get; set; }

        /// <summary>Force at or above which (and below the limit) a sample is in the near-miss band, mN.</summary>
        public int ForceWarnMilliNewtons { get; set; }

        /// <summary>
        /// How long force must stay at or over the limit before it trips, ms, 1..1000. A node turns it into a
        /// count of consecutive readings when the policy is applied: ceil(ms × 1000 / sample interval µs).
        /// </summary>
        public ushort ForceOverLimitMs { get; set; }

        /// <summary>Lowest plausible force reading; below it the sensor is faulted, mN.</summary>
        public int ForceRangeMinMilliNewtons { get; set; }

        /// <summary>Highest plausible force reading; above it the sensor is faulted (saturated), mN.</summary>
        public int ForceRangeMaxMilliNewtons { get; set; }

        /// <summary>
        /// How long the raw reading may repeat exactly before the sensor counts as stuck, ms, 2 or more; a node
        /// turns it into a count of identical readings when the policy is applied, like <see cref="ForceOverLimitMs"/>.
        /// </summary>
        public ushort ForceStuckMs { get; set; }

        /// <summary>Vision confidence below which the vision rule trips, 1/10 000.</summary>
        public ushort VisionMinConfidence { get; set; }

        /// <summary>Vision confidence older than this is stale, ms.</summary>
        public ushort VisionMaxAgeMs { get; set; }

        /// <summary>An interlock channel must hold a new level this long before it counts, ms.</summary>
        public ushort InterlockDebounceMs { get; set; }

        /// <summary>Two channels of an interlock may disagree this long before it trips, ms.</summary>
        public ushort DiscrepancyMs { get; set; }

        /// <summary>Trip loop period, µs.</summary>
        public uint LoopPeriodUs { get; set; }

        /// <summary>A loop step longer than this is an overrun, µs.</summary>
        public uint LoopDeadlineUs { get; set; }

        /// <summary>The response class the policy maps <paramref name="rule"/> to.</summary>
        public ResponseClass ResponseFor(TripRule rule) =>
            (int)rule < _responses.Length ? (ResponseClass)_responses[(int)rule] : ResponseClass.None;

        /// <summary>Sets the response class for a rule that trips.</summary>
        public void SetResponse(TripRule rule, ResponseClass response)
        {
            if ((int)rule < _responses.Length)
            {
                _responses[(int)rule] = (byte)response;
            }
        }

        /// <summary>Copies every field from <paramref name="other"/>.</summary>
        public void CopyFrom(PolicyRecord other)
        {
            PolicyId = other.PolicyId;
            ForceLimitMilliNewtons = other.ForceLimitMilliNewtons;
            ForceWarnMilliNewtons = other.ForceWarnMilliNewtons;
            ForceOverLimitMs = other.ForceOverLimitMs;
            ForceRangeMinMilliNewtons = other.ForceRangeMinMilliNewtons;
            ForceRangeMaxMilliNewtons = other.ForceRangeMaxMilliNewtons;
            ForceStuckMs = other.ForceStuckMs;
            VisionMinConfidence = other.VisionMinConfidence;
            VisionMaxAgeMs = other.VisionMaxAgeMs;
            InterlockDebounceMs = other.InterlockDebounceMs;
            DiscrepancyMs = other.DiscrepancyMs;
            LoopPeriodUs = other.LoopPeriodUs;
            LoopDeadlineUs = other.LoopDeadlineUs;
            for (int i = 0; i < _responses.Length; i++)
            {
                _responses[i] = other._responses[i];
            }
        }

        /// <summary>Writes the record at the cursor.</summary>
        public void Write(FieldCursor cursor)
        {
            cursor.WriteUInt32(PolicyId);
            cursor.WriteInt32(ForceLimitMilliNewtons);
            cursor.WriteInt32(ForceWarnMilliNewtons);
            cursor.WriteUInt16(ForceOverLimitMs);
            cursor.WriteInt32(ForceRangeMinMilliNewtons);
            cursor.WriteInt32(ForceRangeMaxMilliNewtons);
            cursor.WriteUInt16(ForceStuckMs);
            cursor.WriteUInt16(VisionMinConfidence);
            cursor.WriteUInt16(VisionMaxAgeMs);
            cursor.WriteUInt16(InterlockDebounceMs);
            cursor.WriteUInt16(DiscrepancyMs);
            cursor.WriteUInt32(LoopPeriodUs);
            cursor.WriteUInt32(LoopDeadlineUs);
            for (int i = 0; i < RespondingRules.Length; i++)
            {
                cursor.WriteUInt8(_responses[(int)RespondingRules[i]]);
            }
        }

        /// <summary>Reads the record at the cursor. Structure only: call <see cref="Validate"/> before using it.</summary>
        public void Read(FieldCursor cursor)
        {
            PolicyId = cursor.ReadUInt32();
            ForceLimitMilliNewtons = cursor.ReadInt32();
            ForceWarnMilliNewtons = cursor.ReadInt32();
            ForceOverLimitMs = cursor.ReadUInt16();
            ForceRangeMinMilliNewtons = cursor.ReadInt32();
            ForceRangeMaxMilliNewtons = cursor.ReadInt32();
            ForceStuckMs = cursor.ReadUInt16();
            VisionMinConfidence = cursor.ReadUInt16();
            VisionMaxAgeMs = cursor.ReadUInt16();
            InterlockDebounceMs = cursor.ReadUInt16();
            DiscrepancyMs = cursor.ReadUInt16();
            LoopPeriodUs = cursor.ReadUInt32();
            LoopDeadlineUs = cursor.ReadUInt32();
            for (int i = 0; i < _responses.Length; i++)
            {
                _responses[i] = 0;
            }

            for (int i = 0; i < RespondingRules.Length; i++)
            {
                _responses[(int)RespondingRules[i]] = cursor.ReadUInt8();
            }
        }

        /// <summary>
        /// Writes the record into <paramref name="buffer"/> at <paramref name="offset"/>, for stores and
        /// tools that keep the bare record. The caller provides the room: a window outside the buffer is
        /// a programming error and throws, as indexing past an array would.
        /// </summary>
        public void Write(byte[] buffer, int offset)
        {
            OpenWindow(buffer, offset);
            Write(_cursor);
        }

        /// <summary>
        /// Reads the record from <paramref name="buffer"/> at <paramref name="offset"/>; a window outside
        /// the buffer throws, as in <see cref="Write(byte[], int)"/>. Structure only: call
        /// <see cref="Validate"/> before using it.
        /// </summary>
        public void Read(byte[] buffer, int offset)
        {
            OpenWindow(buffer, offset);
            Read(_cursor);
        }

        private void OpenWindow(byte[] buffer, int offset)
        {
            _cursor.Reset(buffer, offset, SizeBytes);
            if (_cursor.Overran)
            {
                throw new System.ArgumentOutOfRangeException("offset");
            }
        }

        /// <summary>CRC-32 of the encoded record: the "policy hash" frames and events carry.</summary>
        public uint ComputeHash()
        {
            _cursor.Reset(_hashScratch, 0, SizeBytes);
            Write(_cursor);
            return Crc32.Compute(_hashScratch, 0, SizeBytes);
        }

        /// <summary>Lists the fields for vectors and diagnostics, each prefixed with <paramref name="prefix"/>.</summary>
        public void Describe(FieldList fields, string prefix)
        {
            fields.Add(prefix + "policyId", PolicyId);
            fields.Add(prefix + "forceLimitMilliNewtons", ForceLimitMilliNewtons);
            fields.Add(prefix + "forceWarnMilliNewtons", ForceWarnMilliNewtons);
            fields.Add(prefix + "forceOverLimitMs", ForceOverLimitMs);
            fields.Add(prefix + "forceRangeMinMilliNewtons", ForceRangeMinMilliNewtons);
            fields.Add(prefix + "forceRangeMaxMilliNewtons", ForceRangeMaxMilliNewtons);
            fields.Add(prefix + "forceStuckMs", ForceStuckMs);
            fields.Add(prefix + "visionMinConfidence", VisionMinConfidence);
            fields.Add(prefix + "visionMaxAgeMs", VisionMaxAgeMs);
            fields.Add(prefix + "interlockDebounceMs", InterlockDebounceMs);
            fields.Add(prefix + "discrepancyMs", DiscrepancyMs);
            fields.Add(prefix + "loopPeriodUs", LoopPeriodUs);
            fields.Add(prefix + "loopDeadlineUs", LoopDeadlineUs);
            for (int i = 0; i < RespondingRules.Length; i++)
            {
                TripRule rule = RespondingRules[i];
                fields.Add(prefix + "response." + TripRuleNames.Name(rule), ResponseClassNames.Name(ResponseFor(rule)));
            }

            fields.AddHex32(prefix + "hash", ComputeHash());
        }
    }
}
