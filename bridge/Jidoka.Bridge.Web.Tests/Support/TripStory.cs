using System;
using System.Threading.Tasks;
using Jidoka.Bridge.TestKit;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Web.Tests.Support;

/// <summary>
/// A force trip as a node reports it, with the samples around it: force climbs through the warning band
/// (a near-miss), holds over the limit, the stop output drops, force falls off; vision stays confident.
/// Everything is time-synced on <see cref="Scenario.WallOffsetUs"/> and carries the given policy.
/// </summary>
public static class TripStory
{
    /// <summary>Node time of the trip's detection, µs since boot.</summary>
    public const ulong DetectMonoUs = 10_000_000;

    /// <summary>Frames of 50 samples (the protocol's most) at 1 ms from 9.7 s to 10.4 s (past the 200 ms window on each side), the near-miss, the trip and the tripped status.</summary>
    public static async Task RunAsync(TestNode node, uint policyId, uint policyHash, ulong tripEventId = 61)
    {
        const uint period = 1000;
        ulong first = DetectMonoUs - 300_000;
        for (uint seq = 1; seq <= 14; seq++)
        {
            ulong start = first + ((seq - 1) * 50 * period);
            FrameMessage frame = Messages.Frame(node.NodeId, node.BootId, seq, start, 50, period, 0, 0, TimeQuality.Synced, Scenario.WallOffsetUs);
            frame.Provenance.PolicyId = policyId;
            frame.Provenance.PolicyHash = policyHash;
            bool anyTripped = false;
            for (int i = 0; i < 50; i++)
            {
                ulong t = start + ((ulong)i * period);
                double s = ((double)t - DetectMonoUs) / 1e6;
                bool tripped = t >= DetectMonoUs;
                anyTripped |= tripped;
                int force = s < -0.12 ? 380_000 + (int)(8_000 * Math.Sin(s * 60))
                    : s < -0.06 ? 380_000 + (int)((s + 0.12) / 0.06 * 50_000) // through the warning band
                    : s < -0.03 ? 425_000 - (int)((s + 0.06) / 0.03 * 10_000) // a near-miss peak, easing
                    : s < 0 ? 415_000 + (int)((s + 0.03) / 0.03 * 40_000) // over the limit
                    : s < 0.02 ? 455_000 - (int)(s / 0.02 * 255_000) // stop output off: force falls away
                    : 200_000 + (int)(3_000 * Math.Sin(s * 40));
                frame.ForceMilliNewtons[i] = force;
                frame.VisionConfidence[i] = (ushort)(9500 - (int)(200 * Math.Max(0, s + 0.05) / 0.45));
                frame.SampleFlags[i] = (byte)(SampleFlags.ForceValid | SampleFlags.VisionValid | (tripped ? SampleFlags.TripLatched : 0) | (force >= 400_000 && !tripped ? SampleFlags.ForceWarning : 0));
            }

            if (anyTripped)
            {
                frame.Flags = FrameFlags.Tripped;
            }

            await node.PublishFrameAsync(frame);
        }

        EventMessage nearMiss = Messages.NearMiss(node.NodeId, tripEventId - 1, node.BootId, DetectMonoUs - 40_000, 425_000);
        Messages.FillProvenance(nearMiss.Provenance, TimeQuality.Synced, Scenario.WallOffsetUs, 500);
        nearMiss.Provenance.PolicyId = policyId;
        nearMiss.Provenance.PolicyHash = policyHash;
        await Scenario.SendAckedAsync(node, nearMiss);

        EventMessage trip = Messages.Trip(node.NodeId, tripEventId, node.BootId, DetectMonoUs);
        Messages.FillProvenance(trip.Provenance, TimeQuality.Synced, Scenario.WallOffsetUs, 500);
        trip.Provenance.PolicyId = policyId;
        trip.Provenance.PolicyHash = policyHash;
        trip.Record.ReasonCode = 0;
        trip.Record.RelatedEventId = tripEventId - 1;
        await Scenario.SendAckedAsync(node, trip);
        await StatusAsync(node, TripState.Tripped, policyId, policyHash, TripRule.ForceOverLimit, ResponseClass.Regrip, tripEventId);
    }

    /// <summary>The node's retained status, time-synced and naming <paramref name="policyId"/> (TestNode's own names a fixed policy).</summary>
    public static Task StatusAsync(TestNode node, TripState trip, uint policyId, uint policyHash, TripRule cause = TripRule.None, ResponseClass response = ResponseClass.None, ulong tripEventId = 0) =>
        node.PublishRawAsync(TopicKind.Status, Messages.Encode(new StatusMessage
        {
            CellId = node.CellId,
            NodeId = node.NodeId,
            Online = true,
            FirmwareVersion = "1.0.0",
            Board = "esp32-devkitc",
            UptimeSeconds = 10,
            BootId = node.BootId,
            PolicyId = policyId,
            PolicyHash = policyHash,
            ForceCalibrationId = 12,
            ForceCalibrationVersion = 3,
            VisionCalibrationId = 2,
            VisionCalibrationVersion = 1,
            TripState = trip,
            TripCause = cause,
            Response = response,
            TripEventId = tripEventId,
            LoopPeriodUs = 1000,
            HostOnline = true,
            TimeQuality = TimeQuality.Synced,
            TimeUncertaintyUs = 500,
        }), retain: true);
}
