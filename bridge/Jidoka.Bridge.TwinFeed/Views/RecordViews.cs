using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;

namespace Jidoka.Bridge.TwinFeed.Views;

/// <summary>Decision records, provenance and samples as the twin feed shows them.</summary>
public static class RecordViews
{
    /// <summary>The view of a decision record.</summary>
    public static DecisionRecordView Decision(DecisionRecord d)
    {
        System.ArgumentNullException.ThrowIfNull(d);
        return new DecisionRecordView
        {
            Rule = TripRuleNames.Name(d.Rule),
            Response = ResponseClassNames.Name(d.Response),
            Channel = InputChannelNames.Name(d.Channel),
            ReasonCode = d.ReasonCode,
            ObservedValue = d.ObservedValue,
            LimitValue = d.LimitValue,
            ConsecutiveSamples = d.ConsecutiveSamples,
            ForceMilliNewtons = d.ForceMilliNewtons,
            VisionConfidence = d.VisionConfidence,
            VisionAgeMs = d.VisionAgeMs,
            InterlockBits = d.InterlockBits,
            SampleFlags = d.SampleFlags,
            DetectMonoUs = d.DetectMonoUs,
            LatencyUs = d.LatencyUs,
            RelatedEventId = d.RelatedEventId,
            Argument = d.Argument,
            OperatorId = d.OperatorId,
        };
    }

    /// <summary>The provenance of an event, frame or case, with where its wall time came from.</summary>
    public static ProvenanceView Provenance(RecordProvenance p, WallTimeSource source) => new()
    {
        PolicyId = p.PolicyId,
        PolicyHash = ViewNames.Hash(p.PolicyHash),
        ForceCalibration = ViewNames.Calibration(p.ForceCalibration),
        VisionCalibration = ViewNames.Calibration(p.VisionCalibration),
        TimeQuality = TimeQualityNames.Name(p.TimeQuality),
        TimeUncertaintyUs = p.TimeUncertaintyUs,
        WallSource = ViewNames.WallSource(source),
    };

    /// <summary>The view of an expanded sample.</summary>
    public static SampleView Sample(SampleRecord s)
    {
        System.ArgumentNullException.ThrowIfNull(s);
        return new SampleView
        {
            MonoUs = s.MonoUs,
            WallUnixUs = s.WallUnixUs,
            ForceMilliNewtons = s.ForceMilliNewtons,
            VisionConfidence = s.VisionConfidence,
            VisionAgeMs = s.VisionAgeMs,
            InterlockBits = s.InterlockBits,
            SampleFlags = s.SampleFlags,
        };
    }

    /// <summary>Sample <paramref name="index"/> of <paramref name="frame"/>, read from its packed 10-byte records.</summary>
    public static SampleView Sample(FrameRecord frame, int index)
    {
        System.ArgumentNullException.ThrowIfNull(frame);
        if (!SampleCodec.Read(new FieldCursor(), frame.Samples, index, out int force, out ushort confidence, out ushort age, out byte interlocks, out byte flags))
        {
            throw new System.ArgumentOutOfRangeException(nameof(index), "the frame's stored samples do not hold this index");
        }

        return new SampleView
        {
            MonoUs = frame.FirstSampleMonoUs + ((ulong)index * frame.SamplePeriodUs),
            WallUnixUs = frame.WallStartUnixUs + ((long)index * frame.SamplePeriodUs),
            ForceMilliNewtons = force,
            VisionConfidence = confidence,
            VisionAgeMs = age,
            InterlockBits = interlocks,
            SampleFlags = flags,
        };
    }
}
