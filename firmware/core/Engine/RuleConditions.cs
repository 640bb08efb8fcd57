using Jidoka.Node.Channels;
using Jidoka.Protocol;

namespace Jidoka.Node.Engine
{
    /// <summary>
    /// The rules of the active policy evaluated against the channels for one step: the first rule that
    /// fires (in the order below), the values for its decision record, and whether any condition is
    /// present at all (a reset or the first arming needs none). Order: interlock open, channel
    /// discrepancy, sensor fault, force over limit, vision stale, vision low confidence; a door standing
    /// open is the cause a reviewer needs first, and a faulted force reading is not compared with a limit.
    /// </summary>
    public sealed class RuleConditions
    {
        /// <summary>The first rule that fires, or <see cref="TripRule.None"/>.</summary>
        public TripRule FiringRule { get; private set; }

        /// <summary>Input of the firing rule.</summary>
        public InputChannel Channel { get; private set; }

        /// <summary>The value that crossed.</summary>
        public long Observed { get; private set; }

        /// <summary>The limit it crossed.</summary>
        public long Limit { get; private set; }

        /// <summary>Consecutive samples the condition held.</summary>
        public ushort Consecutive { get; private set; }

        /// <summary>Rule-specific code (the <see cref="SensorFaultKind"/> for sensor faults).</summary>
        public byte ReasonCode { get; private set; }

        /// <summary>A rule whose condition is present now, even if it has not fired (force over limit for fewer than N samples, channels disagreeing within the discrepancy time).</summary>
        public TripRule ActiveRule { get; private set; }

        /// <summary>Input of <see cref="ActiveRule"/>.</summary>
        public InputChannel ActiveChannel { get; private set; }

        /// <summary>True when any condition is present.</summary>
        public bool AnyActive => ActiveRule != TripRule.None;

        /// <summary>True when nothing is present and the force channel has a valid reading: a good cycle.</summary>
        public bool IsGoodCycle { get; private set; }

        /// <summary>Evaluates every rule. Allocation-free.</summary>
        public void Evaluate(PolicyRecord policy, ForceChannel force, VisionChannel vision, InterlockPair[] pairs, byte interlockBits, ulong nowUs)
        {
            FiringRule = TripRule.None;
            ActiveRule = TripRule.None;
            ActiveChannel = InputChannel.None;
            Channel = InputChannel.None;
            Observed = 0;
            Limit = 0;
            Consecutive = 0;
            ReasonCode = 0;
            ulong discrepancyUs = (ulong)policy.DiscrepancyMs * 1000;

            for (int i = 0; i < pairs.Length; i++)
            {
                InterlockPair pair = pairs[i];
                if (pair.IsOpen)
                {
                    byte mask = (byte)(3 << pair.IndexA);
                    Fire(TripRule.InterlockOpen, pair.Channel, interlockBits, mask, 1, 0);
                }
            }

            for (int i = 0; i < pairs.Length; i++)
            {
                InterlockPair pair = pairs[i];
                if (pair.IsDisagreeing)
                {
                    Activate(TripRule.ChannelDiscrepancy, pair.Channel);
                    if (pair.IsDiscrepant(nowUs, discrepancyUs))
                    {
                        Fire(TripRule.ChannelDiscrepancy, pair.Channel, (long)pair.DisagreementUs(nowUs), (long)discrepancyUs, 1, 0);
                    }
                }
            }

            if (force.Fault != SensorFaultKind.None)
            {
                Fire(TripRule.SensorFault, InputChannel.Force, force.FaultObserved, force.FaultLimit, 1, (byte)force.Fault);
            }

            if (force.IsOverLimit(policy))
            {
                Activate(TripRule.ForceOverLimit, InputChannel.Force);
                if (force.OverLimitCount >= force.OverLimitReadingsToTrip)
                {
                    Fire(TripRule.ForceOverLimit, InputChannel.Force, force.ForceMilliNewtons, policy.ForceLimitMilliNewtons, (ushort)force.OverLimitCount, 0);
                }
            }

            if (vision.IsStale)
            {
                Fire(TripRule.VisionStale, InputChannel.Vision, (long)(vision.AgeUs / 1000), policy.VisionMaxAgeMs, 1, 0);
            }
            else if (vision.IsLow)
            {
                Fire(TripRule.VisionLowConfidence, InputChannel.Vision, vision.Confidence, policy.VisionMinConfidence, 1, 0);
            }

            IsGoodCycle = !AnyActive && force.IsValid;
        }

        private void Activate(TripRule rule, InputChannel channel)
        {
            if (ActiveRule == TripRule.None)
            {
                ActiveRule = rule;
                ActiveChannel = channel;
            }
        }

        private void Fire(TripRule rule, InputChannel channel, long observed, long limit, ushort consecutive, byte reasonCode)
        {
            Activate(rule, channel);
            if (FiringRule != TripRule.None)
            {
                return;
            }

            FiringRule = rule;
            Channel = channel;
            Observed = observed;
            Limit = limit;
            Consecutive = consecutive;
            ReasonCode = reasonCode;
        }
    }
}
