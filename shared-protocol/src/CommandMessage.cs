namespace Jidoka.Protocol
{
    /// <summary>
    /// A command from the bridge to one node. Header (64 bytes): version u8, type u8 = 4, commandType u8,
    /// flags u8, nodeId 16 B, commandId u32, issuedUnixMs i64, operatorId 32 B; then a body whose size
    /// depends on the command type (reset, status-request: 0; apply-policy: 47-byte policy record;
    /// set-calibration: 53-byte calibration record; tare: channel u8; identify: durationSeconds u16);
    /// then CRC-32.
    /// </summary>
    /// <remarks>
    /// The decoder checks the envelope only. Policy and calibration bodies are checked by
    /// <see cref="PolicyRecord.Validate"/> and <see cref="CalibrationRecord.Validate"/> on the node, so
    /// a bad policy is answered with a result and journaled instead of silently dropped.
    /// </remarks>
    public sealed class CommandMessage : IWireMessage
    {
        /// <summary>Header size in bytes.</summary>
        public const int HeaderBytes = 64;

        private readonly FieldCursor _cursor = new FieldCursor();

        /// <summary>Creates an empty command.</summary>
        public CommandMessage()
        {
            NodeId = "";
            OperatorId = "";
            Policy = new PolicyRecord();
            Calibration = new CalibrationRecord();
        }

        /// <summary>Which command this is.</summary>
        public CommandType CommandType { get; set; }

        /// <summary>Command flags, see <see cref="Protocol.CommandFlags"/>.</summary>
        public byte Flags { get; set; }

        /// <summary>The node the command is for.</summary>
        public string NodeId { get; set; }

        /// <summary>Correlates the command with its result; 1 or more, unique per bridge.</summary>
        public uint CommandId { get; set; }

        /// <summary>When the bridge issued it, Unix ms.</summary>
        public long IssuedUnixMs { get; set; }

        /// <summary>Who issued it; required for every state-changing command.</summary>
        public string OperatorId { get; set; }

        /// <summary>The policy of an apply-policy command.</summary>
        public PolicyRecord Policy { get; }

        /// <summary>The calibration of a set-calibration command.</summary>
        public CalibrationRecord Calibration { get; }

        /// <summary>The channel of a tare command.</summary>
        public InputChannel TareChannel { get; set; }

        /// <summary>How long an identify command blinks the andon, seconds (1..600).</summary>
        public ushort IdentifyDurationSeconds { get; set; }

        /// <summary>True for commands that change node state and therefore need an operator id.</summary>
        public static bool RequiresOperator(CommandType type) =>
            type == CommandType.Reset || type == CommandType.ApplyPolicy || type == CommandType.SetCalibration || type == CommandType.Tare;

        /// <summary>Body size of <paramref name="type"/>, or -1 when the type is not defined.</summary>
        public static int BodyBytes(CommandType type) => type switch
        {
            CommandType.Reset => 0,
            CommandType.StatusRequest => 0,
            CommandType.ApplyPolicy => PolicyRecord.SizeBytes,
            CommandType.SetCalibration => CalibrationRecord.SizeBytes,
            CommandType.Tare => 1,
            CommandType.Identify => 2,
            _ => -1,
        };

        /// <summary>Encodes the command; allocation-free; refuses impossible values.</summary>
        public EncodeResult TryEncode(byte[] buffer, int offset)
        {
            string bad = FindImpossibleField();
            if (bad.Length != 0)
            {
                return EncodeResult.Refuse(EncodeStatus.ImpossibleValue, bad);
            }

            FieldCursor c = _cursor;
            if (!Envelope.BeginWrite(c, buffer, offset, HeaderBytes + BodyBytes(CommandType) + Crc32.SizeBytes, MessageType.Command))
            {
                return EncodeResult.Refuse(EncodeStatus.BufferTooSmall, "buffer");
            }

            c.WriteUInt8((byte)CommandType);
            c.WriteUInt8(Flags);
            c.WriteFixedId(ProtocolLimits.IdentifierMaxLength, NodeId);
            c.WriteUInt32(CommandId);
            c.WriteInt64(IssuedUnixMs);
            c.WriteFixedId(ProtocolLimits.PersonIdMaxLength, OperatorId);
            switch (CommandType)
            {
                case CommandType.ApplyPolicy:
                    Policy.Write(c);
                    break;
                case CommandType.SetCalibration:
                    Calibration.Write(c);
                    break;
                case CommandType.Tare:
                    c.WriteUInt8((byte)TareChannel);
                    break;
                case CommandType.Identify:
                    c.WriteUInt16(IdentifyDurationSeconds);
                    break;
            }

            return Envelope.Seal(c);
        }

        /// <summary>Decodes a command into this instance. Never throws.</summary>
        public DecodeResult TryDecode(byte[] buffer, int offset, int length)
        {
            DecodeResult head = Envelope.CheckHead(buffer, offset, length, MessageType.Command);
            if (!head.IsAccepted)
            {
                return head;
            }

            if (length < HeaderBytes + Crc32.SizeBytes)
            {
                return DecodeResult.Reject(RejectReason.TooShort, "length");
            }

            FieldCursor c = _cursor;
            Envelope.BeginRead(c, buffer, offset, length);
            CommandType type = (CommandType)c.ReadUInt8();
            int bodyBytes = BodyBytes(type);
            if (bodyBytes < 0)
            {
                return DecodeResult.Reject(RejectReason.UnknownType, "commandType");
            }

            DecodeResult framing = Envelope.CheckLengthAndCrc(buffer, offset, length, HeaderBytes + bodyBytes + Crc32.SizeBytes);
            if (!framing.IsAccepted)
            {
                return framing;
            }

            CommandType = type;
            Flags = c.ReadUInt8();
            if (!c.TryReadFixedId(ProtocolLimits.IdentifierMaxLength, false, false, out string nodeId))
            {
                return DecodeResult.Reject(RejectReason.ImpossibleValue, "nodeId");
            }

            NodeId = nodeId;
            CommandId = c.ReadUInt32();
            IssuedUnixMs = c.ReadInt64();
            if (!c.TryReadFixedId(ProtocolLimits.PersonIdMaxLength, true, true, out string operatorId))
            {
                return DecodeResult.Reject(RejectReason.ImpossibleValue, "operatorId");
            }

            OperatorId = operatorId;
            string bad = "";
            switch (type)
            {
                case CommandType.ApplyPolicy:
                    Policy.Read(c);
                    break;
                case CommandType.SetCalibration:
                    bad = Calibration.Read(c);
                    break;
                case CommandType.Tare:
                    TareChannel = (InputChannel)c.ReadUInt8();
                    break;
                case CommandType.Identify:
                    IdentifyDurationSeconds = c.ReadUInt16();
                    break;
            }

            if (c.Overran)
            {
                return c.DecodeOutcome();
            }

            if (bad.Length == 0)
            {
                bad = FindImpossibleField();
            }

            return bad.Length == 0 ? DecodeResult.Accepted : DecodeResult.Reject(RejectReason.ImpossibleValue, bad);
        }

        /// <summary>The first envelope field holding an impossible value, or an empty string.</summary>
        public string FindImpossibleField()
        {
            if (CommandType == CommandType.None || !CommandTypeNames.IsDefined(CommandType))
            {
                return "commandType";
            }

            if ((Flags & CommandFlags.ReservedMask) != 0 || (Flags != 0 && CommandType != CommandType.ApplyPolicy))
            {
                return "flags";
            }

            if (!Identifiers.IsValidId(NodeId))
            {
                return "nodeId";
            }

            if (CommandId == 0)
            {
                return "commandId";
            }

            if (OperatorId.Length != 0 && !Identifiers.IsValidPersonId(OperatorId))
            {
                return "operatorId";
            }

            if (CommandType == CommandType.Tare && !InputChannelNames.IsDefined(TareChannel))
            {
                return "tareChannel";
            }

            if (CommandType == CommandType.Identify
                && (IdentifyDurationSeconds < 1 || IdentifyDurationSeconds > ProtocolLimits.IdentifyDurationSecondsMax))
            {
                return "identifyDurationSeconds";
            }

            return "";
        }

        /// <summary>Lists the fields for vectors and diagnostics.</summary>
        public void Describe(FieldList fields)
        {
            fields.Add("messageType", "command");
            fields.Add("commandType", CommandTypeNames.Name(CommandType));
            fields.Add("flags", Flags);
            fields.Add("nodeId", NodeId);
            fields.Add("commandId", CommandId);
            fields.Add("issuedUnixMs", IssuedUnixMs);
            fields.Add("operatorId", OperatorId);
            switch (CommandType)
            {
                case CommandType.ApplyPolicy:
                    Policy.Describe(fields, "policy.");
                    break;
                case CommandType.SetCalibration:
                    Calibration.Describe(fields, "calibration.");
                    break;
                case CommandType.Tare:
                    fields.Add("tareChannel", InputChannelNames.Name(TareChannel));
                    break;
                case CommandType.Identify:
                    fields.Add("identifyDurationSeconds", IdentifyDurationSeconds);
                    break;
            }
        }
    }
}
