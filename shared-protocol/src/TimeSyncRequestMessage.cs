namespace Jidoka.Protocol
{
    /// <summary>
    /// A node's time-sync request, NTP-style: it carries t1 (node monotonic µs when sent) and the node's
    /// current offset estimate so the bridge can log skew. Layout (47 bytes): version u8, type u8 = 6,
    /// timeQuality u8, nodeId 16 B, requestId u32, t1NodeMonoUs u64, currentOffsetUs i64,
    /// currentUncertaintyUs u32, CRC-32.
    /// </summary>
    public sealed class TimeSyncRequestMessage : IWireMessage
    {
        /// <summary>Encoded size in bytes.</summary>
        public const int EncodedSize = 43 + Crc32.SizeBytes;

        private readonly FieldCursor _cursor = new FieldCursor();

        /// <summary>Creates an empty request.</summary>
        public TimeSyncRequestMessage()
        {
            NodeId = "";
        }

        /// <summary>The node's time quality when it sent the request.</summary>
        public TimeQuality TimeQuality { get; set; }

        /// <summary>The requesting node.</summary>
        public string NodeId { get; set; }

        /// <summary>Correlates request and response.</summary>
        public uint RequestId { get; set; }

        /// <summary>t1: node monotonic time when sent, µs since boot.</summary>
        public ulong T1NodeMonoUs { get; set; }

        /// <summary>The node's current wall-clock offset estimate, µs.</summary>
        public long CurrentOffsetUs { get; set; }

        /// <summary>The node's current uncertainty, µs.</summary>
        public uint CurrentUncertaintyUs { get; set; }

        /// <summary>Encodes the request; allocation-free.</summary>
        public EncodeResult TryEncode(byte[] buffer, int offset)
        {
            string bad = FindImpossibleField();
            if (bad.Length != 0)
            {
                return EncodeResult.Refuse(EncodeStatus.ImpossibleValue, bad);
            }

            FieldCursor c = _cursor;
            if (!Envelope.BeginWrite(c, buffer, offset, EncodedSize, MessageType.TimeSyncRequest))
            {
                return EncodeResult.Refuse(EncodeStatus.BufferTooSmall, "buffer");
            }

            c.WriteUInt8((byte)TimeQuality);
            c.WriteFixedId(ProtocolLimits.IdentifierMaxLength, NodeId);
            c.WriteUInt32(RequestId);
            c.WriteUInt64(T1NodeMonoUs);
            c.WriteInt64(CurrentOffsetUs);
            c.WriteUInt32(CurrentUncertaintyUs);
            return Envelope.Seal(c);
        }

        /// <summary>Decodes a request into this instance. Never throws.</summary>
        public DecodeResult TryDecode(byte[] buffer, int offset, int length)
        {
            DecodeResult check = Envelope.CheckHead(buffer, offset, length, MessageType.TimeSyncRequest);
            if (check.IsAccepted)
            {
                check = Envelope.CheckLengthAndCrc(buffer, offset, length, EncodedSize);
            }

            if (!check.IsAccepted)
            {
                return check;
            }

            FieldCursor c = _cursor;
            Envelope.BeginRead(c, buffer, offset, length);
            TimeQuality = (TimeQuality)c.ReadUInt8();
            if (!c.TryReadFixedId(ProtocolLimits.IdentifierMaxLength, false, false, out string nodeId))
            {
                return DecodeResult.Reject(RejectReason.ImpossibleValue, "nodeId");
            }

            NodeId = nodeId;
            RequestId = c.ReadUInt32();
            T1NodeMonoUs = c.ReadUInt64();
            CurrentOffsetUs = c.ReadInt64();
            CurrentUncertaintyUs = c.ReadUInt32();
            if (c.Overran)
            {
                return c.DecodeOutcome();
            }

            string bad = FindImpossibleField();
            return bad.Length == 0 ? DecodeResult.Accepted : DecodeResult.Reject(RejectReason.ImpossibleValue, bad);
        }

        /// <summary>The first field holding an impossible value, or an empty string.</summary>
        public string FindImpossibleField()
        {
            if (!TimeQualityNames.IsDefined(TimeQuality))
            {
                return "timeQuality";
            }

            return Identifiers.IsValidId(NodeId) ? "" : "nodeId";
        }

        /// <summary>Lists the fields for vectors and diagnostics.</summary>
        public void Describe(FieldList fields)
        {
            fields.Add("messageType", "time-sync-request");
            fields.Add("timeQuality", TimeQualityNames.Name(TimeQuality));
            fields.Add("nodeId", NodeId);
            fields.Add("requestId", RequestId);
            fields.AddUnsigned("t1NodeMonoUs", T1NodeMonoUs);
            fields.Add("currentOffsetUs", CurrentOffsetUs);
            fields.Add("currentUncertaintyUs", CurrentUncertaintyUs);
        }
    }
}
