using Jidoka.Protocol;

namespace Jidoka.Node.Engine
{
    /// <summary>
    /// What an operator can make the node do, from the reset button or a command: reset, apply a policy,
    /// set a calibration, tare, identify. Each one is checked, acted on, journaled and marked for
    /// persistence here, under the lock, so the button path and the command path cannot differ.
    /// A state change that would need a protected journal entry is refused when the journal could then
    /// not record the next trip (<see cref="CommandReason.JournalFull"/>).
    /// </summary>
    public sealed class NodeActions
    {
        private readonly NodeContext _c;

        /// <summary>Creates the actions over <paramref name="context"/>.</summary>
        public NodeActions(NodeContext context)
        {
            _c = context;
        }

        /// <summary>
        /// Resets a latched trip if its cause (and every other condition) has cleared. Both outcomes are
        /// journaled; a button press while not tripped is ignored without an event, since pressing the
        /// button on a running cell is not news. Returns <see cref="CommandReason.None"/> on success.
        /// </summary>
        public CommandReason Reset(ResetSource source, string operatorId, uint commandId, ulong nowUs, out ulong eventId)
        {
            NodeContext c = _c;
            eventId = 0;
            CommandReason refusal = CommandReason.None;
            if (!c.Latch.IsTripped)
            {
                if (source == ResetSource.Button)
                {
                    return CommandReason.NotTripped;
                }

                refusal = CommandReason.NotTripped;
            }
            else if (c.Conditions.AnyActive)
            {
                refusal = CommandReason.CauseActive;
            }
            else if (!c.Journal.HasRoomForProtected(2 + (c.HasStagedPolicy ? 1 : 0)))
            {
                // Room for the reset, the staged policy's activation and the next trip, or no reset.
                refusal = CommandReason.JournalFull;
            }

            if (refusal != CommandReason.None)
            {
                eventId = Refuse(EventType.ResetRefused, refusal, 0, operatorId, commandId, nowUs);
                return refusal;
            }

            TripRule rule = c.Latch.Rule;
            InputChannel channel = c.Latch.Channel;
            ulong tripId = c.Latch.TripEventId;
            c.Latch.Arm();
            c.StatusGeneration++;
            c.Persist.Touch(PersistItems.Latch);
            DecisionRecord r = c.Recorder.Begin(EventType.Reset, nowUs);
            r.Rule = rule;
            r.Channel = channel;
            r.ReasonCode = (byte)source;
            r.OperatorId = operatorId;
            r.RelatedEventId = tripId;
            r.Argument = commandId;
            eventId = c.Recorder.Commit();
            if (c.HasStagedPolicy)
            {
                c.HasStagedPolicy = false;
                c.Persist.Touch(PersistItems.StagedPolicy);
                Activate(c.StagedPolicy, operatorId, nowUs);
            }

            return CommandReason.None;
        }

        /// <summary>
        /// Validates and applies <paramref name="policy"/>, or stages it while tripped unless
        /// <paramref name="changeover"/>. Returns the outcome; <paramref name="reason"/> and
        /// <paramref name="detail"/> say why a rejection happened.
        /// </summary>
        public CommandOutcome ApplyPolicy(PolicyRecord policy, bool changeover, string operatorId, uint commandId, ulong nowUs, out CommandReason reason, out byte detail, out ulong eventId)
        {
            NodeContext c = _c;
            // The board's limits too: a 1 ms policy is valid in the protocol but not on a 10 ms node.
            PolicyProblem problem = c.Config.CheckPolicy(policy);
            detail = (byte)problem;
            if (problem != PolicyProblem.None)
            {
                reason = CommandReason.InvalidPolicy;
                DecisionRecord r = c.Recorder.Begin(EventType.PolicyRejected, nowUs);
                r.ReasonCode = (byte)problem;
                r.Argument = policy.PolicyId;
                r.OperatorId = operatorId;
                eventId = c.Recorder.Commit();
                return CommandOutcome.Rejected;
            }

            if (!c.Journal.HasRoomForProtected(2))
            {
                reason = CommandReason.JournalFull;
                eventId = Refuse(EventType.CommandRejected, reason, 0, operatorId, commandId, nowUs);
                return CommandOutcome.Rejected;
            }

            reason = CommandReason.None;
            if (c.Latch.IsTripped && !changeover)
            {
                c.StagedPolicy.CopyFrom(policy);
                c.HasStagedPolicy = true;
                c.StatusGeneration++;
                c.Persist.Touch(PersistItems.StagedPolicy);
                DecisionRecord r = c.Recorder.Begin(EventType.PolicyStaged, nowUs);
                r.Argument = policy.PolicyId;
                r.OperatorId = operatorId;
                eventId = c.Recorder.Commit();
                return CommandOutcome.Staged;
            }

            if (c.HasStagedPolicy)
            {
                // A policy applied directly supersedes one waiting for a reset.
                c.HasStagedPolicy = false;
                c.Persist.Touch(PersistItems.StagedPolicy);
            }

            eventId = Activate(policy, operatorId, nowUs);
            return CommandOutcome.Applied;
        }

        /// <summary>Validates and applies a calibration to its channel.</summary>
        public CommandOutcome SetCalibration(CalibrationRecord calibration, string operatorId, uint commandId, ulong nowUs, out CommandReason reason, out byte detail, out ulong eventId)
        {
            NodeContext c = _c;
            CalibrationProblem problem = calibration.Validate();
            detail = (byte)problem;
            if (problem != CalibrationProblem.None)
            {
                reason = CommandReason.InvalidCalibration;
                eventId = Refuse(EventType.CommandRejected, reason, (byte)problem, operatorId, commandId, nowUs);
                return CommandOutcome.Rejected;
            }

            if (!c.Journal.HasRoomForProtected(2))
            {
                reason = CommandReason.JournalFull;
                eventId = Refuse(EventType.CommandRejected, reason, 0, operatorId, commandId, nowUs);
                return CommandOutcome.Rejected;
            }

            reason = CommandReason.None;
            if (calibration.Channel == InputChannel.Force)
            {
                c.Force.Calibration.CopyFrom(calibration);
                c.Force.Recalibrate(c.Policy, nowUs, c.Config.ForceSilenceLimitUs);
                c.Persist.Touch(PersistItems.ForceCalibration);
            }
            else
            {
                c.Vision.Calibration.CopyFrom(calibration);
                c.Vision.Recalibrate(c.Policy);
                c.Persist.Touch(PersistItems.VisionCalibration);
            }

            c.ProvenanceEpoch++;
            c.StatusGeneration++;
            DecisionRecord r = c.Recorder.Begin(EventType.CalibrationChanged, nowUs);
            r.Channel = calibration.Channel;
            r.Argument = Tag(calibration);
            r.OperatorId = operatorId;
            eventId = c.Recorder.Commit();
            return CommandOutcome.Applied;
        }

        /// <summary>
        /// Tares the force channel: the newest raw reading becomes the zero offset, as a new version of the
        /// calibration (frames name the version, so readings before and after can be told apart).
        /// Refused for other channels and when the force channel has no current reading to tare on.
        /// </summary>
        public CommandOutcome Tare(InputChannel channel, string operatorId, uint commandId, ulong nowUs, out CommandReason reason, out ulong eventId)
        {
            NodeContext c = _c;
            Channels.SensorFaultKind fault = c.Force.Fault;
            bool readable = c.Force.HasReading && fault != Channels.SensorFaultKind.NotAnswering && fault != Channels.SensorFaultKind.ReadError;
            if (channel != InputChannel.Force || !readable)
            {
                reason = CommandReason.InvalidArgument;
                eventId = Refuse(EventType.CommandRejected, reason, 0, operatorId, commandId, nowUs);
                return CommandOutcome.Rejected;
            }

            if (!c.Journal.HasRoomForProtected(2))
            {
                reason = CommandReason.JournalFull;
                eventId = Refuse(EventType.CommandRejected, reason, 0, operatorId, commandId, nowUs);
                return CommandOutcome.Rejected;
            }

            reason = CommandReason.None;
            Protocol.CalibrationRecord cal = c.Force.Calibration;
            cal.OffsetCounts = c.Force.LastCounts;
            cal.Version = cal.Version == ushort.MaxValue ? (ushort)1 : (ushort)(cal.Version + 1);
            c.Force.Recalibrate(c.Policy, nowUs, c.Config.ForceSilenceLimitUs);
            c.Persist.Touch(PersistItems.ForceCalibration);
            c.ProvenanceEpoch++;
            c.StatusGeneration++;
            DecisionRecord r = c.Recorder.Begin(EventType.Tare, nowUs);
            r.Channel = InputChannel.Force;
            r.ObservedValue = cal.OffsetCounts;
            r.Argument = Tag(cal);
            r.OperatorId = operatorId;
            eventId = c.Recorder.Commit();
            return CommandOutcome.Applied;
        }

        /// <summary>Blinks the andon for <paramref name="seconds"/> so a technician can find the node.</summary>
        public void Identify(int seconds, ulong nowUs) => _c.Andon.IdentifyUntilUs = nowUs + ((ulong)seconds * 1000000);

        /// <summary>Journals a refused command; returns the event id (0 when the journal dropped it).</summary>
        public ulong Refuse(EventType type, CommandReason reason, byte detail, string operatorId, uint commandId, ulong nowUs)
        {
            DecisionRecord r = _c.Recorder.Begin(type, nowUs);
            r.Rule = type == EventType.ResetRefused ? _c.Conditions.ActiveRule : TripRule.None;
            r.Channel = type == EventType.ResetRefused ? _c.Conditions.ActiveChannel : InputChannel.None;
            r.ReasonCode = (byte)reason;
            r.ObservedValue = detail;
            r.RelatedEventId = _c.Latch.TripEventId;
            r.Argument = commandId;
            r.OperatorId = operatorId;
            return _c.Recorder.Commit();
        }

        private ulong Activate(PolicyRecord policy, string operatorId, ulong nowUs)
        {
            _c.ActivatePolicy(policy);
            DecisionRecord r = _c.Recorder.Begin(EventType.PolicyApplied, nowUs);
            r.Argument = policy.PolicyId;
            r.OperatorId = operatorId;
            return _c.Recorder.Commit();
        }

        private static uint Tag(CalibrationRecord calibration) => ((uint)calibration.CalibrationId << 16) | calibration.Version;
    }
}
