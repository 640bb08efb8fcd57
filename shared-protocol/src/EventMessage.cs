namespace Jidoka.Protocol
{
    /// <summary>
    /// A journaled event. The node keeps it until the bridge acknowledges its <see cref="EventId"/>;
    /// a resend after reconnect carries the <see cref="Replayed"/> flag.
    /// </summary>
    public sealed class EventMessage : IWireMessage
    {
        /// <summary>Flag bit: sent again after an outage or reboot.</summary>
        public const byte Replayed = 0x01;

        /// <summary>Flag bits that must be zero.</summary>
        public const byte ReservedFlagsMask = 0xFE;

        /// <summary>Creates an empty event.</summary>
        public EventMessage()
        {
            NodeId = "";
            Provenance = new Provenance();
            Record = new DecisionRecord();
            Cursor = new FieldCursor();
        }

        /// <summary>The cursor this event's encodes and decodes reuse, so neither allocates.</summary>
        internal FieldCursor Cursor { get; }

        /// <summary>Event flags (bit 0: replayed).</summary>
        public byte Flags { get; set; }

        /// <summary>What the event records.</summary>
        public EventType Type { get; set; }

        /// <summary>Node id.</summary>
        public string NodeId { get; set; }

        /// <summary>Event id, 1 or more, strictly increasing per node across reboots.</summary>
        public ulong EventId { get; set; }

        /// <summary>Boot counter when the event happened.</summary>
        public uint BootId { get; set; }

        /// <summary>Monotonic time of the event, µs since boot.</summary>
        public ulong MonoUs { get; set; }

        /// <summary>Time mapping, policy and calibrations in force when the event happened.</summary>
        public Provenance Provenance { get; }

        /// <summary>The decision record or event body.</summary>
        public DecisionRecord Record { get; }

        /// <summary>Copies every field from <paramref name="other"/>.</summary>
        public void CopyFrom(EventMessage other)
        {
            Flags = other.Flags;
            Type = other.Type;
            NodeId = other.NodeId;
            EventId = other.EventId;
            BootId = other.BootId;
            MonoUs = other.MonoUs;
            Provenance.CopyFrom(other.Provenance);
            Record.CopyFrom(other.Record);
        }

        /// <summary>Encodes this message; see <see cref="EventCodec.TryEncode"/>.</summary>
        public EncodeResult TryEncode(byte[] buffer, int offset) => EventCodec.TryEncode(this, buffer, offset);

        /// <summary>Decodes into this message; see <see cref="EventCodec.TryDecode"/>.</summary>
        public DecodeResult TryDecode(byte[] buffer, int offset, int length) => EventCodec.TryDecode(buffer, offset, length, this);

        /// <summary>Lists the fields for vectors and diagnostics.</summary>
        public void Describe(FieldList fields)
        {
            fields.Add("messageType", "event");
            fields.Add("flags", Flags);
            fields.Add("eventType", EventTypeNames.Name(Type));
            fields.Add("nodeId", NodeId);
            fields.AddUnsigned("eventId", EventId);
            fields.Add("bootId", BootId);
            fields.AddUnsigned("monoUs", MonoUs);
            Provenance.Describe(fields);
            Record.Describe(fields);
        }
    }
}
