using System;
using Jidoka.Protocol;

namespace Jidoka.Bridge.TestKit;

/// <summary>Builds protocol messages for the simulated nodes, with the protocol's own types.</summary>
public static class Messages
{
    public const uint PolicyId = 7;
    public const uint PolicyHash = 0x1a2b3c4d;

    public static void FillProvenance(Provenance p, TimeQuality quality = TimeQuality.Unsynced, long wallOffsetUs = 0, uint uncertaintyUs = 0)
    {
        p.TimeQuality = quality;
        p.WallOffsetUs = wallOffsetUs;
        p.TimeUncertaintyUs = uncertaintyUs;
        p.PolicyId = PolicyId;
        p.PolicyHash = PolicyHash;
        p.ForceCalibrationId = 12;
        p.ForceCalibrationVersion = 3;
        p.VisionCalibrationId = 2;
        p.VisionCalibrationVersion = 1;
    }

    /// <summary>A frame of <paramref name="count"/> samples; force ramps by 1 N per sample from <paramref name="forceStartMilliNewtons"/>.</summary>
    public static FrameMessage Frame(
        string nodeId, uint bootId, uint sequence, ulong firstMonoUs, int count = 10, uint periodUs = 1000, byte flags = 0,
        int forceStartMilliNewtons = 100000, TimeQuality quality = TimeQuality.Unsynced, long wallOffsetUs = 0)
    {
        var frame = new FrameMessage
        {
            NodeId = nodeId,
            BootId = bootId,
            FrameSequence = sequence,
            FirstSampleMonoUs = firstMonoUs,
            SamplePeriodUs = periodUs,
            SampleCount = count,
            Flags = flags,
        };
        FillProvenance(frame.Provenance, quality, wallOffsetUs, quality == TimeQuality.Unsynced ? 0u : 500u);
        bool tripped = (flags & FrameFlags.Tripped) != 0;
        for (int i = 0; i < count; i++)
        {
            frame.ForceMilliNewtons[i] = forceStartMilliNewtons + (i * 1000);
            frame.VisionConfidence[i] = 9500;
            frame.VisionAgeMs[i] = 12;
            frame.InterlockBits[i] = InterlockBits.AllClosed;
            frame.SampleFlags[i] = (byte)(SampleFlags.ForceValid | SampleFlags.VisionValid | (tripped ? SampleFlags.TripLatched : 0));
        }

        return frame;
    }

    /// <summary>An event of <paramref name="type"/> with an empty body (fill it for trips, resets...).</summary>
    public static EventMessage Event(string nodeId, EventType type, ulong eventId, uint bootId, ulong monoUs, TimeQuality quality = TimeQuality.Unsynced, long wallOffsetUs = 0)
    {
        var message = new EventMessage { NodeId = nodeId, Type = type, EventId = eventId, BootId = bootId, MonoUs = monoUs };
        FillProvenance(message.Provenance, quality, wallOffsetUs, quality == TimeQuality.Unsynced ? 0u : 500u);
        return message;
    }

    /// <summary>A trip whose decision record has every field set to a distinct non-zero value.</summary>
    public static EventMessage Trip(string nodeId, ulong eventId, uint bootId, ulong detectMonoUs)
    {
        EventMessage trip = Event(nodeId, EventType.Trip, eventId, bootId, detectMonoUs + 12);
        DecisionRecord d = trip.Record;
        d.Rule = TripRule.ForceOverLimit;
        d.Response = ResponseClass.Regrip;
        d.Channel = InputChannel.Force;
        d.ReasonCode = 9;
        d.ObservedValue = 452300;
        d.LimitValue = 450000;
        d.ConsecutiveSamples = 3;
        d.ForceMilliNewtons = 452300;
        d.VisionConfidence = 9700;
        d.VisionAgeMs = 15;
        d.InterlockBits = InterlockBits.AllClosed;
        d.SampleFlags = SampleFlags.ForceValid | SampleFlags.VisionValid | SampleFlags.TripLatched;
        d.DetectMonoUs = detectMonoUs;
        d.LatencyUs = 12;
        d.RelatedEventId = eventId - 1;
        d.Argument = 77;
        d.OperatorId = "cell-supervisor";
        return trip;
    }

    /// <summary>A reset of <paramref name="tripEventId"/> by command, on behalf of <paramref name="operatorId"/>.</summary>
    public static EventMessage Reset(string nodeId, ulong eventId, uint bootId, ulong monoUs, ulong tripEventId, string operatorId)
    {
        EventMessage reset = Event(nodeId, EventType.Reset, eventId, bootId, monoUs);
        reset.Record.ReasonCode = (byte)ResetSource.Command;
        reset.Record.OperatorId = operatorId;
        reset.Record.RelatedEventId = tripEventId;
        return reset;
    }

    /// <summary>A near-miss that peaked at <paramref name="peakMilliNewtons"/>.</summary>
    public static EventMessage NearMiss(string nodeId, ulong eventId, uint bootId, ulong monoUs, int peakMilliNewtons = 430000)
    {
        EventMessage nearMiss = Event(nodeId, EventType.NearMiss, eventId, bootId, monoUs);
        nearMiss.Record.Rule = TripRule.ForceNearMiss;
        nearMiss.Record.Channel = InputChannel.Force;
        nearMiss.Record.ObservedValue = peakMilliNewtons;
        nearMiss.Record.LimitValue = 400000;
        return nearMiss;
    }

    public static byte[] Encode(IWireMessage message)
    {
        byte[] buffer = new byte[ProtocolLimits.MaxMessageBytes];
        EncodeResult result = message.TryEncode(buffer, 0);
        if (!result.IsWritten)
        {
            throw new System.InvalidOperationException($"Test message refused by its encoder: {result.Status} ({result.Field}).");
        }

        return buffer.AsSpan(0, result.BytesWritten).ToArray();
    }
}
