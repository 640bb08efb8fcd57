using Jidoka.Node.Config;
using Jidoka.Protocol;

namespace Jidoka.Node.TestKit;

/// <summary>
/// The standard test node: cell-a/press-01 on the "sim" board, a small journal and frame ring, the
/// <see cref="StandardPolicy"/>, and unity-gain calibrations (so a force count is a milli-newton).
/// </summary>
public static class StandardConfig
{
    /// <summary>Cell id.</summary>
    public const string Cell = "cell-a";

    /// <summary>Node id.</summary>
    public const string Node = "press-01";

    /// <summary>A calibration record for <paramref name="channel"/>; unity gain and zero offset unless given.</summary>
    public static CalibrationRecord Calibration(InputChannel channel, ushort id, ushort version = 1, int gain = CalibrationRecord.UnityGainMicro, int offset = 0) => new()
    {
        Channel = channel,
        CalibrationId = id,
        Version = version,
        GainMicroUnitsPerCount = gain,
        OffsetCounts = offset,
        CalibratedUnixSeconds = 1_764_000_000,
        Technician = "tech.ana",
    };

    /// <summary>A new standard configuration (force calibration 12 v3, vision calibration 2 v1).</summary>
    public static NodeConfig Create()
    {
        var c = new NodeConfig
        {
            CellId = Cell,
            NodeId = Node,
            Board = "sim",
            JournalCapacity = 16,
            FrameRingCapacity = 8,
            SamplesPerFrame = 10,
        };
        c.DefaultPolicy.CopyFrom(StandardPolicy.Create());
        c.DefaultForceCalibration.CopyFrom(Calibration(InputChannel.Force, 12, 3));
        c.DefaultVisionCalibration.CopyFrom(Calibration(InputChannel.Vision, 2, 1));
        return c;
    }
}
