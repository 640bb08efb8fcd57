namespace Jidoka.Protocol
{
    /// <summary>
    /// Encodes and decodes <see cref="FrameMessage"/>. Layout (little-endian, docs/protocol.md §Frame):
    /// version u8, type u8 = 1, flags u8, sampleCount u8, nodeId 16 B, bootId u32, frameSequence u32,
    /// firstSampleMonoUs u64, samplePeriodUs u32, provenance 29 B, then sampleCount × 10-byte samples,
    /// then CRC-32.
    /// </summary>
    public static class FrameCodec
    {
        /// <summary>Bytes before the first sample.</summary>
        public const int HeaderBytes = 69;

        /// <summary>
        /// Writes <paramref name="frame"/> into <paramref name="buffer"/> at <paramref name="offset"/>.
        /// Allocates nothing. Refuses (writes nothing usable) when a field holds an impossible value or the
        /// buffer is too small.
        /// </summary>
        public static EncodeResult TryEncode(FrameMessage frame, byte[] buffer, int offset)
        {
            string bad = FindImpossibleField(frame);
            if (bad.Length != 0)
            {
                return EncodeResult.Refuse(EncodeStatus.ImpossibleValue, bad);
            }

            int count = frame.SampleCount;
            FieldCursor c = frame.Cursor;
            if (!Envelope.BeginWrite(c, buffer, offset, FrameMessage.EncodedSize(count), MessageType.Frame))
            {
                return EncodeResult.Refuse(EncodeStatus.BufferTooSmall, "buffer");
            }

            c.WriteUInt8(frame.Flags);
            c.WriteUInt8((byte)count);
            c.WriteFixedId(ProtocolLimits.IdentifierMaxLength, frame.NodeId);
            c.WriteUInt32(frame.BootId);
            c.WriteUInt32(frame.FrameSequence);
            c.WriteUInt64(frame.FirstSampleMonoUs);
            c.WriteUInt32(frame.SamplePeriodUs);
            frame.Provenance.Write(c);
            int[] force = frame.ForceMilliNewtons;
            ushort[] confidence = frame.VisionConfidence;
            ushort[] age = frame.VisionAgeMs;
            byte[] interlocks = frame.InterlockBits;
            byte[] flags = frame.SampleFlags;
            for (int i = 0; i < count; i++)
            {
                SampleCodec.Write(c, force[i], confidence[i], age[i], interlocks[i], flags[i]);
            }

            return Envelope.Seal(c);
        }

        /// <summary>
        /// Decodes a frame into <paramref name="into"/>. Never throws; on rejection the contents of
        /// <paramref name="into"/> are unspecified.
        /// </summary>
        public static DecodeResult TryDecode(byte[] buffer, int offset, int length, FrameMessage into)
        {
            DecodeResult head = Envelope.CheckHead(buffer, offset, length, MessageType.Frame);
            if (!head.IsAccepted)
            {
                return head;
            }

            if (length < HeaderBytes + Crc32.SizeBytes)
            {
                return DecodeResult.Reject(RejectReason.TooShort, "length");
            }

            FieldCursor c = into.Cursor;
            Envelope.BeginRead(c, buffer, offset, length);
            byte frameFlags = c.ReadUInt8();
            int count = c.ReadUInt8();
            if (count < 1 || count > ProtocolLimits.MaxSamplesPerFrame)
            {
                // The declared count decides the length, so a count that cannot be right is reported
                // before the length it implies.
                return DecodeResult.Reject(RejectReason.ImpossibleValue, "sampleCount");
            }

            DecodeResult framing = Envelope.CheckLengthAndCrc(buffer, offset, length, FrameMessage.EncodedSize(count));
            if (!framing.IsAccepted)
            {
                return framing;
            }

            into.Flags = frameFlags;
            into.SampleCount = count;
            if (!c.TryReadFixedId(ProtocolLimits.IdentifierMaxLength, false, false, out string nodeId))
            {
                return DecodeResult.Reject(RejectReason.ImpossibleValue, "nodeId");
            }

            into.NodeId = nodeId;
            into.BootId = c.ReadUInt32();
            into.FrameSequence = c.ReadUInt32();
            into.FirstSampleMonoUs = c.ReadUInt64();
            into.SamplePeriodUs = c.ReadUInt32();
            string bad = into.Provenance.Read(c);
            if (bad.Length != 0)
            {
                return DecodeResult.Reject(RejectReason.ImpossibleValue, bad);
            }

            for (int i = 0; i < count; i++)
            {
                SampleCodec.Read(c, out int force, out ushort confidence, out ushort age, out byte interlocks, out byte flags);
                into.ForceMilliNewtons[i] = force;
                into.VisionConfidence[i] = confidence;
                into.VisionAgeMs[i] = age;
                into.InterlockBits[i] = interlocks;
                into.SampleFlags[i] = flags;
            }

            if (c.Overran)
            {
                return c.DecodeOutcome();
            }

            bad = FindImpossibleField(into);
            return bad.Length == 0 ? DecodeResult.Accepted : DecodeResult.Reject(RejectReason.ImpossibleValue, bad);
        }

        /// <summary>The first field of <paramref name="frame"/> holding an impossible value, or an empty string.</summary>
        public static string FindImpossibleField(FrameMessage frame)
        {
            if ((frame.Flags & FrameFlags.ReservedMask) != 0)
            {
                return "flags";
            }

            if (frame.SampleCount < 1 || frame.SampleCount > ProtocolLimits.MaxSamplesPerFrame)
            {
                return "sampleCount";
            }

            if (!Identifiers.IsValidId(frame.NodeId))
            {
                return "nodeId";
            }

            if (frame.BootId == 0)
            {
                return "bootId";
            }

            if (frame.SamplePeriodUs < ProtocolLimits.SamplePeriodUsMin || frame.SamplePeriodUs > ProtocolLimits.SamplePeriodUsMax)
            {
                return "samplePeriodUs";
            }

            string bad = frame.Provenance.FindImpossibleField();
            if (bad.Length != 0)
            {
                return bad;
            }

            for (int i = 0; i < frame.SampleCount; i++)
            {
                bad = SampleCodec.FindImpossibleField(frame.VisionConfidence[i], frame.InterlockBits[i], frame.SampleFlags[i]);
                if (bad.Length != 0)
                {
                    return bad;
                }
            }

            return "";
        }
    }
}
