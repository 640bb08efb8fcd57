namespace Jidoka.Protocol
{
    /// <summary>
    /// The node's answer to a command. Layout (38 bytes): version u8, type u8 = 5, commandType u8,
    /// outcome u8, nodeId 16 B, commandId u32, reason u8, detail u8, eventId u64, CRC-32.
    /// </summary>
    public sealed class CommandResultMessage : IWireMessage
    {
        /// <summary>Encoded size in bytes.</summary>
        public const int EncodedSize = 34 + Crc32.SizeBytes;

        private readonly FieldCursor _cursor = new FieldCursor();

        /// <summary>Creates an empty result.</summary>
        public CommandResultMessage()
        {
            NodeId = "";
        }

        /// <summary>The command type answered.</summary>
        public CommandType CommandType { get; set; }

        /// <summary>What became of the command.</summary>
        public CommandOutcome Outcome { get; set; }

        /// <summary>The answering node.</summary>
        public string NodeId { get; set; }

        /// <summary>The command id answered.</summary>
        public uint CommandId { get; set; }

        /// <summary>Why it was rejected; <see cref="CommandReason.None"/> unless <see cref="Outcome"/> is Rejected.</summary>
        public CommandReason Reason { get; set; }

        /// <summary>Further detail: the <see cref="PolicyProblem"/> or <see cref="CalibrationProblem"/> code.</summary>
        public byte Detail { get; set; }

        /// <summary>The journal event recording the outcome, 0 when none was journaled.</summary>
        public ulong EventId { get; set; }

        /// <summary>Encodes the result; allocation-free; refuses impossible values.</summary>
        public EncodeResult TryEncode(byte[] buffer, int offset)
        {
            string bad = FindImpossibleField();
            if (bad.Length != 0)
            {
                return EncodeResult.Refuse(EncodeStatus.ImpossibleValue, bad);
            }

            FieldCursor c = _cursor;
            if (!Envelope.BeginWrite(c, buffer, offset, EncodedSize, MessageType.CommandResult))
            {
                return EncodeResult.Refuse(EncodeStatus.BufferTooSmall, "buffer");
            }

            c.WriteUInt8((byte)CommandType);
            c.WriteUInt8((byte)Outcome);
            c.WriteFixedId(ProtocolLimits.IdentifierMaxLength, NodeId);
            c.WriteUInt32(CommandId);
            c.WriteUInt8((byte)Reason);
            c.WriteUInt8(Detail);
            c.WriteUInt64(EventId);
            return Envelope.Seal(c);
        }

        /// <summary>Decodes a result into this instance. Never throws.</summary>
        public DecodeResult TryDecode(byte[] buffer, int offset, int length)
        {
            DecodeResult check = Envelope.CheckHead(buffer, offset, length, MessageType.CommandResult);
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
            CommandType = (CommandType)c.ReadUInt8();
            Outcome = (CommandOutcome)c.ReadUInt8();
            if (!c.TryReadFixedId(ProtocolLimits.IdentifierMaxLength, false, false, out string nodeId))
            {
                return DecodeResult.Reject(RejectReason.ImpossibleValue, "nodeId");
            }

            NodeId = nodeId;
            CommandId = c.ReadUInt32();
            Reason = (CommandReason)c.ReadUInt8();
            Detail = c.ReadUInt8();
            EventId = c.ReadUInt64();
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
            if (CommandType == CommandType.None || !CommandTypeNames.IsDefined(CommandType))
            {
                return "commandType";
            }

            if (Outcome == CommandOutcome.None || !CommandOutcomeNames.IsDefined(Outcome))
            {
                return "outcome";
            }

            if (!Identifiers.IsValidId(NodeId))
            {
                return "nodeId";
            }

            if (CommandId == 0)
            {
                return "commandId";
            }

            if (!CommandReasonNames.IsDefined(Reason) || (Outcome == CommandOutcome.Rejected) != (Reason != CommandReason.None))
            {
                return "reason";
            }

            return "";
        }

        /// <summary>Lists the fields for vectors and diagnostics.</summary>
        public void Describe(FieldList fields)
        {
            fields.Add("messageType", "command-result");
            fields.Add("commandType", CommandTypeNames.Name(CommandType));
            fields.Add("outcome", CommandOutcomeNames.Name(Outcome));
            fields.Add("nodeId", NodeId);
            fields.Add("commandId", CommandId);
            fields.Add("reason", CommandReasonNames.Name(Reason));
            fields.Add("detail", Detail);
            fields.AddUnsigned("eventId", EventId);
        }
    }
}
