using Jidoka.Node.Config;
using Jidoka.Node.Hardware;
using Jidoka.Node.Store;
using Jidoka.SimBoard.Io;
using Jidoka.SimBoard.Physics;
using Jidoka.SimBoard.Sensors;
using Jidoka.SimBoard.Storage;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Nodes;

/// <summary>
/// The physical parts of one simulated board, which outlive boots: the force on the load cell and its
/// front end (HX711 on SPI, or the MCU ADC), the vision link, the interlock pins, the reset button, the
/// stop and andon outputs, the external watchdog and the file store. Each draws its randomness from its
/// own named stream of the node's seed.
/// </summary>
internal sealed class BoardParts
{
    public BoardParts(SimulatedBoardOptions options, NodeConfig config, ISimScheduler scheduler, IBoardTime time, SimRandom random, string storeDirectory)
    {
        Force = new ForceInput();
        LoadCellInput cellInput = new(options.LoadCell, Force);
        if (options.ForceFrontEnd == ForceFrontEndKind.Hx711)
        {
            Hx711 = new SimulatedHx711(cellInput, () => time.PhysicalUs, options.Hx711SamplesPerSecond, options.Hx711NoiseCountsRms, SimRandom.Derive(random.Seed, "hx711-noise"));
            Hx711Bus = new SimulatedHx711Bus(Hx711, time, options.Hx711SpiClockHz, options.Hx711TransferOverheadUs);
            ForceDriver = new Hx711ForceSource(Hx711Bus);
        }
        else
        {
            Adc = new SimulatedAdc(cellInput, time, options.Adc, SimRandom.Derive(random.Seed, "adc-noise"));
            ForceDriver = new AdcForceSource(Adc);
        }

        ulong phase = (ulong)random.Fork("vision-phase").NextLong((long)options.VisionFramePeriodUs);
        Vision = new SimulatedVisionLink(time, VisionProfile.Nominal(options.VisionNominalScore), options.VisionFramePeriodUs, phase, options.VisionLatencyUs);
        Interlocks = new InterlockBank(scheduler, random.Fork("interlocks"));
        ResetButton = new SimulatedPin("reset", false, scheduler, random.Fork("reset-button"));
        StopOutput = new SimulatedOutput("stop", time);
        Andon = new SimulatedOutput("andon", time);
        Watchdog = new SimulatedWatchdog(scheduler, time, options.WatchdogTimeoutUs);
        Store = new FileSlotStore(storeDirectory, StoreLayout.SlotsRequired(config.JournalCapacity), options.StoreSlotSizeBytes, random.Fork("store"));
    }

    public ForceInput Force { get; }

    public SimulatedHx711? Hx711 { get; }

    public SimulatedHx711Bus? Hx711Bus { get; }

    public SimulatedAdc? Adc { get; }

    /// <summary>The force front end's driver, as a board adapter would read it.</summary>
    public IForceSource ForceDriver { get; }

    public SimulatedVisionLink Vision { get; }

    public InterlockBank Interlocks { get; }

    public SimulatedPin ResetButton { get; }

    public SimulatedOutput StopOutput { get; }

    public SimulatedOutput Andon { get; }

    public SimulatedWatchdog Watchdog { get; }

    public FileSlotStore Store { get; }
}
