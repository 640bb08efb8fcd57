using Jidoka.Protocol;

namespace Jidoka.Node.Frames
{
    /// <summary>
    /// Batches one sample per loop step into frames. A frame is closed when it is full, when the policy,
    /// a calibration or the time quality changes (a frame names one provenance), or when a step came
    /// more than half a period off the frame's time grid (a late step after a GC pause), because a frame
    /// asserts that its samples are evenly spaced from its first sample's time.
    /// </summary>
    public sealed class FrameAppender
    {
        private readonly FrameRing _ring;
        private readonly int _samplesPerFrame;
        private uint _epoch;

        /// <summary>Creates an appender writing into <paramref name="ring"/>.</summary>
        public FrameAppender(FrameRing ring, int samplesPerFrame)
        {
            _ring = ring;
            _samplesPerFrame = samplesPerFrame;
        }

        /// <summary>Appends one sample. Allocation-free.</summary>
        /// <param name="nowUs">Monotonic time of the sample.</param>
        /// <param name="periodUs">Loop period in force.</param>
        /// <param name="epoch">Provenance epoch; a change closes the open frame.</param>
        /// <param name="provenance">Provenance to stamp on a new frame.</param>
        /// <param name="bootId">Boot id to stamp on a new frame.</param>
        /// <param name="forceMilliNewtons">Force, mN.</param>
        /// <param name="visionConfidence">Vision confidence, 1/10 000.</param>
        /// <param name="visionAgeMs">Vision age, ms.</param>
        /// <param name="interlockBits">Interlock bits.</param>
        /// <param name="sampleFlags">Sample flags.</param>
        /// <param name="degraded">True when the sample was degraded (faulted or stale channel, unsynced time).</param>
        public void Append(
            ulong nowUs,
            uint periodUs,
            uint epoch,
            Provenance provenance,
            uint bootId,
            int forceMilliNewtons,
            ushort visionConfidence,
            ushort visionAgeMs,
            byte interlockBits,
            byte sampleFlags,
            bool degraded)
        {
            FrameMessage frame = _ring.Head;
            if (_ring.IsOpen && (epoch != _epoch || periodUs != frame.SamplePeriodUs || provenance.TimeQuality != frame.Provenance.TimeQuality || OffGrid(frame, nowUs)))
            {
                _ring.Commit();
            }

            if (!_ring.IsOpen)
            {
                frame = _ring.Begin();
                frame.BootId = bootId;
                frame.FirstSampleMonoUs = nowUs;
                frame.SamplePeriodUs = periodUs;
                frame.Provenance.CopyFrom(provenance);
                _epoch = epoch;
            }

            int i = frame.SampleCount;
            frame.ForceMilliNewtons[i] = forceMilliNewtons;
            frame.VisionConfidence[i] = visionConfidence;
            frame.VisionAgeMs[i] = visionAgeMs;
            frame.InterlockBits[i] = interlockBits;
            frame.SampleFlags[i] = sampleFlags;
            frame.SampleCount = i + 1;
            if ((sampleFlags & SampleFlags.TripLatched) != 0)
            {
                frame.Flags |= FrameFlags.Tripped;
            }

            if (degraded)
            {
                frame.Flags |= FrameFlags.Degraded;
            }

            if (frame.SampleCount >= _samplesPerFrame)
            {
                _ring.Commit();
            }
        }

        /// <summary>Commits a partly filled frame (before a reboot or for a test to see it).</summary>
        public void Flush()
        {
            if (_ring.IsOpen)
            {
                _ring.Commit();
            }
        }

        private static bool OffGrid(FrameMessage frame, ulong nowUs)
        {
            ulong expected = frame.FirstSampleMonoUs + ((ulong)frame.SampleCount * frame.SamplePeriodUs);
            ulong error = nowUs >= expected ? nowUs - expected : expected - nowUs;
            return error * 2 > frame.SamplePeriodUs;
        }
    }
}
