namespace Jidoka.Protocol
{
    /// <summary>
    /// Encodes and decodes <see cref="EventMessage"/>. Layout (docs/protocol.md §Event): version u8,
    /// type u8 = 2, flags u8, eventType u8, nodeId 16 B, eventId u64, bootId u32, monoUs u64,
    /// provenance 29 B, decision record 88 B, CRC-32. Always 161 bytes.
    /// </summary>
    public static class EventCodec
    {
        /// <summary>Encoded size of every event.</summary>
        public const int EncodedSize = 69 + DecisionRecord.SizeBytes + Crc32.SizeBytes;

        /// <summary>Writes <paramref name="message"/>; allocation-free; refuses impossible values.</summary>
        public static EncodeResult TryEncode(EventMessage message, byte[] buffer, int offset)
        {
            string bad = FindImpossibleField(message);
            if (bad.Length != 0)
            {
                return EncodeResult.Refuse(EncodeStatus.ImpossibleValue, bad);
            }

            FieldCursor c = message.Cursor;
            if (!Envelope.BeginWrite(c, buffer, offset, EncodedSize, MessageType.Event))
            {
                return EncodeResult.Refuse(EncodeStatus.BufferTooSmall, "buffer");
            }

            c.WriteUInt8(message.Flags);
            c.WriteUInt8((byte)message.Type);
            c.WriteFixedId(ProtocolLimits.IdentifierMaxLength, message.NodeId);
            c.WriteUInt64(message.EventId);
            c.WriteUInt32(message.BootId);
            c.WriteUInt64(message.MonoUs);
            message.Provenance.Write(c);
            message.Record.Write(c);
            return Envelope.Seal(c);
        }

        /// <summary>Decodes an event into <paramref name="into"/>. Never throws.</summary>
        public static DecodeResult TryDecode(byte[] buffer, int offset, int length, EventMessage into)
        {
            DecodeResult head = Envelope.CheckHead(buffer, offset, length, MessageType.Event);
            if (!head.IsAccepted)
            {
                return head;
            }

            DecodeResult framing = Envelope.CheckLengthAndCrc(buffer, offset, length, EncodedSize);
            if (!framing.IsAccepted)
            {
                return framing;
            }

            FieldCursor c = into.Cursor;
            Envelope.BeginRead(c, buffer, offset, length);
            into.Flags = c.ReadUInt8();
            into.Type = (EventType)c.ReadUInt8();
            if (!c.TryReadFixedId(ProtocolLimits.IdentifierMaxLength, false, false, out string nodeId))
            {
                return c.Overran ? c.DecodeOutcome() : DecodeResult.Reject(RejectReason.ImpossibleValue, "nodeId");
            }

            into.NodeId = nodeId;
            into.EventId = c.ReadUInt64();
            into.BootId = c.ReadUInt32();
            into.MonoUs = c.ReadUInt64();
            string bad = into.Provenance.Read(c);
            if (bad.Length == 0)
            {
                bad = into.Record.Read(c);
            }

            if (c.Overran)
            {
                return c.DecodeOutcome();
            }

            if (bad.Length == 0)
            {
                bad = FindImpossibleField(into);
            }

            return bad.Length == 0 ? DecodeResult.Accepted : DecodeResult.Reject(RejectReason.ImpossibleValue, bad);
        }

        /// <summary>The first field holding an impossible value, or an empty string.</summary>
        public static string FindImpossibleField(EventMessage message)
        {
            if ((message.Flags & EventMessage.ReservedFlagsMask) != 0)
            {
                return "flags";
            }

            if (message.Type == EventType.None || !EventTypeNames.IsDefined(message.Type))
            {
                return "eventType";
            }

            if (!Identifiers.IsValidId(message.NodeId))
            {
                return "nodeId";
            }

            if (message.EventId == 0)
            {
                return "eventId";
            }

            if (message.BootId == 0)
            {
                return "bootId";
            }

            string bad = message.Provenance.FindImpossibleField();
            if (bad.Length != 0)
            {
                return bad;
            }

            return FindImpossibleRecordField(message.Type, message.Record);
        }

        private static string FindImpossibleRecordField(EventType type, DecisionRecord record)
        {
            if (!TripRuleNames.IsDefined(record.Rule))
            {
                return "rule";
            }

            if (!ResponseClassNames.IsDefined(record.Response))
            {
                return "response";
            }

            if (!InputChannelNames.IsDefined(record.Channel))
            {
                return "channel";
            }

            bool isTrip = type == EventType.Trip;
            if (isTrip && (record.Rule == TripRule.None || record.Rule == TripRule.ForceNearMiss))
            {
                return "rule";
            }

            // Only a trip carries a response class: anything else claiming one would make a
            // reviewer believe the cell was told to act.
            if (isTrip != (record.Response != ResponseClass.None))
            {
                return "response";
            }

            string bad = SampleCodec.FindImpossibleField(record.VisionConfidence, record.InterlockBits, record.SampleFlags);
            if (bad.Length != 0)
            {
                return bad;
            }

            if (record.OperatorId.Length != 0 && !Identifiers.IsValidPersonId(record.OperatorId))
            {
                return "operatorId";
            }

            if (type == EventType.Reset)
            {
                ResetSource source = (ResetSource)record.ReasonCode;
                if (source == ResetSource.None || !ResetSourceNames.IsDefined(source))
                {
                    return "reasonCode";
                }

                if (source == ResetSource.Command && record.OperatorId.Length == 0)
                {
                    return "operatorId";
                }
            }

            return "";
        }
    }
}
