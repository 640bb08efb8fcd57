using Jidoka.Node.Config;
using Jidoka.Node.Hardware;
using Jidoka.Protocol;

namespace Jidoka.Node.Channels
{
    /// <summary>
    /// The force channel: raw counts to milli-newtons through the active calibration, plus the checks
    /// that decide whether the reading can be trusted (range, stuck value, silence, bus error) and the
    /// consecutive-sample count of the over-limit rule. Counting is per new reading, not per loop step:
    /// an HX711 at 80 samples/s is read by a 1 kHz loop, and one reading must not count twelve times.
    /// </summary>
    public sealed class ForceChannel
    {
        private const int CountSaturation = ushort.MaxValue;

        private int _lastCounts;
        private bool _readError;

        /// <summary>Creates the channel with an empty calibration; the core copies the active one in at boot.</summary>
        public ForceChannel()
        {
            Calibration = new CalibrationRecord();
            OverLimitReadingsToTrip = CountSaturation;
            StuckReadingsToFault = CountSaturation;
        }

        /// <summary>Consecutive over-limit readings that trip, from the active policy's over-limit window.</summary>
        public int OverLimitReadingsToTrip { get; private set; }

        /// <summary>Identical raw readings that count as stuck, from the active policy's stuck window.</summary>
        public int StuckReadingsToFault { get; private set; }

        /// <summary>
        /// Turns <paramref name="policy"/>'s force windows into reading counts at this board's sample interval
        /// (<see cref="RuleWindows"/>). Called when a policy becomes active, never per step.
        /// </summary>
        public void ApplyWindows(PolicyRecord policy, NodeConfig config)
        {
            uint intervalUs = RuleWindows.SampleIntervalUs(policy, config);
            OverLimitReadingsToTrip = AtLeast(RuleWindows.Readings(policy.ForceOverLimitMs, intervalUs), RuleWindows.OverLimitReadingsMin);
            StuckReadingsToFault = AtLeast(RuleWindows.Readings(policy.ForceStuckMs, intervalUs), RuleWindows.StuckReadingsMin);
        }

        /// <summary>The active force calibration.</summary>
        public CalibrationRecord Calibration { get; }

        /// <summary>True once a reading has arrived since boot.</summary>
        public bool HasReading { get; private set; }

        /// <summary>Raw counts of the newest reading.</summary>
        public int LastCounts => _lastCounts;

        /// <summary>Newest reading in milli-newtons.</summary>
        public int ForceMilliNewtons { get; private set; }

        /// <summary>Monotonic µs of the newest reading.</summary>
        public ulong LastReadingMonoUs { get; private set; }

        /// <summary>True when this step brought a new reading.</summary>
        public bool NewReading { get; private set; }

        /// <summary>Consecutive new readings at or above the force limit (saturating).</summary>
        public int OverLimitCount { get; private set; }

        /// <summary>Consecutive identical raw readings, 1 after any change (saturating).</summary>
        public int IdenticalCount { get; private set; }

        /// <summary>Current fault, <see cref="SensorFaultKind.None"/> when the reading is trustworthy.</summary>
        public SensorFaultKind Fault { get; private set; }

        /// <summary>The value that made the fault (unit per <see cref="SensorFaultKind"/>).</summary>
        public long FaultObserved { get; private set; }

        /// <summary>The limit the fault crossed, same unit.</summary>
        public long FaultLimit { get; private set; }

        /// <summary>True when the newest reading is present, fresh and not faulted.</summary>
        public bool IsValid => HasReading && Fault == SensorFaultKind.None;

        /// <summary>True while the newest valid reading is at or above the force limit.</summary>
        public bool IsOverLimit(PolicyRecord policy) => IsValid && ForceMilliNewtons >= policy.ForceLimitMilliNewtons;

        /// <summary>True while the newest valid reading is in the near-miss band (warn ≤ force &lt; limit).</summary>
        public bool IsInWarningBand(PolicyRecord policy) =>
            IsValid && ForceMilliNewtons >= policy.ForceWarnMilliNewtons && ForceMilliNewtons < policy.ForceLimitMilliNewtons;

        /// <summary>Reads the source once and updates every check. Allocation-free.</summary>
        public void Sample(IForceSource source, ulong nowUs, PolicyRecord policy, uint silenceLimitUs)
        {
            NewReading = false;
            SensorReadStatus status = source.TryReadCounts(out int counts);
            if (status == SensorReadStatus.Fault)
            {
                _readError = true;
            }
            else if (status == SensorReadStatus.NewReading)
            {
                _readError = false;
                NewReading = true;
                IdenticalCount = HasReading && counts == _lastCounts ? Saturate(IdenticalCount + 1) : 1;
                HasReading = true;
                _lastCounts = counts;
                LastReadingMonoUs = nowUs;
                ForceMilliNewtons = Calibration.ToUnits(counts);
            }

            Evaluate(nowUs, policy, silenceLimitUs);
            if (NewReading)
            {
                OverLimitCount = IsOverLimit(policy) ? Saturate(OverLimitCount + 1) : 0;
            }
            else if (!IsValid)
            {
                OverLimitCount = 0;
            }
        }

        /// <summary>Recomputes the reading after a calibration change (same raw counts, new units).</summary>
        public void Recalibrate(PolicyRecord policy, ulong nowUs, uint silenceLimitUs)
        {
            if (HasReading)
            {
                ForceMilliNewtons = Calibration.ToUnits(_lastCounts);
            }

            OverLimitCount = 0;
            Evaluate(nowUs, policy, silenceLimitUs);
        }

        private void Evaluate(ulong nowUs, PolicyRecord policy, uint silenceLimitUs)
        {
            Fault = SensorFaultKind.None;
            FaultObserved = 0;
            FaultLimit = 0;
            if (_readError)
            {
                Fault = SensorFaultKind.ReadError;
                return;
            }

            ulong since = HasReading ? LastReadingMonoUs : 0;
            ulong silenceUs = nowUs > since ? nowUs - since : 0;
            if (silenceUs > silenceLimitUs)
            {
                Set(SensorFaultKind.NotAnswering, (long)silenceUs, silenceLimitUs);
                return;
            }

            if (!HasReading)
            {
                return;
            }

            if (ForceMilliNewtons < policy.ForceRangeMinMilliNewtons)
            {
                Set(SensorFaultKind.BelowRange, ForceMilliNewtons, policy.ForceRangeMinMilliNewtons);
            }
            else if (ForceMilliNewtons > policy.ForceRangeMaxMilliNewtons)
            {
                Set(SensorFaultKind.AboveRange, ForceMilliNewtons, policy.ForceRangeMaxMilliNewtons);
            }
            else if (IdenticalCount >= StuckReadingsToFault)
            {
                Set(SensorFaultKind.Stuck, IdenticalCount, StuckReadingsToFault);
            }
        }

        private void Set(SensorFaultKind kind, long observed, long limit)
        {
            Fault = kind;
            FaultObserved = observed;
            FaultLimit = limit;
        }

        private static int Saturate(int value) => value > CountSaturation ? CountSaturation : value;

        private static int AtLeast(int value, int least) => Saturate(value < least ? least : value);
    }
}
