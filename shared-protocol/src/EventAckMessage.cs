namespace Jidoka.Protocol
{
    /// <summary>
    /// The bridge's acknowledgement of events it has durably stored. The node drops an event from its
    /// journal only when an ack names its id. Layout: version u8, type u8 = 3, count u8 (1..32),
    /// nodeId 16 B, count × eventId u64, CRC-32.
    /// </summary>
    public sealed class EventAckMessage : IWireMessage
    {
        private const int HeaderBytes = 19;

        private readonly FieldCursor _cursor = new FieldCursor();

        /// <summary>Creates an empty ack with room for the maximum number of ids.</summary>
        public EventAckMessage()
        {
            NodeId = "";
            EventIds = new ulong[ProtocolLimits.MaxAckIdsPerMessage];
        }

        /// <summary>Node the acknowledged events came from.</summary>
        public string NodeId { get; set; }

        /// <summary>Number of ids in use, 1..<see cref="ProtocolLimits.MaxAckIdsPerMessage"/>.</summary>
        public int Count { get; set; }

        /// <summary>Acknowledged event ids; the first <see cref="Count"/> are in use.</summary>
        public ulong[] EventIds { get; }

        /// <summary>Encoded size of an ack carrying <paramref name="count"/> ids.</summary>
        public static int EncodedSize(int count) => HeaderBytes + (8 * count) + Crc32.SizeBytes;

        /// <summary>Writes the ack; allocation-free; refuses impossible values.</summary>
        public EncodeResult TryEncode(byte[] buffer, int offset)
        {
            string bad = FindImpossibleField();
            if (bad.Length != 0)
            {
                return EncodeResult.Refuse(EncodeStatus.ImpossibleValue, bad);
            }

            FieldCursor c = _cursor;
            if (!Envelope.BeginWrite(c, buffer, offset, EncodedSize(Count), MessageType.EventAck))
            {
                return EncodeResult.Refuse(EncodeStatus.BufferTooSmall, "buffer");
            }

            c.WriteUInt8((byte)Count);
            c.WriteFixedId(ProtocolLimits.IdentifierMaxLength, NodeId);
            for (int i = 0; i < Count; i++)
            {
                c.WriteUInt64(EventIds[i]);
            }

            return Envelope.Seal(c);
        }

        /// <summary>Decodes an ack into this instance. Never throws.</summary>
        public DecodeResult TryDecode(byte[] buffer, int offset, int length)
        {
            DecodeResult head = Envelope.CheckHead(buffer, offset, length, MessageType.EventAck);
            if (!head.IsAccepted)
            {
                return head;
            }

            if (length < EncodedSize(1))
            {
                return DecodeResult.Reject(RejectReason.TooShort, "length");
            }

            FieldCursor c = _cursor;
            Envelope.BeginRead(c, buffer, offset, length);
            int count = c.ReadUInt8();
            if (count < 1 || count > ProtocolLimits.MaxAckIdsPerMessage)
            {
                return DecodeResult.Reject(RejectReason.ImpossibleValue, "count");
            }

            DecodeResult framing = Envelope.CheckLengthAndCrc(buffer, offset, length, EncodedSize(count));
            if (!framing.IsAccepted)
            {
                return framing;
            }

            if (!c.TryReadFixedId(ProtocolLimits.IdentifierMaxLength, false, false, out string nodeId))
            {
                return DecodeResult.Reject(RejectReason.ImpossibleValue, "nodeId");
            }

            NodeId = nodeId;
            Count = count;
            for (int i = 0; i < count; i++)
            {
                EventIds[i] = c.ReadUInt64();
            }

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
            if (Count < 1 || Count > ProtocolLimits.MaxAckIdsPerMessage)
            {
                return "count";
            }

            if (!Identifiers.IsValidId(NodeId))
            {
                return "nodeId";
            }

            for (int i = 0; i < Count; i++)
            {
                if (EventIds[i] == 0)
                {
                    return "eventId";
                }
            }

            return "";
        }

        /// <summary>Lists the fields for vectors and diagnostics.</summary>
        public void Describe(FieldList fields)
        {
            fields.Add("messageType", "event-ack");
            fields.Add("nodeId", NodeId);
            fields.Add("count", Count);
            for (int i = 0; i < Count && i < EventIds.Length; i++)
            {
                fields.AddUnsigned("eventId[" + i.ToString() + "]", EventIds[i]);
            }
        }
    }
}
