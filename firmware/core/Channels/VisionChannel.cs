using Jidoka.Node.Hardware;
using Jidoka.Protocol;

namespace Jidoka.Node.Channels
{
    /// <summary>
    /// The vision confidence channel: the newest score through the vision calibration, clamped to
    /// 0..10 000, and its age. Stale counts as not confident: a vision system that stopped talking
    /// must not leave the last good score standing.
    /// </summary>
    public sealed class VisionChannel
    {
        /// <summary>Creates the channel with an empty calibration; the core copies the active one in at boot.</summary>
        public VisionChannel()
        {
            Calibration = new CalibrationRecord();
        }

        /// <summary>The active vision calibration.</summary>
        public CalibrationRecord Calibration { get; }

        /// <summary>True once a score has arrived since boot.</summary>
        public bool HasValue { get; private set; }

        /// <summary>Newest confidence, 1/10 000 (0 before the first score).</summary>
        public ushort Confidence { get; private set; }

        /// <summary>Age of the newest confidence, µs (time since boot before the first score).</summary>
        public ulong AgeUs { get; private set; }

        /// <summary>True when there is no score or it is older than the policy's age limit.</summary>
        public bool IsStale { get; private set; }

        /// <summary>True when a fresh score is below the policy's threshold.</summary>
        public bool IsLow { get; private set; }

        /// <summary>Age in ms, saturated for the 16-bit frame field.</summary>
        public ushort AgeMs => SampleCodec.SaturateAgeMs((long)(AgeUs / 1000));

        private int _lastRaw;

        /// <summary>Reads the source once and updates staleness and the threshold check. Allocation-free.</summary>
        public void Sample(IVisionSource source, ulong nowUs, PolicyRecord policy)
        {
            if (source.TryReadLatest(out int raw, out ulong producedUs))
            {
                HasValue = true;
                _lastRaw = raw;
                AgeUs = nowUs > producedUs ? nowUs - producedUs : 0;
                Confidence = Convert(raw);
            }
            else
            {
                HasValue = false;
                Confidence = 0;
                AgeUs = nowUs;
            }

            Evaluate(policy);
        }

        /// <summary>Recomputes the confidence after a calibration change.</summary>
        public void Recalibrate(PolicyRecord policy)
        {
            if (HasValue)
            {
                Confidence = Convert(_lastRaw);
            }

            Evaluate(policy);
        }

        private void Evaluate(PolicyRecord policy)
        {
            // "Older than the limit" is stale; exactly at the limit is still fresh.
            IsStale = !HasValue || AgeUs > (ulong)policy.VisionMaxAgeMs * 1000;
            IsLow = !IsStale && Confidence < policy.VisionMinConfidence;
        }

        private ushort Convert(int raw)
        {
            int value = Calibration.ToUnits(raw);
            return value <= 0 ? (ushort)0 : value >= ProtocolLimits.VisionConfidenceFullScale ? (ushort)ProtocolLimits.VisionConfidenceFullScale : (ushort)value;
        }
    }
}
