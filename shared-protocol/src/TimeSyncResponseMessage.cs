namespace Jidoka.Protocol
{
    /// <summary>
    /// The bridge's time-sync response: t1 echoed, t2 (bridge wall clock when the request arrived) and
    /// t3 (bridge wall clock when the response left). The node takes t4 from its own monotonic clock on
    /// receipt; offset = ((t2 - t1) + (t3 - t4)) / 2 and round-trip delay = (t4 - t1) - (t3 - t2), as in
    /// NTP. Layout (50 bytes): version u8, type u8 = 7, nodeId 16 B, requestId u32, t1NodeMonoUs u64,
    /// t2ReceiveUnixUs i64, t3TransmitUnixUs i64, CRC-32.
    /// </summary>
    public sealed class TimeSyncResponseMessage : IWireMessage
    {
        /// <summary>Encoded size in bytes.</summary>
        public const int EncodedSize = 46 + Crc32.SizeBytes;

        private readonly FieldCursor _cursor = new FieldCursor();

        /// <summary>Creates an empty response.</summary>
        public TimeSyncResponseMessage()
        {
            NodeId = "";
        }

        /// <summary>The node the response is for.</summary>
        public string NodeId { get; set; }

        /// <summary>The request answered.</summary>
        public uint RequestId { get; set; }

        /// <summary>t1 echoed from the request, node µs since boot.</summary>
        public ulong T1NodeMonoUs { get; set; }

        /// <summary>t2: bridge wall clock when the request arrived, Unix µs.</summary>
        public long T2ReceiveUnixUs { get; set; }

        /// <summary>t3: bridge wall clock when the response left, Unix µs.</summary>
        public long T3TransmitUnixUs { get; set; }

        /// <summary>Encodes the response; allocation-free.</summary>
        public EncodeResult TryEncode(byte[] buffer, int offset)
        {
            string bad = FindImpossibleField();
            if (bad.Length != 0)
            {
                return EncodeResult.Refuse(EncodeStatus.ImpossibleValue, bad);
            }

            FieldCursor c = _cursor;
            if (!Envelope.BeginWrite(c, buffer, offset, EncodedSize, MessageType.TimeSyncResponse))
            {
                return EncodeResult.Refuse(EncodeStatus.BufferTooSmall, "buffer");
            }

            c.WriteFixedId(ProtocolLimits.IdentifierMaxLength, NodeId);
            c.WriteUInt32(RequestId);
            c.WriteUInt64(T1NodeMonoUs);
            c.WriteInt64(T2ReceiveUnixUs);
            c.WriteInt64(T3TransmitUnixUs);
            return Envelope.Seal(c);
        }

        /// <summary>Decodes a response into this instance. Never throws.</summary>
        public DecodeResult TryDecode(byte[] buffer, int offset, int length)
        {
            DecodeResult check = Envelope.CheckHead(buffer, offset, length, MessageType.TimeSyncResponse);
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
            if (!c.TryReadFixedId(ProtocolLimits.IdentifierMaxLength, false, false, out string nodeId))
            {
                return DecodeResult.Reject(RejectReason.ImpossibleValue, "nodeId");
            }

            NodeId = nodeId;
            RequestId = c.ReadUInt32();
            T1NodeMonoUs = c.ReadUInt64();
            T2ReceiveUnixUs = c.ReadInt64();
            T3TransmitUnixUs = c.ReadInt64();
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
            if (!Identifiers.IsValidId(NodeId))
            {
                return "nodeId";
            }

            if (T2ReceiveUnixUs <= 0)
            {
                return "t2ReceiveUnixUs";
            }

            // The bridge cannot send its answer before it received the question.
            return T3TransmitUnixUs < T2ReceiveUnixUs ? "t3TransmitUnixUs" : "";
        }

        /// <summary>Lists the fields for vectors and diagnostics.</summary>
        public void Describe(FieldList fields)
        {
            fields.Add("messageType", "time-sync-response");
            fields.Add("nodeId", NodeId);
            fields.Add("requestId", RequestId);
            fields.AddUnsigned("t1NodeMonoUs", T1NodeMonoUs);
            fields.Add("t2ReceiveUnixUs", T2ReceiveUnixUs);
            fields.Add("t3TransmitUnixUs", T3TransmitUnixUs);
        }
    }
}
