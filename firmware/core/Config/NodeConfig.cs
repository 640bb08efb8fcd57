using System;
using Jidoka.Protocol;

namespace Jidoka.Node.Config
{
    /// <summary>
    /// Everything a node is told at boot: who it is, the bounds of its buffers, its communication
    /// timings, and the policy and calibrations it starts with when its store holds none. Board files
    /// convert into one of these. Every bound is explicit so that memory use is fixed at boot.
    /// </summary>
    public sealed class NodeConfig
    {
        /// <summary>Smallest journal the core accepts: room for a trip, its reset and a few others.</summary>
        public const int JournalCapacityMin = 8;

        /// <summary>Largest journal the core accepts (bounded by store slots and RAM).</summary>
        public const int JournalCapacityMax = 1024;

        /// <summary>Largest frame ring the core accepts.</summary>
        public const int FrameRingCapacityMax = 1024;

        /// <summary>Creates a configuration with conservative defaults and empty identity.</summary>
        public NodeConfig()
        {
            CellId = "";
            NodeId = "";
            FirmwareVersion = "0.1.0";
            Board = "unknown";
            JournalCapacity = 64;
            FrameRingCapacity = 32;
            SamplesPerFrame = 50;
            ForceSilenceLimitUs = 200000;
            ResetHoldUs = 50000;
            StatusPeriodUs = 60000000;
            StatusMinIntervalUs = 1000000;
            TimeSyncPeriodUs = 16000000;
            TimeSyncUnsyncedPeriodUs = 2000000;
            TimeSyncMaxRoundTripUs = 500000;
            HoldoverAfterUs = 60000000;
            ClockDriftPpm = 100;
            ClockStepThresholdUs = 50000;
            AckTimeoutUs = 10000000;
            EventIdBlockSize = 1024;
            InboxCapacity = 16;
            MaxEventsPerService = 8;
            MaxFramesPerService = 8;
            RequireHostOnline = true;
            ClockResolutionUs = 1;
            LoopPeriodUsMin = PolicyRecord.LoopPeriodUsMin;
            DefaultPolicy = new PolicyRecord();
            DefaultForceCalibration = new CalibrationRecord();
            DefaultVisionCalibration = new CalibrationRecord();
        }

        /// <summary>Cell id (topic level), see <see cref="Identifiers.IsValidId"/>.</summary>
        public string CellId { get; set; }

        /// <summary>Node id (topic level and message field).</summary>
        public string NodeId { get; set; }

        /// <summary>Firmware version reported in status.</summary>
        public string FirmwareVersion { get; set; }

        /// <summary>Board name reported in status, as in board-configs/.</summary>
        public string Board { get; set; }

        /// <summary>Events the journal holds until acknowledged; each needs one store slot.</summary>
        public int JournalCapacity { get; set; }

        /// <summary>Frames held in RAM while the link or the bridge is down; oldest dropped first when full.</summary>
        public int FrameRingCapacity { get; set; }

        /// <summary>Samples batched into one frame, 1..50.</summary>
        public int SamplesPerFrame { get; set; }

        /// <summary>Longest the force source may go without a new reading before it counts as not answering, µs.</summary>
        public uint ForceSilenceLimitUs { get; set; }

        /// <summary>
        /// Interval of the force front end's own readings, µs, when it is slower than any loop period this board
        /// runs (an HX711 at 80 samples/s: 12 500); 0 when the front end gives a new reading every step (the MCU
        /// ADC). The force windows of a policy are counted in readings at the longer of this and the loop period.
        /// </summary>
        public uint ForceReadingIntervalUs { get; set; }

        /// <summary>The reset button must be held this long after being released before a press counts, µs.</summary>
        public uint ResetHoldUs { get; set; }

        /// <summary>Status is published at least this often, µs.</summary>
        public ulong StatusPeriodUs { get; set; }

        /// <summary>Status is published at most this often on changes, µs (bounds MQTT traffic during flapping).</summary>
        public ulong StatusMinIntervalUs { get; set; }

        /// <summary>Time-sync request period once synced, µs.</summary>
        public ulong TimeSyncPeriodUs { get; set; }

        /// <summary>Time-sync request period while unsynced, µs.</summary>
        public ulong TimeSyncUnsyncedPeriodUs { get; set; }

        /// <summary>Exchanges with a longer round trip are discarded: their offset error bound is too wide, µs.</summary>
        public uint TimeSyncMaxRoundTripUs { get; set; }

        /// <summary>Without a good exchange for this long the time quality becomes holdover, µs.</summary>
        public ulong HoldoverAfterUs { get; set; }

        /// <summary>Assumed worst-case drift of the node clock, parts per million; grows uncertainty in holdover.</summary>
        public uint ClockDriftPpm { get; set; }

        /// <summary>An offset change larger than this (and than the uncertainty) is a clock step event, µs.</summary>
        public uint ClockStepThresholdUs { get; set; }

        /// <summary>An event published and not acknowledged for this long is sent again (replayed), µs.</summary>
        public ulong AckTimeoutUs { get; set; }

        /// <summary>Event ids are reserved in persisted blocks of this many, so a reboot never reuses one.</summary>
        public uint EventIdBlockSize { get; set; }

        /// <summary>Incoming MQTT messages buffered between communication service calls.</summary>
        public int InboxCapacity { get; set; }

        /// <summary>Events published per communication service call (bounds the time of one call).</summary>
        public int MaxEventsPerService { get; set; }

        /// <summary>Frames published per communication service call.</summary>
        public int MaxFramesPerService { get; set; }

        /// <summary>
        /// When true (the protocol's rule) frames and events are held while no bridge has said it is
        /// online on its retained state topic, as Sparkplug's primary-host STATE.
        /// </summary>
        public bool RequireHostOnline { get; set; }

        /// <summary>A loop deadline must span at least this many clock steps, or step durations quantize away.</summary>
        public const uint DeadlineClockStepsMin = 4;

        /// <summary>Step of the board's monotonic clock, µs (1 on a µs hardware timer, 1000 on a millisecond tick).</summary>
        public uint ClockResolutionUs { get; set; }

        /// <summary>Shortest loop period the board's runtime holds, µs; a policy asking for less is refused.</summary>
        public uint LoopPeriodUsMin { get; set; }

        /// <summary>
        /// Extra lateness tolerated before a late step counts as a stall, µs. 0 on a device; the simulated
        /// board on a shared general-purpose host sets it, because that host's scheduler is not the device's.
        /// </summary>
        public uint StallSlackUs { get; set; }

        /// <summary>
        /// Checks <paramref name="policy"/> and that this board can hold it: the period is not shorter than
        /// <see cref="LoopPeriodUsMin"/> (<see cref="PolicyProblem.LoopPeriod"/>) and the deadline spans at least
        /// <see cref="DeadlineClockStepsMin"/> clock steps (<see cref="PolicyProblem.LoopDeadline"/>), and the force
        /// windows span the readings their rules need (<see cref="RuleWindows.Check"/>). The node
        /// refuses a policy that fails here exactly as one that fails <see cref="PolicyRecord.Validate"/>.
        /// </summary>
        public PolicyProblem CheckPolicy(PolicyRecord policy)
        {
            PolicyProblem problem = policy.Validate();
            if (problem != PolicyProblem.None)
            {
                return problem;
            }

            if (policy.LoopPeriodUs < LoopPeriodUsMin)
            {
                return PolicyProblem.LoopPeriod;
            }

            if (policy.LoopDeadlineUs < (ulong)ClockResolutionUs * DeadlineClockStepsMin)
            {
                return PolicyProblem.LoopDeadline;
            }

            return RuleWindows.Check(policy, this);
        }

        /// <summary>Policy used when the store holds no valid one.</summary>
        public PolicyRecord DefaultPolicy { get; }

        /// <summary>Force calibration used when the store holds no valid one.</summary>
        public CalibrationRecord DefaultForceCalibration { get; }

        /// <summary>Vision calibration used when the store holds no valid one.</summary>
        public CalibrationRecord DefaultVisionCalibration { get; }

        /// <summary>
        /// Checks every field; throws <see cref="ArgumentException"/> naming the first bad one. Called at
        /// boot, before any output is driven, so a bad board file stops the node with the stop output off.
        /// </summary>
        public void Validate()
        {
            Check(Identifiers.IsValidId(CellId) && CellId[0] != '_', "CellId");
            Check(Identifiers.IsValidId(NodeId), "NodeId");
            Check(StatusMessage.IsStatusText(FirmwareVersion), "FirmwareVersion");
            Check(StatusMessage.IsStatusText(Board), "Board");
            Check(JournalCapacity >= JournalCapacityMin && JournalCapacity <= JournalCapacityMax, "JournalCapacity");
            Check(FrameRingCapacity >= 2 && FrameRingCapacity <= FrameRingCapacityMax, "FrameRingCapacity");
            Check(SamplesPerFrame >= 1 && SamplesPerFrame <= ProtocolLimits.MaxSamplesPerFrame, "SamplesPerFrame");
            Check(ForceSilenceLimitUs >= 1000, "ForceSilenceLimitUs");
            Check(ResetHoldUs <= 5000000, "ResetHoldUs");
            Check(StatusPeriodUs >= 1000000, "StatusPeriodUs");
            Check(StatusMinIntervalUs <= StatusPeriodUs, "StatusMinIntervalUs");
            Check(TimeSyncPeriodUs >= 100000 && TimeSyncUnsyncedPeriodUs >= 100000, "TimeSyncPeriodUs");
            Check(TimeSyncMaxRoundTripUs >= 1, "TimeSyncMaxRoundTripUs");
            Check(HoldoverAfterUs >= TimeSyncPeriodUs, "HoldoverAfterUs");
            Check(ClockDriftPpm <= 10000, "ClockDriftPpm");
            Check(AckTimeoutUs >= 100000, "AckTimeoutUs");
            Check(EventIdBlockSize >= 16 && EventIdBlockSize <= 1000000, "EventIdBlockSize");
            Check(InboxCapacity >= 1 && InboxCapacity <= 256, "InboxCapacity");
            Check(MaxEventsPerService >= 1 && MaxFramesPerService >= 1, "MaxEventsPerService");
            Check(ClockResolutionUs >= 1 && ClockResolutionUs <= 100000, "ClockResolutionUs");
            Check(LoopPeriodUsMin >= PolicyRecord.LoopPeriodUsMin && LoopPeriodUsMin <= PolicyRecord.LoopPeriodUsMax, "LoopPeriodUsMin");
            Check(StallSlackUs <= 10000000, "StallSlackUs");
            Check(DefaultPolicy.Validate() == PolicyProblem.None, "DefaultPolicy");
            Check(DefaultPolicy.LoopPeriodUs >= LoopPeriodUsMin, "DefaultPolicy.LoopPeriodUs (shorter than this board holds)");
            PolicyProblem defaultProblem = CheckPolicy(DefaultPolicy);
            Check(defaultProblem == PolicyProblem.None, "DefaultPolicy (" + PolicyProblemNames.Name(defaultProblem) + ")");
            Check(DefaultForceCalibration.Validate() == CalibrationProblem.None && DefaultForceCalibration.Channel == InputChannel.Force, "DefaultForceCalibration");
            Check(DefaultVisionCalibration.Validate() == CalibrationProblem.None && DefaultVisionCalibration.Channel == InputChannel.Vision, "DefaultVisionCalibration");
        }

        private static void Check(bool ok, string field)
        {
            if (!ok)
            {
                throw new ArgumentException("invalid node configuration: " + field);
            }
        }
    }
}
