using System;
using System.Linq;
using Jidoka.Boards.Logic.Profile;
using Jidoka.Node;
using Jidoka.Node.Config;
using Jidoka.Node.Hardware;
using Jidoka.Protocol;

namespace Jidoka.Boards.Logic.Tests;

/// <summary>
/// The smallest node that runs the real core on a given store: pins, a force reading in range, a fresh
/// vision score, a virtual clock and a disconnected link. Used to show that the board logic (profile,
/// config builder, slot store) carries a node through boot, a trip and a power cycle.
/// </summary>
internal sealed class MiniNode
{
    public sealed class Clock : IMonotonicClock
    {
        public ulong Now = 1_000_000;

        public ulong NowUs => Now;
    }

    public sealed class Pin(bool level) : IDigitalInput
    {
        public bool Level = level;

        public bool Read() => Level;
    }

    public sealed class Output : IDigitalOutput
    {
        public bool Energized;

        public void Write(bool energized) => Energized = energized;
    }

    public sealed class Force : IForceSource
    {
        private int _n;

        public int Counts = 1000;

        public SensorReadStatus TryReadCounts(out int counts)
        {
            counts = Counts + (_n++ & 1);
            return SensorReadStatus.NewReading;
        }
    }

    public sealed class Vision(Clock clock) : IVisionSource
    {
        public bool TryReadLatest(out int rawScore, out ulong producedMonoUs)
        {
            rawScore = 9500;
            producedMonoUs = clock.Now;
            return true;
        }
    }

    public sealed class Watchdog : IWatchdog
    {
        public int Kicks;

        public void Kick() => Kicks++;
    }

    public sealed class Link : IMqttLink
    {
        public bool IsConnected => false;

        public uint SessionCount => 0;

        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain) => false;

        public bool Subscribe(string topicFilter, int qos) => false;
    }

    public readonly Clock Time = new();
    public readonly Pin[] Interlocks = Enumerable.Range(0, 6).Select(_ => new Pin(true)).ToArray();
    public readonly Output Stop = new();
    public readonly Watchdog Dog = new();
    public readonly NodeCore Core;

    public MiniNode(NodeConfig config, IPersistentStore store)
    {
        Core = new NodeCore(config, new NodeHardware(
            Time, Interlocks, new Pin(false), Stop, new Output(), new Force(), new Vision(Time), Dog, store, new Link(), null));
    }

    public void Step(int count = 1)
    {
        for (int i = 0; i < count; i++)
        {
            Time.Now += Core.LoopPeriodUs;
            Core.Step();
        }
    }

    public MiniNode BootAndArm()
    {
        Core.Boot(0, false);
        for (int i = 0; i < 50 && Core.State != TripState.Armed; i++)
        {
            Step();
        }

        if (Core.State != TripState.Armed)
        {
            throw new InvalidOperationException("node did not arm");
        }

        return this;
    }

    /// <summary>Opens both guard channels and steps until the trip latches.</summary>
    public void TripOnGuard()
    {
        Interlocks[0].Level = false;
        Interlocks[1].Level = false;
        Core.OnInterlockEdge(0);
        Step();
    }
}

/// <summary>A board profile built by hand, shaped like board-configs/simulated.json.</summary>
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

        PolicyRecord policy = p.DefaultPolicy;
        policy.PolicyId = 1;
        policy.ForceLimitMilliNewtons = 150_000;
        policy.ForceWarnMilliNewtons = 120_000;
        policy.ForceOverLimitSamples = 3;
        policy.ForceRangeMinMilliNewtons = -20_000;
        policy.ForceRangeMaxMilliNewtons = 400_000;
        policy.ForceStuckSamples = 2000;
        policy.VisionMinConfidence = 7000;
        policy.VisionMaxAgeMs = 500;
        policy.InterlockDebounceMs = 5;
        policy.DiscrepancyMs = 100;
        policy.LoopPeriodUs = 1000;
        policy.LoopDeadlineUs = 800;
        foreach (TripRule rule in new[] { TripRule.ForceOverLimit, TripRule.VisionLowConfidence, TripRule.VisionStale, TripRule.InterlockOpen, TripRule.ChannelDiscrepancy, TripRule.SensorFault, TripRule.LoopOverrun })
        {
            policy.SetResponse(rule, ResponseClass.Maintenance);
        }

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
