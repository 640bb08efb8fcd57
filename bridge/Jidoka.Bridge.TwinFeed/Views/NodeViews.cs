using System.Collections.Generic;
using System.Linq;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;

namespace Jidoka.Bridge.TwinFeed.Views;

/// <summary>Node states as the twin feed shows them.</summary>
public static class NodeViews
{
    /// <summary>The view of <paramref name="node"/>; <paramref name="lastFrame"/> supplies the last values (its last sample).</summary>
    public static NodeView Node(NodeRecord node, bool online, FrameRecord? lastFrame)
    {
        System.ArgumentNullException.ThrowIfNull(node);
        NodeCounters c = node.Counters;
        return new NodeView
        {
            NodeId = node.NodeId,
            CellId = node.CellId,
            Online = online,
            HasStatus = node.HasStatus,
            TripState = TripStateNames.Name(node.TripState),
            TripCause = TripRuleNames.Name(node.TripCause),
            Response = ResponseClassNames.Name(node.Response),
            TripEventId = node.TripEventId,
            PolicyId = node.Provenance.PolicyId,
            PolicyHash = ViewNames.Hash(node.Provenance.PolicyHash),
            StagedPolicyId = node.StagedPolicyId,
            ForceCalibration = ViewNames.Calibration(node.Provenance.ForceCalibration),
            VisionCalibration = ViewNames.Calibration(node.Provenance.VisionCalibration),
            TimeQuality = TimeQualityNames.Name(node.Provenance.TimeQuality),
            TimeUncertaintyUs = node.Provenance.TimeUncertaintyUs,
            ClockSkewSuspect = node.ClockSkewSuspect,
            LastClockSkewUs = node.LastClockSkewUs,
            Firmware = node.FirmwareVersion,
            Board = node.Board,
            BootId = node.BootId,
            FirstSeenUnixUs = node.FirstSeenUnixUs,
            LastSeenUnixUs = node.LastSeenUnixUs,
            LastValues = lastFrame == null || lastFrame.SampleCount == 0 ? null : RecordViews.Sample(lastFrame, lastFrame.SampleCount - 1),
            Counts = new IngestCountsView
            {
                FramesReceived = c.FramesReceived,
                FramesStored = c.FramesStored,
                FramesDuplicate = c.FramesDuplicate,
                GapsDetected = c.GapsDetected,
                FramesLost = c.FramesLost,
                FramesRecovered = c.FramesRecovered,
                EventsStored = c.EventsStored,
                EventsReplayed = c.EventsReplayed,
                RebootsDetected = c.RebootsDetected,
                MessagesRejected = c.MessagesRejected,
            },
            Rejects = node.Rejects
                .Where(r => r.Value > 0)
                .OrderBy(r => r.Key)
                .ToDictionary(r => RejectReasonNames.Name(r.Key), r => r.Value, System.StringComparer.Ordinal),
        };
    }
}
