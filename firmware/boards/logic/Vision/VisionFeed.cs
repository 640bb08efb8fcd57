using Jidoka.Node.Hardware;

namespace Jidoka.Boards.Logic.Vision
{
    /// <summary>
    /// The vision source the core reads: the UART adapter feeds it received bytes with the time they
    /// arrived, and the trip loop takes the newest accepted score. Only a line with a new sequence
    /// number refreshes the score's time: a vision system stuck re-sending its last line goes stale, as it
    /// should. Everything is counted (the counters are for a technician's debugger or log) and nothing
    /// allocates or throws. One thread feeds (the serial event thread) and parses without the lock; the
    /// lock covers only the three fields the loop thread reads, so parsing a burst of bytes (interpreted
    /// code, tens of µs per byte) never holds up a loop step.
    /// </summary>
    public sealed class VisionFeed : IVisionSource
    {
        private readonly object _sync = new object();
        private readonly VisionLineParser _parser = new VisionLineParser();
        private bool _hasScore;
        private int _score;
        private ulong _receivedUs;
        private int _lastSequence = -1;

        /// <summary>Lines accepted with a new sequence number, since boot.</summary>
        public uint LinesAccepted { get; private set; }

        /// <summary>Well-formed lines repeating the previous sequence number (ignored), since boot.</summary>
        public uint LinesRepeated { get; private set; }

        /// <summary>Lines dropped as too long, badly formed, with a bad checksum or out of range, since boot.</summary>
        public uint LinesMalformed { get; private set; }

        /// <summary>Lines whose checksum did not match (also counted in <see cref="LinesMalformed"/>): a noisy link.</summary>
        public uint ChecksumErrors { get; private set; }

        /// <summary>Accepted lines whose sequence did not follow the previous one (lines lost, or the vision system restarted).</summary>
        public uint SequenceBreaks { get; private set; }

        /// <summary>
        /// Feeds <paramref name="count"/> received bytes, all stamped <paramref name="receivedUs"/> (node
        /// monotonic µs). Call from one thread only.
        /// </summary>
        public void Feed(byte[] buffer, int offset, int count, ulong receivedUs)
        {
            for (int i = 0; i < count; i++)
            {
                VisionLineResult result = _parser.Push(buffer[offset + i]);
                if (result != VisionLineResult.Incomplete)
                {
                    Take(result, receivedUs);
                }
            }
        }

        /// <inheritdoc/>
        public bool TryReadLatest(out int rawScore, out ulong producedMonoUs)
        {
            lock (_sync)
            {
                rawScore = _score;
                producedMonoUs = _receivedUs;
                return _hasScore;
            }
        }

        private void Take(VisionLineResult result, ulong receivedUs)
        {
            switch (result)
            {
                case VisionLineResult.Incomplete:
                case VisionLineResult.Blank:
                    return;
                case VisionLineResult.Accepted:
                    Accept(_parser.Score, _parser.Sequence, receivedUs);
                    return;
                case VisionLineResult.BadChecksum:
                    ChecksumErrors++;
                    LinesMalformed++;
                    return;
                default:
                    LinesMalformed++;
                    return;
            }
        }

        private void Accept(int score, int sequence, ulong receivedUs)
        {
            if (sequence == _lastSequence)
            {
                LinesRepeated++;
                return;
            }

            if (_lastSequence >= 0 && sequence != ((_lastSequence + 1) & VisionLineParser.FieldValueMax))
            {
                SequenceBreaks++;
            }

            _lastSequence = sequence;
            lock (_sync)
            {
                _score = score;
                _receivedUs = receivedUs;
                _hasScore = true;
            }

            LinesAccepted++;
        }
    }
}
