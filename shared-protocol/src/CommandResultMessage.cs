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

            if (!Envelope.Fits(buffer, offset, EncodedSize))
            {
                return EncodeResult.Refuse(EncodeStatus.BufferTooSmall, "buffer");
            }

            Envelope.WriteHead(buffer, offset, MessageType.CommandResult);
            buffer[offset + 2] = (byte)CommandType;
            buffer[offset + 3] = (byte)Outcome;
            Identifiers.WriteFixed(buffer, offset + 4, ProtocolLimits.IdentifierMaxLength, NodeId);
            LittleEndian.WriteUInt32(buffer, offset + 20, CommandId);
            buffer[offset + 24] = (byte)Reason;
            buffer[offset + 25] = Detail;
            LittleEndian.WriteUInt64(buffer, offset + 26, EventId);
            return EncodeResult.Ok(Envelope.Seal(buffer, offset, EncodedSize - Crc32.SizeBytes));
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

            CommandType = (CommandType)buffer[offset + 2];
            Outcome = (CommandOutcome)buffer[offset + 3];
            if (!Identifiers.TryReadFixed(buffer, offset + 4, ProtocolLimits.IdentifierMaxLength, false, false, out string nodeId))
            {
                return DecodeResult.Reject(RejectReason.ImpossibleValue, "nodeId");
            }

            NodeId = nodeId;
            CommandId = LittleEndian.ReadUInt32(buffer, offset + 20);
            Reason = (CommandReason)buffer[offset + 24];
            Detail = buffer[offset + 25];
            EventId = LittleEndian.ReadUInt64(buffer, offset + 26);
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
