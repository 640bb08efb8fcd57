using Jidoka.Node.Engine;
using Jidoka.Protocol;

namespace Jidoka.Node.Comms
{
    /// <summary>
    /// Fills the retained status message from the node's state and decides when it is due: on connect,
    /// on request, when something a technician would act on changed (trip state, policy, calibration,
    /// time quality, bridge presence; at most once per minimum interval), and at least once per period.
    /// </summary>
    public sealed class StatusReporter
    {
        private readonly NodeContext _c;
        private bool _published;
        private ulong _lastPublishUs;
        private uint _lastGeneration;
        private TimeQuality _lastQuality;
        private bool _lastHostOnline;

        /// <summary>Creates the reporter.</summary>
        public StatusReporter(NodeContext context)
        {
            _c = context;
        }

        /// <summary>True when status should be published now. Call under the node's lock.</summary>
        public bool IsDue(ulong nowUs, bool hostOnline, bool force)
        {
            if (!_published || force || _c.StatusRequested)
            {
                return true;
            }

            ulong since = nowUs - _lastPublishUs;
            if (since >= _c.Config.StatusPeriodUs)
            {
                return true;
            }

            bool changed = _lastGeneration != _c.StatusGeneration || _lastQuality != _c.Time.QualityAt(nowUs) || _lastHostOnline != hostOnline;
            return changed && since >= _c.Config.StatusMinIntervalUs;
        }

        /// <summary>Fills <paramref name="status"/>. Call under the node's lock.</summary>
        public void Fill(StatusMessage status, ulong nowUs, bool hostOnline, uint reconnects, uint freeBytes, bool hasFreeBytes)
        {
            NodeContext c = _c;
            status.CellId = c.Config.CellId;
            status.NodeId = c.Config.NodeId;
            status.Online = true;
            status.FirmwareVersion = c.Config.FirmwareVersion;
            status.Board = c.Config.Board;
            status.UptimeSeconds = (long)(nowUs / 1000000);
            status.BootId = c.BootId;
            status.PolicyId = c.Policy.PolicyId;
            status.PolicyHash = c.PolicyHash;
            status.StagedPolicyId = c.HasStagedPolicy ? c.StagedPolicy.PolicyId : 0;
            status.ForceCalibrationId = c.Force.Calibration.CalibrationId;
            status.ForceCalibrationVersion = c.Force.Calibration.Version;
            status.VisionCalibrationId = c.Vision.Calibration.CalibrationId;
            status.VisionCalibrationVersion = c.Vision.Calibration.Version;
            status.TripState = c.Latch.State;
            status.TripCause = c.Latch.Rule;
            status.Response = c.Latch.Response;
            status.TripEventId = c.Latch.TripEventId;
            status.LoopPeriodUs = c.Policy.LoopPeriodUs;
            status.MaxStepUs = c.MaxStepUs;
            status.Overruns = c.Overruns;
            status.JournalDepth = (uint)c.Journal.Count;
            status.JournalDropped = c.Journal.DroppedTotal;
            status.FramesDropped = c.Frames.Dropped;
            status.Reconnects = reconnects;
            status.HostOnline = hostOnline;
            status.TimeQuality = c.Time.QualityAt(nowUs);
            status.TimeUncertaintyUs = c.Time.UncertaintyAt(nowUs);
            status.HasFreeBytes = hasFreeBytes;
            status.FreeBytes = freeBytes;
        }

        /// <summary>Records a successful publish of what <see cref="Fill"/> wrote. Call under the node's lock.</summary>
        public void MarkPublished(ulong nowUs, bool hostOnline)
        {
            _published = true;
            _lastPublishUs = nowUs;
            _lastGeneration = _c.StatusGeneration;
            _lastQuality = _c.Time.QualityAt(nowUs);
            _lastHostOnline = hostOnline;
            _c.StatusRequested = false;
        }
    }
}
