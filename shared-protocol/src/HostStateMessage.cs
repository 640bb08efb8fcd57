namespace Jidoka.Protocol
{
    /// <summary>
    /// The bridge's retained online state, as Sparkplug's primary-host STATE: online when the bridge
    /// connects, offline as its MQTT last will. Nodes keep events journaled (and stop expecting acks)
    /// while it is offline. Layout (31 bytes): version u8, type u8 = 8, online u8 (0 or 1),
    /// hostId 16 B, sessionStartUnixMs i64, CRC-32.
    /// </summary>
    public sealed class HostStateMessage : IWireMessage
    {
        /// <summary>Encoded size in bytes.</summary>
        public const int EncodedSize = 27 + Crc32.SizeBytes;

        private readonly FieldCursor _cursor = new FieldCursor();

        /// <summary>Creates an empty state.</summary>
        public HostStateMessage()
        {
            HostId = "";
        }

        /// <summary>True when the bridge is online.</summary>
        public bool Online { get; set; }

        /// <summary>The bridge's host id.</summary>
        public string HostId { get; set; }

        /// <summary>When the bridge's current MQTT session started, Unix ms; lets nodes tell a restart from a repeat.</summary>
        public long SessionStartUnixMs { get; set; }

        /// <summary>Encodes the state; allocation-free.</summary>
        public EncodeResult TryEncode(byte[] buffer, int offset)
        {
            if (!Identifiers.IsValidId(HostId))
            {
                return EncodeResult.Refuse(EncodeStatus.ImpossibleValue, "hostId");
            }

            FieldCursor c = _cursor;
            if (!Envelope.BeginWrite(c, buffer, offset, EncodedSize, MessageType.HostState))
            {
                return EncodeResult.Refuse(EncodeStatus.BufferTooSmall, "buffer");
            }

            c.WriteUInt8(Online ? (byte)1 : (byte)0);
            c.WriteFixedId(ProtocolLimits.IdentifierMaxLength, HostId);
            c.WriteInt64(SessionStartUnixMs);
            return Envelope.Seal(c);
        }

        /// <summary>Decodes a state into this instance. Never throws.</summary>
        public DecodeResult TryDecode(byte[] buffer, int offset, int length)
        {
            DecodeResult check = Envelope.CheckHead(buffer, offset, length, MessageType.HostState);
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
            byte online = c.ReadUInt8();
            if (online > 1)
            {
                return DecodeResult.Reject(RejectReason.ImpossibleValue, "online");
            }

            if (!c.TryReadFixedId(ProtocolLimits.IdentifierMaxLength, false, false, out string hostId))
            {
                return DecodeResult.Reject(RejectReason.ImpossibleValue, "hostId");
            }

            Online = online == 1;
            HostId = hostId;
            SessionStartUnixMs = c.ReadInt64();
            return c.DecodeOutcome();
        }

        /// <summary>Lists the fields for vectors and diagnostics.</summary>
        public void Describe(FieldList fields)
        {
            fields.Add("messageType", "host-state");
            fields.Add("online", Online);
            fields.Add("hostId", HostId);
            fields.Add("sessionStartUnixMs", SessionStartUnixMs);
        }
    }
}
