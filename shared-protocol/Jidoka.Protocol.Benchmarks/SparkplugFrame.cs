using Jidoka.Protocol.Benchmarks.SparkplugB;

namespace Jidoka.Protocol.Benchmarks;

/// <summary>
/// The frame as a Sparkplug B DDATA payload in its compact form: metrics addressed by alias (names
/// were sent once in the birth certificate), one metric per value per sample with its own timestamp,
/// plus the provenance metrics. This is the most favourable Sparkplug encoding of the same content.
/// </summary>
internal static class SparkplugFrame
{
    private const uint Int32 = 3;
    private const uint UInt16 = 6;
    private const uint UInt8 = 5;
    private const uint UInt32 = 7;

    public static Payload From(FrameMessage f)
    {
        ulong firstMs = (ulong)((f.Provenance.WallOffsetUs + (long)f.FirstSampleMonoUs) / 1000);
        var payload = new Payload { Timestamp = firstMs, Seq = f.FrameSequence % 256 };
        Provenance p = f.Provenance;
        payload.Metrics.Add(new Payload.Types.Metric { Alias = 1, Timestamp = firstMs, Datatype = UInt32, IntValue = p.PolicyId });
        payload.Metrics.Add(new Payload.Types.Metric { Alias = 2, Timestamp = firstMs, Datatype = UInt32, IntValue = p.PolicyHash });
        payload.Metrics.Add(new Payload.Types.Metric { Alias = 3, Timestamp = firstMs, Datatype = UInt32, IntValue = ((uint)p.ForceCalibrationId << 16) | p.ForceCalibrationVersion });
        payload.Metrics.Add(new Payload.Types.Metric { Alias = 4, Timestamp = firstMs, Datatype = UInt32, IntValue = ((uint)p.VisionCalibrationId << 16) | p.VisionCalibrationVersion });
        for (int i = 0; i < f.SampleCount; i++)
        {
            ulong ts = firstMs + (ulong)(i * f.SamplePeriodUs / 1000);
            payload.Metrics.Add(new Payload.Types.Metric { Alias = 10, Timestamp = ts, Datatype = Int32, IntValue = unchecked((uint)f.ForceMilliNewtons[i]) });
            payload.Metrics.Add(new Payload.Types.Metric { Alias = 11, Timestamp = ts, Datatype = UInt16, IntValue = f.VisionConfidence[i] });
            payload.Metrics.Add(new Payload.Types.Metric { Alias = 12, Timestamp = ts, Datatype = UInt16, IntValue = f.VisionAgeMs[i] });
            payload.Metrics.Add(new Payload.Types.Metric { Alias = 13, Timestamp = ts, Datatype = UInt8, IntValue = f.InterlockBits[i] });
            payload.Metrics.Add(new Payload.Types.Metric { Alias = 14, Timestamp = ts, Datatype = UInt8, IntValue = f.SampleFlags[i] });
        }

        return payload;
    }
}
