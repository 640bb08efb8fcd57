using System;
using Jidoka.Node.Channels;
using Jidoka.Node.Config;
using Jidoka.Protocol;

namespace Jidoka.Node.Engine
{
    /// <summary>
    /// One step of the trip loop: read every input, evaluate the policy's rules, trip (stop output off
    /// first, record second), handle the reset button, batch the sample into a frame, then decide the
    /// outputs. The output is energized only at the end of a step that was armed, good and within its
    /// deadline, and only that step kicks the watchdog. Any exception de-energizes the output and latches a
    /// loop-fault trip.
    /// Deterministic given the inputs and the clock; allocation-free.
    /// </summary>
    public sealed class TripLoop
    {
        /// <summary>Reason code of a loop-overrun trip caused by an exception in a step rather than a missed deadline.</summary>
        public const byte ReasonStepException = 1;

        /// <summary>
        /// Reason code of a loop-overrun trip caused by a stall between steps: a step started later than one
        /// period plus the deadline after the previous one (a GC pause, a flash erase, a starved thread).
        /// </summary>
        public const byte ReasonStall = 2;

        /// <summary>Reason code of a loop-overrun trip latched at boot because the previous run ended in a watchdog reset.</summary>
        public const byte ReasonWatchdogReset = 3;

        private readonly NodeContext _c;
        private readonly NodeActions _actions;
        private bool _inWarningEpisode;
        private bool _tripDuringEpisode;
        private int _episodePeakMilliNewtons;
        private int _episodeSamples;
        private SensorFaultKind _lastFault;
        private bool _overrunEpisode;

        /// <summary>Creates the loop over <paramref name="context"/>.</summary>
        public TripLoop(NodeContext context, NodeActions actions)
        {
            _c = context;
            _actions = actions;
        }

        /// <summary>Runs one step. Never throws: a fault de-energizes the output, latches a trip and skips the watchdog kick.</summary>
        public void Step()
        {
            lock (_c.Sync)
            {
                try
                {
                    Invariant.Require(_c.Booted, "step before boot");
                    StepLocked(_c.Hardware.Clock.NowUs);
                }
                catch (Exception)
                {
                    Fault();
                }
            }
        }

        /// <summary>
        /// The pin-change entry: the board calls this from an interlock pin's change handler. It reads both
        /// channels of that interlock and, if both are open while armed, trips at once instead of waiting for
        /// the next step. Thread-safe with the loop (waits at most for the step in progress).
        /// </summary>
        public void OnInterlockEdge(int channelIndex, bool contactOpened)
        {
            ulong detectUs = _c.Hardware.Clock.NowUs;
            lock (_c.Sync)
            {
                try
                {
                    if (!_c.Booted || channelIndex < 0 || channelIndex >= NodeHardware.InterlockChannelCount)
                    {
                        return;
                    }

                    InterlockPair pair = _c.Pairs[channelIndex / 2];
                    bool closedA = _c.Hardware.InterlockChannels[pair.IndexA].Read();
                    bool closedB = _c.Hardware.InterlockChannels[pair.IndexA + 1].Read();
                    ulong nowUs = _c.Hardware.Clock.NowUs;
                    if (contactOpened)
                    {
                        pair.NoteOpened(channelIndex != pair.IndexA, detectUs);
                    }

                    pair.Update(closedA, closedB, nowUs, (ulong)_c.Policy.InterlockDebounceMs * 1000);
                    _c.InterlockBits = InterlockBitsNow();
                    if (_c.Latch.IsArmed && pair.IsOpen)
                    {
                        byte mask = (byte)(3 << pair.IndexA);
                        Trip(TripRule.InterlockOpen, pair.Channel, _c.InterlockBits, mask, 1, 0, detectUs);
                    }
                }
                catch (Exception)
                {
                    Fault();
                }
            }
        }

        private void StepLocked(ulong startUs)
        {
            NodeContext c = _c;
            PolicyRecord policy = c.Policy;
            c.Steps++;
            CheckStall(startUs, policy);

            c.Force.Sample(c.Hardware.Force, startUs, policy, c.Config.ForceSilenceLimitUs);
            c.Vision.Sample(c.Hardware.Vision, startUs, policy);
            ulong debounceUs = (ulong)policy.InterlockDebounceMs * 1000;
            for (int i = 0; i < c.Pairs.Length; i++)
            {
                InterlockPair pair = c.Pairs[i];
                pair.Update(c.Hardware.InterlockChannels[pair.IndexA].Read(), c.Hardware.InterlockChannels[pair.IndexA + 1].Read(), startUs, debounceUs);
            }

            c.InterlockBits = InterlockBitsNow();
            c.Button.Update(c.Hardware.ResetButton.Read(), startUs, c.Config.ResetHoldUs);

            RuleConditions rules = c.Conditions;
            rules.Evaluate(policy, c.Force, c.Vision, c.Pairs, c.InterlockBits, startUs);
            if (c.Latch.IsArmed && rules.FiringRule != TripRule.None)
            {
                Trip(rules.FiringRule, rules.Channel, rules.Observed, rules.Limit, rules.Consecutive, rules.ReasonCode, startUs);
            }

            RecordDiscrepancies(startUs);
            RecordSensorFaultChanges(startUs);
            TrackNearMiss(startUs);

            if (c.Button.Pressed)
            {
                _actions.Reset(ResetSource.Button, "", 0, startUs, out ulong _);
            }

            if (c.Latch.State == TripState.Booting && rules.IsGoodCycle && c.Journal.HasRoomForProtected(1))
            {
                // First good cycle since boot; arming only with room to journal the next trip.
                c.Latch.Arm();
                c.StatusGeneration++;
            }

            c.FillProvenance(c.StepProvenance, startUs);
            bool degraded = !c.Force.IsValid || !c.Vision.HasValue || c.Vision.IsStale || c.StepProvenance.TimeQuality == TimeQuality.Unsynced;
            c.Appender.Append(
                startUs,
                policy.LoopPeriodUs,
                c.ProvenanceEpoch,
                c.StepProvenance,
                c.BootId,
                c.Force.ForceMilliNewtons,
                c.Vision.Confidence,
                c.Vision.HasValue ? c.Vision.AgeMs : (ushort)0,
                c.InterlockBits,
                c.CurrentSampleFlags(),
                degraded);
            c.Andon.Update(c.Latch.State, startUs);

            ulong endUs = c.Hardware.Clock.NowUs;
            ulong stepUs = endUs > startUs ? endUs - startUs : 0;
            uint step32 = stepUs > uint.MaxValue ? uint.MaxValue : (uint)stepUs;
            if (step32 > c.MaxStepUs)
            {
                c.MaxStepUs = step32;
            }

            if (stepUs > policy.LoopDeadlineUs)
            {
                Overrun(stepUs, policy.LoopDeadlineUs, endUs);
                return;
            }

            _overrunEpisode = false;
            // Armed means no rule fired this step (a firing rule has latched the trip above); a condition that is
            // present but has not fired yet (force over the limit for fewer than N samples) keeps the cell running.
            if (c.Latch.IsArmed)
            {
                c.Stop.Energize();
            }
            else
            {
                c.Stop.DeEnergize();
            }

            c.LastStepGood = true;
            c.Hardware.Watchdog.Kick();
        }

        /// <summary>
        /// Latches a loop-overrun trip for a watchdog reset: the loop stopped long enough for the external
        /// watchdog to cut the output and reset the MCU, so the node must not re-arm by itself on its first
        /// good cycle. Keeps a trip that was already latched before the reset (that one names the real cause).
        /// Call under the node lock, after the store is loaded.
        /// </summary>
        public void LatchWatchdogReset(uint resetCauseCode, ulong nowUs)
        {
            if (_c.Latch.IsTripped)
            {
                return;
            }

            Trip(TripRule.LoopOverrun, InputChannel.Loop, resetCauseCode, 0, 1, ReasonWatchdogReset, nowUs);
        }

        private void CheckStall(ulong startUs, PolicyRecord policy)
        {
            NodeContext c = _c;
            ulong previousUs = c.LastStepStartUs;
            ulong periodUs = c.LastStepPeriodUs > policy.LoopPeriodUs ? c.LastStepPeriodUs : policy.LoopPeriodUs;
            c.LastStepStartUs = startUs;
            c.LastStepPeriodUs = policy.LoopPeriodUs;

            // The scheduler skips missed periods and only counts them, so without this a stall shorter than
            // the watchdog timeout left the cell running on inputs nobody had read for that long.
            ulong allowedUs = periodUs + policy.LoopDeadlineUs + c.Config.StallSlackUs;
            if (previousUs == 0 || startUs <= previousUs || startUs - previousUs <= allowedUs)
            {
                return;
            }

            c.Stalls++;
            if (c.Latch.IsArmed)
            {
                Trip(TripRule.LoopOverrun, InputChannel.Loop, (long)(startUs - previousUs), (long)allowedUs, 1, ReasonStall, startUs);
            }
        }

        private void Overrun(ulong stepUs, uint deadlineUs, ulong endUs)
        {
            NodeContext c = _c;
            c.Overruns++;
            c.LastStepGood = false;
            if (c.Latch.IsArmed)
            {
                Trip(TripRule.LoopOverrun, InputChannel.Loop, (long)stepUs, deadlineUs, 1, 0, endUs);
            }
            else
            {
                c.Stop.DeEnergize();
                if (!_overrunEpisode)
                {
                    // One event per run of overruns: a loop that overruns every step must not flood the journal.
                    DecisionRecord r = c.Recorder.Begin(EventType.LoopOverrun, endUs);
                    r.Rule = TripRule.LoopOverrun;
                    r.Channel = InputChannel.Loop;
                    r.ObservedValue = (long)stepUs;
                    r.LimitValue = deadlineUs;
                    c.Recorder.Commit();
                }
            }

            _overrunEpisode = true;
        }

        private void Trip(TripRule rule, InputChannel channel, long observed, long limit, ushort consecutive, byte reasonCode, ulong detectUs)
        {
            NodeContext c = _c;

            // Output first: everything after this line is bookkeeping.
            c.Stop.DeEnergize();
            ulong outputUs = c.Hardware.Clock.NowUs;
            ResponseClass response = c.Policy.ResponseFor(rule);
            c.Latch.Latch(rule, response, channel);
            c.StatusGeneration++;
            c.Persist.Touch(PersistItems.Latch);
            if (_inWarningEpisode)
            {
                _tripDuringEpisode = true;
            }

            DecisionRecord r = c.Recorder.Begin(EventType.Trip, detectUs);
            r.Rule = rule;
            r.Response = response;
            r.Channel = channel;
            r.ReasonCode = reasonCode;
            r.ObservedValue = observed;
            r.LimitValue = limit;
            r.ConsecutiveSamples = consecutive;
            r.DetectMonoUs = detectUs;
            ulong latencyUs = outputUs > detectUs ? outputUs - detectUs : 0;
            r.LatencyUs = latencyUs > uint.MaxValue ? uint.MaxValue : (uint)latencyUs;
            r.Argument = c.Policy.PolicyId;
            c.Latch.TripEventId = c.Recorder.Commit();
            _lastFault = c.Force.Fault;
        }

        private void Fault()
        {
            try
            {
                _c.Stop.DeEnergize();
            }
            catch (Exception)
            {
                // Nothing more can be done from here; the withheld watchdog kick drops the output in hardware.
            }

            _c.LoopFaults++;
            _c.LastStepGood = false;
            try
            {
                // A step that threw has not checked the inputs, so the node cannot say the process is fine:
                // latch a trip (as a loop fault) so the cell stays stopped until someone resets it, and the
                // event says why. Without the latch the next good step would restart the cell by itself.
                if (_c.Booted && _c.Latch.IsArmed)
                {
                    Trip(TripRule.LoopOverrun, InputChannel.Loop, _c.LoopFaults, 0, 1, ReasonStepException, _c.Hardware.Clock.NowUs);
                }
            }
            catch (Exception)
            {
                // The output is already off and the kick withheld; recording is best effort here.
            }
        }

        private void RecordDiscrepancies(ulong nowUs)
        {
            for (int i = 0; i < _c.Pairs.Length; i++)
            {
                InterlockPair pair = _c.Pairs[i];
                if (pair.DisagreementBegan)
                {
                    DecisionRecord r = _c.Recorder.Begin(EventType.Discrepancy, nowUs);
                    r.Rule = TripRule.ChannelDiscrepancy;
                    r.Channel = pair.Channel;
                    r.ObservedValue = _c.InterlockBits;
                    r.LimitValue = (long)_c.Policy.DiscrepancyMs * 1000;
                    r.DetectMonoUs = nowUs;
                    _c.Recorder.Commit();
                    pair.MarkDisagreementRecorded();
                }
            }
        }

        private void RecordSensorFaultChanges(ulong nowUs)
        {
            SensorFaultKind fault = _c.Force.Fault;
            if (fault == _lastFault)
            {
                return;
            }

            if (_c.Latch.IsTripped)
            {
                // While armed a new fault is a trip and carries its own record; while tripped it is news.
                DecisionRecord r = _c.Recorder.Begin(EventType.SensorFault, nowUs);
                r.Rule = TripRule.SensorFault;
                r.Channel = InputChannel.Force;
                r.ReasonCode = (byte)fault;
                r.ObservedValue = _c.Force.FaultObserved;
                r.LimitValue = _c.Force.FaultLimit;
                r.DetectMonoUs = nowUs;
                _c.Recorder.Commit();
            }

            _lastFault = fault;
        }

        private void TrackNearMiss(ulong nowUs)
        {
            NodeContext c = _c;
            bool inBand = c.Latch.IsArmed && c.Force.IsValid && c.Force.ForceMilliNewtons >= c.Policy.ForceWarnMilliNewtons;
            if (inBand)
            {
                if (!_inWarningEpisode)
                {
                    _inWarningEpisode = true;
                    _tripDuringEpisode = false;
                    _episodePeakMilliNewtons = c.Force.ForceMilliNewtons;
                    _episodeSamples = 0;
                }

                if (c.Force.NewReading)
                {
                    _episodeSamples++;
                }

                if (c.Force.ForceMilliNewtons > _episodePeakMilliNewtons)
                {
                    _episodePeakMilliNewtons = c.Force.ForceMilliNewtons;
                }

                return;
            }

            if (!_inWarningEpisode)
            {
                return;
            }

            _inWarningEpisode = false;
            if (_tripDuringEpisode || c.Latch.IsTripped)
            {
                return;
            }

            DecisionRecord r = c.Recorder.Begin(EventType.NearMiss, nowUs);
            r.Rule = TripRule.ForceNearMiss;
            r.Channel = InputChannel.Force;
            r.ObservedValue = _episodePeakMilliNewtons;
            r.LimitValue = c.Policy.ForceWarnMilliNewtons;
            r.ConsecutiveSamples = (ushort)(_episodeSamples > ushort.MaxValue ? ushort.MaxValue : _episodeSamples);
            r.DetectMonoUs = nowUs;
            c.Recorder.Commit();
        }

        private byte InterlockBitsNow()
        {
            int bits = 0;
            for (int i = 0; i < _c.Pairs.Length; i++)
            {
                bits |= _c.Pairs[i].Bits;
            }

            return (byte)bits;
        }
    }
}
