using Jidoka.Boards.Logic.Profile;
using Jidoka.Node.TestKit;
using Jidoka.Protocol;

namespace Jidoka.Boards.Logic.Tests;

/// <summary>A board profile built by hand, shaped like board-configs/simulated.json (pins, front ends, calibration) with the kit's standard policy.</summary>
internal static class TestProfiles
{
    public static BoardProfile Simulated(ForceSourceKind force = ForceSourceKind.McuAdc, int hx711Rate = 80)
    {
        var p = new BoardProfile
        {
            BoardId = "simulated",
            Target = "SIMULATED",
            ResetButton = new InputPinProfile(7, false, InputPull.Up),
            StopOutput = new OutputPinProfile(10, true),
            AndonOutput = new OutputPinProfile(11, true),
            WatchdogKickPin = 12,
            WatchdogTimeoutMs = 100,
            Hx711 = new Hx711Profile(1, 20, 21, 22, 700_000, hx711Rate, 128),
            ForceAdc = new ForceAdcProfile(0, 40, 12, 1000),
            ForceSource = force,
            VisionLink = new VisionUartProfile("SIM-VISION", 30, 31, 115200, 8, UartParityKind.None, 1),
            Network = NetworkLinkKind.Simulated,
            StorageRoot = "sim-store/",
            StorageInStockFirmware = true,
        };
        for (int i = 0; i < 6; i++)
        {
            p.InterlockChannels[i] = new InputPinProfile(i + 1, false, InputPull.Up);
        }

        // The board-logic tests run under the kit's standard policy, as policy 1.
        p.DefaultPolicy.CopyFrom(StandardPolicy.Create(1));
        Calibrate(p.DefaultForceCalibration, InputChannel.Force, 122_500_000, 200);
        Calibrate(p.DefaultVisionCalibration, InputChannel.Vision, CalibrationRecord.UnityGainMicro, 0);
        return p;
    }

    private static void Calibrate(CalibrationRecord c, InputChannel channel, int gain, int offset)
    {
        c.Channel = channel;
        c.CalibrationId = 1;
        c.Version = 1;
        c.GainMicroUnitsPerCount = gain;
        c.OffsetCounts = offset;
        c.CalibratedUnixSeconds = 1_767_225_600;
        c.Technician = "nominal";
    }
}
