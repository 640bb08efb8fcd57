namespace Jidoka.Protocol.Benchmarks;

/// <summary>
/// The one set of samples every format in the comparison encodes: ten samples at 1 kHz with the same
/// header, provenance and values as golden vector 01-frame-10-samples.
/// </summary>
internal static class SampleFrame
{
    public const int SampleCount = 10;

    public static FrameMessage Create()
    {
        var f = new FrameMessage
        {
            SampleCount = SampleCount, NodeId = "press-01", BootId = 42, FrameSequence = 1001, FirstSampleMonoUs = 5_000_000, SamplePeriodUs = 1000,
        };
        Provenance p = f.Provenance;
        p.WallOffsetUs = 1_764_489_600_000_000;
        p.TimeUncertaintyUs = 850;
        p.TimeQuality = TimeQuality.Synced;
        p.PolicyId = 7;
        p.PolicyHash = 0x1a2b3c4d;
        p.ForceCalibrationId = 12;
        p.ForceCalibrationVersion = 3;
        p.VisionCalibrationId = 2;
        p.VisionCalibrationVersion = 1;
        for (int i = 0; i < SampleCount; i++)
        {
            f.ForceMilliNewtons[i] = 120_000 + (i * 1500) - (i == 7 ? 300_000 : 0);
            f.VisionConfidence[i] = (ushort)(9800 - (i * 10));
            f.VisionAgeMs[i] = (ushort)(12 + i);
            f.InterlockBits[i] = InterlockBits.AllClosed;
            f.SampleFlags[i] = SampleFlags.ForceValid | SampleFlags.VisionValid;
        }

        return f;
    }
}
