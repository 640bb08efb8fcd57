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

        private const int FlagsOffset = 2;
        private const int SampleCountOffset = 3;
        private const int NodeIdOffset = 4;
        private const int BootIdOffset = 20;
        private const int SequenceOffset = 24;
        private const int FirstSampleOffset = 28;
        private const int PeriodOffset = 36;
        private const int ProvenanceOffset = 40;

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
            int size = FrameMessage.EncodedSize(count);
            if (!Envelope.Fits(buffer, offset, size))
            {
                return EncodeResult.Refuse(EncodeStatus.BufferTooSmall, "buffer");
            }

            Envelope.WriteHead(buffer, offset, MessageType.Frame);
            buffer[offset + FlagsOffset] = frame.Flags;
            buffer[offset + SampleCountOffset] = (byte)count;
            Identifiers.WriteFixed(buffer, offset + NodeIdOffset, ProtocolLimits.IdentifierMaxLength, frame.NodeId);
            LittleEndian.WriteUInt32(buffer, offset + BootIdOffset, frame.BootId);
            LittleEndian.WriteUInt32(buffer, offset + SequenceOffset, frame.FrameSequence);
            LittleEndian.WriteUInt64(buffer, offset + FirstSampleOffset, frame.FirstSampleMonoUs);
            LittleEndian.WriteUInt32(buffer, offset + PeriodOffset, frame.SamplePeriodUs);
            frame.Provenance.Write(buffer, offset + ProvenanceOffset);

            int p = offset + HeaderBytes;
            int[] force = frame.ForceMilliNewtons;
            ushort[] confidence = frame.VisionConfidence;
            ushort[] age = frame.VisionAgeMs;
            byte[] interlocks = frame.InterlockBits;
            byte[] flags = frame.SampleFlags;
            for (int i = 0; i < count; i++)
            {
                SampleCodec.Write(buffer, p, force[i], confidence[i], age[i], interlocks[i], flags[i]);
                p += SampleCodec.SizeBytes;
            }

            return EncodeResult.Ok(Envelope.Seal(buffer, offset, p - offset));
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

            int count = buffer[offset + SampleCountOffset];
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

            into.Flags = buffer[offset + FlagsOffset];
            into.SampleCount = count;
            if (!Identifiers.TryReadFixed(buffer, offset + NodeIdOffset, ProtocolLimits.IdentifierMaxLength, false, false, out string nodeId))
            {
                return DecodeResult.Reject(RejectReason.ImpossibleValue, "nodeId");
            }

            into.NodeId = nodeId;
            into.BootId = LittleEndian.ReadUInt32(buffer, offset + BootIdOffset);
            into.FrameSequence = LittleEndian.ReadUInt32(buffer, offset + SequenceOffset);
            into.FirstSampleMonoUs = LittleEndian.ReadUInt64(buffer, offset + FirstSampleOffset);
            into.SamplePeriodUs = LittleEndian.ReadUInt32(buffer, offset + PeriodOffset);
            string bad = into.Provenance.Read(buffer, offset + ProvenanceOffset);
            if (bad.Length != 0)
            {
                return DecodeResult.Reject(RejectReason.ImpossibleValue, bad);
            }

            int p = offset + HeaderBytes;
            for (int i = 0; i < count; i++)
            {
                into.ForceMilliNewtons[i] = LittleEndian.ReadInt32(buffer, p);
                into.VisionConfidence[i] = LittleEndian.ReadUInt16(buffer, p + 4);
                into.VisionAgeMs[i] = LittleEndian.ReadUInt16(buffer, p + 6);
                into.InterlockBits[i] = buffer[p + 8];
                into.SampleFlags[i] = buffer[p + 9];
                p += SampleCodec.SizeBytes;
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
