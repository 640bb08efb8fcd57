using System.Linq;
using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Storage;

namespace Jidoka.Bridge.TwinFeed.Views;

/// <summary>Stored frames as the twin feed shows them.</summary>
public static class FrameViews
{
    /// <summary>The view of <paramref name="f"/> with its samples expanded.</summary>
    public static FrameView Frame(FrameRecord f)
    {
        System.ArgumentNullException.ThrowIfNull(f);
        return new FrameView
        {
            BootId = f.BootId,
            FrameSequence = f.FrameSequence,
            Flags = f.Flags,
            FirstSampleMonoUs = f.FirstSampleMonoUs,
            SamplePeriodUs = f.SamplePeriodUs,
            WallStartUnixUs = f.WallStartUnixUs,
            Provenance = RecordViews.Provenance(f.Provenance, f.WallSource),
            Historical = f.Historical,
            ReceivedUnixUs = f.ReceivedUnixUs,
            Samples = Enumerable.Range(0, f.SampleCount).Select(i => RecordViews.Sample(f, i)).ToList(),
        };
    }
}
