using Jidoka.Protocol;

namespace Jidoka.Node.Time
{
    /// <summary>
    /// Maps the monotonic clock to wall time from NTP-style exchanges with the bridge. The node never
    /// adjusts its monotonic clock (decisions depend only on it); it keeps an offset (wall µs = mono µs +
    /// offset) and a bound on its error: half the round trip of the exchange that set it, growing at the
    /// assumed drift rate while no exchange succeeds (holdover).
    /// </summary>
    /// <remarks>Called under the node's lock: the loop reads a snapshot for each frame and event.</remarks>
    public sealed class TimeKeeper
    {
        private const ulong Million = 1000000;

        private readonly uint _maxRoundTripUs;
        private readonly ulong _holdoverAfterUs;
        private readonly uint _driftPpm;
        private readonly uint _stepThresholdUs;
        private bool _synced;
        private long _offsetUs;
        private uint _baseUncertaintyUs;
        private ulong _lastSyncMonoUs;

        /// <summary>Creates an unsynced time keeper.</summary>
        public TimeKeeper(uint maxRoundTripUs, ulong holdoverAfterUs, uint driftPpm, uint stepThresholdUs)
        {
            _maxRoundTripUs = maxRoundTripUs;
            _holdoverAfterUs = holdoverAfterUs;
            _driftPpm = driftPpm;
            _stepThresholdUs = stepThresholdUs;
        }

        /// <summary>Current offset, µs (0 while unsynced).</summary>
        public long OffsetUs => _offsetUs;

        /// <summary>Exchanges discarded (round trip too long or negative, mismatched), since boot.</summary>
        public uint Rejected { get; private set; }

        /// <summary>Size of the last clock step, µs (set when <see cref="ApplyExchange"/> returns true).</summary>
        public long LastStepUs { get; private set; }

        /// <summary>The step threshold, µs.</summary>
        public uint StepThresholdUs => _stepThresholdUs;

        /// <summary>Time quality at <paramref name="nowUs"/>.</summary>
        public TimeQuality QualityAt(ulong nowUs)
        {
            if (!_synced)
            {
                return TimeQuality.Unsynced;
            }

            return Elapsed(nowUs) > _holdoverAfterUs ? TimeQuality.Holdover : TimeQuality.Synced;
        }

        /// <summary>Error bound of the offset at <paramref name="nowUs"/>, µs, saturating; 0 while unsynced.</summary>
        public uint UncertaintyAt(ulong nowUs)
        {
            if (!_synced)
            {
                return 0;
            }

            ulong elapsed = Elapsed(nowUs);

            // Divide first when the product could overflow; µs precision is kept for any realistic holdover.
            ulong growth = elapsed > ulong.MaxValue / 100000 ? elapsed / Million * _driftPpm : elapsed * _driftPpm / Million;
            ulong total = _baseUncertaintyUs + growth;
            return total > uint.MaxValue ? uint.MaxValue : (uint)total;
        }

        /// <summary>Writes the time mapping into <paramref name="provenance"/>.</summary>
        public void Fill(Provenance provenance, ulong nowUs)
        {
            provenance.WallOffsetUs = _offsetUs;
            provenance.TimeQuality = QualityAt(nowUs);
            provenance.TimeUncertaintyUs = UncertaintyAt(nowUs);
        }

        /// <summary>
        /// Applies one exchange: t1 and t4 node monotonic µs, t2 and t3 bridge Unix µs. Returns true when
        /// the offset stepped by more than the threshold and the current uncertainty (a clock-step event
        /// is due; <see cref="LastStepUs"/> has the step). Discards exchanges whose round trip is negative
        /// or longer than the limit, since their error bound would be too wide to be worth having.
        /// </summary>
        public bool ApplyExchange(ulong t1, long t2, long t3, ulong t4)
        {
            if (t4 < t1)
            {
                Rejected++;
                return false;
            }

            long roundTrip = (long)(t4 - t1) - (t3 - t2);
            if (roundTrip < 0 || roundTrip > _maxRoundTripUs)
            {
                Rejected++;
                return false;
            }

            long offset = ((t2 - (long)t1) + (t3 - (long)t4)) / 2;
            bool stepped = false;
            if (_synced)
            {
                long step = offset - _offsetUs;
                long magnitude = step < 0 ? -step : step;
                if (magnitude > _stepThresholdUs && magnitude > UncertaintyAt(t4))
                {
                    LastStepUs = step;
                    stepped = true;
                }
            }

            _offsetUs = offset;
            _baseUncertaintyUs = (uint)(roundTrip / 2) + 1;
            _lastSyncMonoUs = t4;
            _synced = true;
            return stepped;
        }

        private ulong Elapsed(ulong nowUs) => nowUs > _lastSyncMonoUs ? nowUs - _lastSyncMonoUs : 0;
    }
}
