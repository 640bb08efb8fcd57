using Jidoka.Node.Channels;
using Jidoka.Node.Config;
using Jidoka.Node.Frames;
using Jidoka.Node.Journal;
using Jidoka.Node.Time;
using Jidoka.Protocol;

namespace Jidoka.Node.Engine
{
    /// <summary>
    /// The node's state, allocated once at construction and shared by the trip loop, the actions
    /// (reset, policy, calibration), the command processor and the communication side. Every field is
    /// read and written under <see cref="Sync"/>; nothing here allocates after construction.
    /// </summary>
    public sealed class NodeContext
    {
        /// <summary>Creates the state for <paramref name="config"/> and <paramref name="hardware"/>.</summary>
        public NodeContext(NodeConfig config, NodeHardware hardware)
        {
            Config = config;
            Hardware = hardware;
            Sync = new object();
            Policy = new PolicyRecord();
            StagedPolicy = new PolicyRecord();
            Force = new ForceChannel();
            Vision = new VisionChannel();
            Pairs = new InterlockPair[]
            {
                new InterlockPair(InputChannel.Guard, 0),
                new InterlockPair(InputChannel.LightCurtain, 2),
                new InterlockPair(InputChannel.EStop, 4),
            };
            Button = new ResetButton();
            Conditions = new RuleConditions();
            Latch = new TripLatch();
            Journal = new EventJournal(config.JournalCapacity);
            Frames = new FrameRing(config.FrameRingCapacity, config.NodeId);
            Appender = new FrameAppender(Frames, config.SamplesPerFrame);
            Time = new TimeKeeper(config.TimeSyncMaxRoundTripUs, config.HoldoverAfterUs, config.ClockDriftPpm, config.ClockStepThresholdUs);
            Stop = new StopOutput(hardware.StopOutput);
            Andon = new AndonControl(hardware.Andon);
            Persist = new PersistItems();
            StepProvenance = new Provenance();
            Recorder = new EventRecorder(this);
        }

        /// <summary>The configuration.</summary>
        public NodeConfig Config { get; }

        /// <summary>The hardware boundary.</summary>
        public NodeHardware Hardware { get; }

        /// <summary>The one lock: the loop holds it for a whole step; everything else holds it briefly.</summary>
        public object Sync { get; }

        /// <summary>The active policy.</summary>
        public PolicyRecord Policy { get; }

        /// <summary>Hash of the active policy, computed when it was applied.</summary>
        public uint PolicyHash { get; set; }

        /// <summary>A policy received while tripped, applied on reset.</summary>
        public PolicyRecord StagedPolicy { get; }

        /// <summary>True when <see cref="StagedPolicy"/> holds a policy.</summary>
        public bool HasStagedPolicy { get; set; }

        /// <summary>The force channel.</summary>
        public ForceChannel Force { get; }

        /// <summary>The vision channel.</summary>
        public VisionChannel Vision { get; }

        /// <summary>Guard, light curtain and e-stop, in that order.</summary>
        public InterlockPair[] Pairs { get; }

        /// <summary>The local reset button.</summary>
        public ResetButton Button { get; }

        /// <summary>The rules as evaluated by the last step.</summary>
        public RuleConditions Conditions { get; }

        /// <summary>The trip latch.</summary>
        public TripLatch Latch { get; }

        /// <summary>The event journal.</summary>
        public EventJournal Journal { get; }

        /// <summary>The frame ring.</summary>
        public FrameRing Frames { get; }

        /// <summary>Batches samples into frames.</summary>
        public FrameAppender Appender { get; }

        /// <summary>Wall-clock mapping.</summary>
        public TimeKeeper Time { get; }

        /// <summary>The stop output.</summary>
        public StopOutput Stop { get; }

        /// <summary>The andon light.</summary>
        public AndonControl Andon { get; }

        /// <summary>Generations of the small persisted records.</summary>
        public PersistItems Persist { get; }

        /// <summary>Journals events with provenance and an input snapshot.</summary>
        public EventRecorder Recorder { get; }

        /// <summary>Provenance of the current step (reused; filled by the loop).</summary>
        public Provenance StepProvenance { get; }

        /// <summary>Boot counter of this run.</summary>
        public uint BootId { get; set; }

        /// <summary>Bumped whenever the policy or a calibration changes, or the clock steps; closes the open frame.</summary>
        public uint ProvenanceEpoch { get; set; }

        /// <summary>Bumped whenever something status reports changes (trip state, policy, calibration).</summary>
        public uint StatusGeneration { get; set; }

        /// <summary>Debounced interlock bits of the last step.</summary>
        public byte InterlockBits { get; set; }

        /// <summary>Steps run since boot.</summary>
        public uint Steps { get; set; }

        /// <summary>Longest step since boot, µs.</summary>
        public uint MaxStepUs { get; set; }

        /// <summary>Steps that overran the deadline since boot.</summary>
        public uint Overruns { get; set; }

        /// <summary>Steps that ended in an exception since boot.</summary>
        public uint LoopFaults { get; set; }

        /// <summary>True when the last step completed within its deadline.</summary>
        public bool LastStepGood { get; set; }

        /// <summary>Clock reading at the start of the last step, µs; 0 before the first step.</summary>
        public ulong LastStepStartUs { get; set; }

        /// <summary>Loop period the last step ran under, µs.</summary>
        public uint LastStepPeriodUs { get; set; }

        /// <summary>Steps that started more than a period plus the deadline after the previous one, since boot.</summary>
        public uint Stalls { get; set; }

        /// <summary>True once <see cref="NodeCore.Boot"/> has completed.</summary>
        public bool Booted { get; set; }

        /// <summary>Set by a status-request command; cleared when status is published.</summary>
        public bool StatusRequested { get; set; }

        /// <summary>Fills <paramref name="provenance"/> with the time mapping, policy and calibrations in force.</summary>
        public void FillProvenance(Provenance provenance, ulong nowUs)
        {
            Time.Fill(provenance, nowUs);
            provenance.PolicyId = Policy.PolicyId;
            provenance.PolicyHash = PolicyHash;
            provenance.ForceCalibrationId = Force.Calibration.CalibrationId;
            provenance.ForceCalibrationVersion = Force.Calibration.Version;
            provenance.VisionCalibrationId = Vision.Calibration.CalibrationId;
            provenance.VisionCalibrationVersion = Vision.Calibration.Version;
        }

        /// <summary>The sample flags the channels and the latch give now.</summary>
        public byte CurrentSampleFlags()
        {
            int flags = 0;
            if (Force.IsValid)
            {
                flags |= SampleFlags.ForceValid;
            }

            if (Vision.HasValue)
            {
                flags |= SampleFlags.VisionValid;
            }

            if (Latch.IsTripped)
            {
                flags |= SampleFlags.TripLatched;
            }

            if (Force.IsInWarningBand(Policy))
            {
                flags |= SampleFlags.ForceWarning;
            }

            if (Vision.IsStale)
            {
                flags |= SampleFlags.VisionStale;
            }

            return (byte)flags;
        }

        /// <summary>Copies the inputs the node sees now into a decision record.</summary>
        public void FillSnapshot(DecisionRecord record)
        {
            record.ForceMilliNewtons = Force.ForceMilliNewtons;
            record.VisionConfidence = Vision.Confidence;
            record.VisionAgeMs = Vision.HasValue ? Vision.AgeMs : (ushort)0;
            record.InterlockBits = InterlockBits;
            record.SampleFlags = CurrentSampleFlags();
        }

        /// <summary>Makes <paramref name="policy"/> the active policy.</summary>
        public void ActivatePolicy(PolicyRecord policy)
        {
            Policy.CopyFrom(policy);
            Force.ApplyWindows(Policy, Config);
            PolicyHash = Policy.ComputeHash();
            ProvenanceEpoch++;
            StatusGeneration++;
            Persist.Touch(PersistItems.Policy);
        }
    }
}
