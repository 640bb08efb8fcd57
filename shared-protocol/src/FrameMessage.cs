namespace Jidoka.Protocol
{
    /// <summary>
    /// A batch of consecutive samples from one node, with everything needed to place them in time and
    /// to know which limits and calibrations applied. The sample arrays are allocated once at
    /// <see cref="ProtocolLimits.MaxSamplesPerFrame"/> and reused: the node fills one frame per batch
    /// without allocating.
    /// </summary>
    public sealed class FrameMessage : IWireMessage
    {
        /// <summary>Creates an empty frame with room for the maximum number of samples.</summary>
        public FrameMessage()
        {
            ForceMilliNewtons = new int[ProtocolLimits.MaxSamplesPerFrame];
            VisionConfidence = new ushort[ProtocolLimits.MaxSamplesPerFrame];
            VisionAgeMs = new ushort[ProtocolLimits.MaxSamplesPerFrame];
            InterlockBits = new byte[ProtocolLimits.MaxSamplesPerFrame];
            SampleFlags = new byte[ProtocolLimits.MaxSamplesPerFrame];
            Provenance = new Provenance();
            NodeId = "";
            Cursor = new FieldCursor();
        }

        /// <summary>The cursor this frame's encodes and decodes reuse, so neither allocates.</summary>
        internal FieldCursor Cursor { get; }

        /// <summary>Frame flags, see <see cref="Protocol.FrameFlags"/>.</summary>
        public byte Flags { get; set; }

        /// <summary>Number of samples in use, 1..<see cref="ProtocolLimits.MaxSamplesPerFrame"/>.</summary>
        public int SampleCount { get; set; }

        /// <summary>Node id, 1..16 characters (see <see cref="Identifiers"/>).</summary>
        public string NodeId { get; set; }

        /// <summary>Boot counter of the node, 1 or more; changes on every reboot.</summary>
        public uint BootId { get; set; }

        /// <summary>Frame sequence within this boot; consecutive frames differ by 1 (wrapping).</summary>
        public uint FrameSequence { get; set; }

        /// <summary>Monotonic time of the first sample, µs since boot.</summary>
        public ulong FirstSampleMonoUs { get; set; }

        /// <summary>Time between samples, µs.</summary>
        public uint SamplePeriodUs { get; set; }

        /// <summary>Time mapping, policy and calibrations in force.</summary>
        public Provenance Provenance { get; }

        /// <summary>Force per sample, milli-newtons.</summary>
        public int[] ForceMilliNewtons { get; }

        /// <summary>Vision confidence per sample, 1/10 000.</summary>
        public ushort[] VisionConfidence { get; }

        /// <summary>Age of the vision confidence per sample, ms, saturating at 65 535.</summary>
        public ushort[] VisionAgeMs { get; }

        /// <summary>Interlock channel bits per sample, see <see cref="Protocol.InterlockBits"/>.</summary>
        public byte[] InterlockBits { get; }

        /// <summary>Sample flags per sample, see <see cref="Protocol.SampleFlags"/>.</summary>
        public byte[] SampleFlags { get; }

        /// <summary>Encoded size of a frame with <paramref name="sampleCount"/> samples.</summary>
        public static int EncodedSize(int sampleCount) => FrameCodec.HeaderBytes + (sampleCount * SampleCodec.SizeBytes) + Crc32.SizeBytes;

        /// <summary>Encodes this message; see <see cref="FrameCodec.TryEncode"/>.</summary>
        public EncodeResult TryEncode(byte[] buffer, int offset) => FrameCodec.TryEncode(this, buffer, offset);

        /// <summary>Decodes into this message; see <see cref="FrameCodec.TryDecode"/>.</summary>
        public DecodeResult TryDecode(byte[] buffer, int offset, int length) => FrameCodec.TryDecode(buffer, offset, length, this);

        /// <summary>Lists the fields for vectors and diagnostics.</summary>
        public void Describe(FieldList fields)
        {
            fields.Add("messageType", "frame");
            fields.Add("flags", Flags);
            fields.Add("sampleCount", SampleCount);
            fields.Add("nodeId", NodeId);
            fields.Add("bootId", BootId);
            fields.Add("frameSequence", FrameSequence);
            fields.AddUnsigned("firstSampleMonoUs", FirstSampleMonoUs);
            fields.Add("samplePeriodUs", SamplePeriodUs);
            Provenance.Describe(fields);
            for (int i = 0; i < SampleCount && i < ProtocolLimits.MaxSamplesPerFrame; i++)
            {
                string p = "sample[" + i.ToString() + "].";
                fields.Add(p + "forceMilliNewtons", ForceMilliNewtons[i]);
                fields.Add(p + "visionConfidence", VisionConfidence[i]);
                fields.Add(p + "visionAgeMs", VisionAgeMs[i]);
                fields.Add(p + "interlockBits", InterlockBits[i]);
                fields.Add(p + "sampleFlags", SampleFlags[i]);
            }
        }
    }
}
