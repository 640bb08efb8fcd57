namespace Jidoka.Protocol
{
    /// <summary>
    /// A versioned trip policy: the limits every rule uses and the response class each rule maps to.
    /// The same 47-byte record travels in apply-policy commands, is stored by node and bridge, and is
    /// what <see cref="ComputeHash"/> covers, so "policy 7, hash 1a2b3c4d" names exactly one set of limits.
    /// </summary>
    /// <remarks>
    /// Layout (little-endian): policyId u32, forceLimitMilliNewtons i32, forceWarnMilliNewtons i32,
    /// forceOverLimitSamples u16, forceRangeMinMilliNewtons i32, forceRangeMaxMilliNewtons i32,
    /// forceStuckSamples u16, visionMinConfidence u16, visionMaxAgeMs u16, interlockDebounceMs u16,
    /// discrepancyMs u16, loopPeriodUs u32, loopDeadlineUs u32, then one response-class byte for each
    /// of force-over-limit, vision-low-confidence, vision-stale, interlock-open, channel-discrepancy,
    /// sensor-fault, loop-overrun.
    /// </remarks>
    public sealed class PolicyRecord
    {
        /// <summary>Encoded size in bytes.</summary>
        public const int SizeBytes = 47;

        /// <summary>Most consecutive over-limit samples a policy may require.</summary>
        public const int ForceOverLimitSamplesMax = 1000;

        /// <summary>Fewest identical raw readings that count as a stuck sensor.</summary>
        public const int ForceStuckSamplesMin = 2;

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

        private const TripRule HighestRule = TripRule.LoopOverrun;

        /// <summary>Policy id; a new id for every change. 1 or more.</summary>
        public uint PolicyId { get; set; }

        /// <summary>Force at or above which a sample counts as over the limit, mN.</summary>
        public int ForceLimitMilliNewtons { get; set; }

        /// <summary>Force at or above which (and below the limit) a sample is in the near-miss band, mN.</summary>
        public int ForceWarnMilliNewtons { get; set; }

        /// <summary>Consecutive over-limit samples that trip, 1..1000.</summary>
        public ushort ForceOverLimitSamples { get; set; }

        /// <summary>Lowest plausible force reading; below it the sensor is faulted, mN.</summary>
        public int ForceRangeMinMilliNewtons { get; set; }

        /// <summary>Highest plausible force reading; above it the sensor is faulted (saturated), mN.</summary>
        public int ForceRangeMaxMilliNewtons { get; set; }

        /// <summary>Consecutive identical raw readings that count as a stuck sensor, 2 or more.</summary>
        public ushort ForceStuckSamples { get; set; }

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
            ForceOverLimitSamples = other.ForceOverLimitSamples;
            ForceRangeMinMilliNewtons = other.ForceRangeMinMilliNewtons;
            ForceRangeMaxMilliNewtons = other.ForceRangeMaxMilliNewtons;
            ForceStuckSamples = other.ForceStuckSamples;
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

        /// <summary>Writes the record. The caller has checked space.</summary>
        public void Write(byte[] buffer, int offset)
        {
            LittleEndian.WriteUInt32(buffer, offset, PolicyId);
            LittleEndian.WriteInt32(buffer, offset + 4, ForceLimitMilliNewtons);
            LittleEndian.WriteInt32(buffer, offset + 8, ForceWarnMilliNewtons);
            LittleEndian.WriteUInt16(buffer, offset + 12, ForceOverLimitSamples);
            LittleEndian.WriteInt32(buffer, offset + 14, ForceRangeMinMilliNewtons);
            LittleEndian.WriteInt32(buffer, offset + 18, ForceRangeMaxMilliNewtons);
            LittleEndian.WriteUInt16(buffer, offset + 22, ForceStuckSamples);
            LittleEndian.WriteUInt16(buffer, offset + 24, VisionMinConfidence);
            LittleEndian.WriteUInt16(buffer, offset + 26, VisionMaxAgeMs);
            LittleEndian.WriteUInt16(buffer, offset + 28, InterlockDebounceMs);
            LittleEndian.WriteUInt16(buffer, offset + 30, DiscrepancyMs);
            LittleEndian.WriteUInt32(buffer, offset + 32, LoopPeriodUs);
            LittleEndian.WriteUInt32(buffer, offset + 36, LoopDeadlineUs);
            for (int i = 0; i < RespondingRules.Length; i++)
            {
                buffer[offset + 40 + i] = _responses[(int)RespondingRules[i]];
            }
        }

        /// <summary>Reads the record. Structure only: call <see cref="Validate"/> before using it.</summary>
        public void Read(byte[] buffer, int offset)
        {
            PolicyId = LittleEndian.ReadUInt32(buffer, offset);
            ForceLimitMilliNewtons = LittleEndian.ReadInt32(buffer, offset + 4);
            ForceWarnMilliNewtons = LittleEndian.ReadInt32(buffer, offset + 8);
            ForceOverLimitSamples = LittleEndian.ReadUInt16(buffer, offset + 12);
            ForceRangeMinMilliNewtons = LittleEndian.ReadInt32(buffer, offset + 14);
            ForceRangeMaxMilliNewtons = LittleEndian.ReadInt32(buffer, offset + 18);
            ForceStuckSamples = LittleEndian.ReadUInt16(buffer, offset + 22);
            VisionMinConfidence = LittleEndian.ReadUInt16(buffer, offset + 24);
            VisionMaxAgeMs = LittleEndian.ReadUInt16(buffer, offset + 26);
            InterlockDebounceMs = LittleEndian.ReadUInt16(buffer, offset + 28);
            DiscrepancyMs = LittleEndian.ReadUInt16(buffer, offset + 30);
            LoopPeriodUs = LittleEndian.ReadUInt32(buffer, offset + 32);
            LoopDeadlineUs = LittleEndian.ReadUInt32(buffer, offset + 36);
            for (int i = 0; i < _responses.Length; i++)
            {
                _responses[i] = 0;
            }

            for (int i = 0; i < RespondingRules.Length; i++)
            {
                _responses[(int)RespondingRules[i]] = buffer[offset + 40 + i];
            }
        }

        /// <summary>CRC-32 of the encoded record: the "policy hash" frames and events carry.</summary>
        public uint ComputeHash()
        {
            Write(_hashScratch, 0);
            return Crc32.Compute(_hashScratch, 0, SizeBytes);
        }

        /// <summary>
        /// Checks ranges and consistency. Node and bridge both call this, so a policy the bridge
        /// accepts is one every node accepts.
        /// </summary>
        public PolicyProblem Validate()
        {
            if (PolicyId == 0)
            {
                return PolicyProblem.PolicyId;
            }

            if (ForceRangeMinMilliNewtons >= ForceRangeMaxMilliNewtons)
            {
                return PolicyProblem.ForceRange;
            }

            if (ForceLimitMilliNewtons <= 0 || ForceLimitMilliNewtons >= ForceRangeMaxMilliNewtons)
            {
                return PolicyProblem.ForceLimit;
            }

            if (ForceWarnMilliNewtons <= 0 || ForceWarnMilliNewtons >= ForceLimitMilliNewtons)
            {
                return PolicyProblem.ForceWarn;
            }

            if (ForceRangeMinMilliNewtons >= ForceWarnMilliNewtons)
            {
                return PolicyProblem.ForceRange;
            }

            if (ForceOverLimitSamples < 1 || ForceOverLimitSamples > ForceOverLimitSamplesMax)
            {
                return PolicyProblem.ForceOverLimitSamples;
            }

            if (ForceStuckSamples < ForceStuckSamplesMin)
            {
                return PolicyProblem.ForceStuckSamples;
            }

            if (VisionMinConfidence > ProtocolLimits.VisionConfidenceFullScale)
            {
                return PolicyProblem.VisionMinConfidence;
            }

            if (VisionMaxAgeMs < 1 || VisionMaxAgeMs > VisionMaxAgeMsMax)
            {
                return PolicyProblem.VisionMaxAge;
            }

            if (InterlockDebounceMs > InterlockDebounceMsMax)
            {
                return PolicyProblem.InterlockDebounce;
            }

            if (DiscrepancyMs < 1 || DiscrepancyMs > DiscrepancyMsMax || DiscrepancyMs <= InterlockDebounceMs)
            {
                return PolicyProblem.DiscrepancyTime;
            }

            if (LoopPeriodUs < LoopPeriodUsMin || LoopPeriodUs > LoopPeriodUsMax)
            {
                return PolicyProblem.LoopPeriod;
            }

            if (LoopDeadlineUs < 1 || LoopDeadlineUs > LoopPeriodUs)
            {
                return PolicyProblem.LoopDeadline;
            }

            for (int i = 0; i < RespondingRules.Length; i++)
            {
                ResponseClass response = (ResponseClass)_responses[(int)RespondingRules[i]];
                if (response == ResponseClass.None || !ResponseClassNames.IsDefined(response))
                {
                    return PolicyProblem.ResponseClass;
                }
            }

            return PolicyProblem.None;
        }

        /// <summary>Lists the fields for vectors and diagnostics, each prefixed with <paramref name="prefix"/>.</summary>
        public void Describe(FieldList fields, string prefix)
        {
            fields.Add(prefix + "policyId", PolicyId);
            fields.Add(prefix + "forceLimitMilliNewtons", ForceLimitMilliNewtons);
            fields.Add(prefix + "forceWarnMilliNewtons", ForceWarnMilliNewtons);
            fields.Add(prefix + "forceOverLimitSamples", ForceOverLimitSamples);
            fields.Add(prefix + "forceRangeMinMilliNewtons", ForceRangeMinMilliNewtons);
            fields.Add(prefix + "forceRangeMaxMilliNewtons", ForceRangeMaxMilliNewtons);
            fields.Add(prefix + "forceStuckSamples", ForceStuckSamples);
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
