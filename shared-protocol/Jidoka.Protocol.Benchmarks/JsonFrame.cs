using System.Text.Json.Serialization;

namespace Jidoka.Protocol.Benchmarks;

/// <summary>The frame as a JSON document with the same fields and samples, the way a JSON-over-MQTT design would send it.</summary>
public sealed class JsonFrame
{
    public string NodeId { get; set; } = "";
    public uint BootId { get; set; }
    public uint FrameSequence { get; set; }
    public ulong FirstSampleMonoUs { get; set; }
    public uint SamplePeriodUs { get; set; }
    public long WallOffsetUs { get; set; }
    public uint TimeUncertaintyUs { get; set; }
    public string TimeQuality { get; set; } = "";
    public uint PolicyId { get; set; }
    public uint PolicyHash { get; set; }
    public string ForceCalibration { get; set; } = "";
    public string VisionCalibration { get; set; } = "";
    public int Flags { get; set; }
    public JsonSample[] Samples { get; set; } = [];

    public static JsonFrame From(FrameMessage f)
    {
        var samples = new JsonSample[f.SampleCount];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = new JsonSample
            {
                ForceMilliNewtons = f.ForceMilliNewtons[i], VisionConfidence = f.VisionConfidence[i], VisionAgeMs = f.VisionAgeMs[i],
                InterlockBits = f.InterlockBits[i], SampleFlags = f.SampleFlags[i],
            };
        }

        Provenance p = f.Provenance;
        return new JsonFrame
        {
            NodeId = f.NodeId, BootId = f.BootId, FrameSequence = f.FrameSequence, FirstSampleMonoUs = f.FirstSampleMonoUs,
            SamplePeriodUs = f.SamplePeriodUs, WallOffsetUs = p.WallOffsetUs, TimeUncertaintyUs = p.TimeUncertaintyUs,
            TimeQuality = TimeQualityNames.Name(p.TimeQuality), PolicyId = p.PolicyId, PolicyHash = p.PolicyHash,
            ForceCalibration = p.ForceCalibrationId + "." + p.ForceCalibrationVersion,
            VisionCalibration = p.VisionCalibrationId + "." + p.VisionCalibrationVersion, Flags = f.Flags, Samples = samples,
        };
    }
}

/// <summary>One sample in the JSON comparison.</summary>
public sealed class JsonSample
{
    public int ForceMilliNewtons { get; set; }
    public int VisionConfidence { get; set; }
    public int VisionAgeMs { get; set; }
    public int InterlockBits { get; set; }
    public int SampleFlags { get; set; }
}

/// <summary>Source-generated serializer metadata, the fastest System.Text.Json configuration.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JsonFrame))]
internal sealed partial class JsonFrameContext : JsonSerializerContext
{
}
