using Jidoka.Bridge.Storage;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.Tests.Storage;

/// <summary>The one mapping from the protocol's provenance to the stored value keeps every field in its place.</summary>
public sealed class ProvenanceMapperTests
{
    private static readonly RecordProvenance Expected = new()
    {
        TimeQuality = TimeQuality.Holdover,
        TimeUncertaintyUs = 777,
        PolicyId = 31,
        PolicyHash = 0xdeadbeef,
        ForceCalibration = new CalibrationTag(12, 3),
        VisionCalibration = new CalibrationTag(5, 4),
    };

    [Fact]
    public void A_decoded_provenance_block_maps_field_for_field()
    {
        var decoded = new Provenance
        {
            WallOffsetUs = 1_764_489_600_000_000,
            TimeQuality = TimeQuality.Holdover,
            TimeUncertaintyUs = 777,
            PolicyId = 31,
            PolicyHash = 0xdeadbeef,
            ForceCalibrationId = 12,
            ForceCalibrationVersion = 3,
            VisionCalibrationId = 5,
            VisionCalibrationVersion = 4,
        };

        Assert.Equal(Expected, ProvenanceMapper.From(decoded));
    }

    [Fact]
    public void A_status_maps_to_the_same_value_as_the_frames_carrying_the_same_provenance()
    {
        var status = new StatusMessage
        {
            TimeQuality = TimeQuality.Holdover,
            TimeUncertaintyUs = 777,
            PolicyId = 31,
            PolicyHash = 0xdeadbeef,
            StagedPolicyId = 32,
            ForceCalibrationId = 12,
            ForceCalibrationVersion = 3,
            VisionCalibrationId = 5,
            VisionCalibrationVersion = 4,
        };

        Assert.Equal(Expected, ProvenanceMapper.From(status));
        Assert.Equal("12.3", Expected.ForceCalibration.ToString());
    }
}
