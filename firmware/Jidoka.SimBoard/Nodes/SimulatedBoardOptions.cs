using System;
using Jidoka.Node.Config;
using Jidoka.SimBoard.Sensors;

namespace Jidoka.SimBoard.Nodes;

/// <summary>Which force front end the simulated board has.</summary>
public enum ForceFrontEndKind
{
    /// <summary>The MCU ADC behind an amplifier, converted on demand every loop step (the 1 kHz path).</summary>
    Adc = 0,

    /// <summary>An HX711 on SPI (10 or 80 samples/s, data-ready timing).</summary>
    Hx711 = 1,
}

/// <summary>
/// Everything that makes one simulated board: identity, the force front end, timings of the simulated
/// parts, and hooks to adjust the node configuration. Defaults follow the simulated board file
/// (board-configs/simulated.json): 1 kHz loop, 100 ms external watchdog, MCU ADC force path.
/// </summary>
public sealed record SimulatedBoardOptions
{
    /// <summary>Cell id.</summary>
    public string CellId { get; init; } = "cell-sim";

    /// <summary>Node id (also the MQTT client id).</summary>
    public string NodeId { get; init; } = "sim-01";

    /// <summary>Force front end.</summary>
    public ForceFrontEndKind ForceFrontEnd { get; init; } = ForceFrontEndKind.Adc;

    /// <summary>The load cell.</summary>
    public LoadCell LoadCell { get; init; } = LoadCell.Default500N;

    /// <summary>The ADC chain (when <see cref="ForceFrontEnd"/> is <see cref="ForceFrontEndKind.Adc"/>).</summary>
    public AdcFrontEnd Adc { get; init; } = AdcFrontEnd.Default;

    /// <summary>HX711 output data rate, 10 or 80 samples/s.</summary>
    public int Hx711SamplesPerSecond { get; init; } = 80;

    /// <summary>HX711 noise, counts rms (about 90 nV input-referred at gain 128 is 45 counts).</summary>
    public double Hx711NoiseCountsRms { get; init; } = 40;

    /// <summary>SPI clock for the HX711, Hz (the board file's 700 kHz).</summary>
    public int Hx711SpiClockHz { get; init; } = 700_000;

    /// <summary>Cost of one SPI transfer call on the device, µs.</summary>
    public ulong Hx711TransferOverheadUs { get; init; } = 150;

    /// <summary>Vision frame period, µs (30 frames/s).</summary>
    public ulong VisionFramePeriodUs { get; init; } = 33_333;

    /// <summary>Vision frame to arrival at the node, µs.</summary>
    public ulong VisionLatencyUs { get; init; } = 5_000;

    /// <summary>Vision score the system reports until a test changes it.</summary>
    public int VisionNominalScore { get; init; } = 9_500;

    /// <summary>
    /// Crystal drift of the node's monotonic clock, ppm; null lets the cell pick one from the seed
    /// (within ±30 ppm).
    /// </summary>
    public int? ClockDriftPpm { get; init; }

    /// <summary>Monotonic µs at which the firmware starts after a reset (ROM boot and CLR start-up).</summary>
    public ulong BootMonoUs { get; init; } = 300_000;

    /// <summary>External watchdog timeout, µs (the board file's 100 ms).</summary>
    public ulong WatchdogTimeoutUs { get; init; } = 100_000;

    /// <summary>Shortest delay from a pin edge to the managed ValueChanged handler running, µs.</summary>
    public ulong InterlockEdgeLatencyMinUs { get; init; } = 50;

    /// <summary>Longest delay from a pin edge to the handler, µs (nanoFramework dispatches GPIO events on a managed thread).</summary>
    public ulong InterlockEdgeLatencyMaxUs { get; init; } = 500;

    /// <summary>Pause between communication rounds, µs.</summary>
    public ulong CommsPeriodUs { get; init; } = 5_000;

    /// <summary>Store slot size, bytes (at least the core's 173).</summary>
    public int StoreSlotSizeBytes { get; init; } = 192;

    /// <summary>
    /// In real-time runs, pace the loop for a general-purpose host rather than an MCU: 10 ms period and
    /// deadline, stuck-sample count scaled to the same 2 s, and a 1 s watchdog. A 1 kHz loop with an
    /// 800 µs deadline on a shared, preemptive host overruns whenever the OS deschedules the thread, and
    /// every overrun is a trip. Virtual runs ignore this (virtual time has no preemption).
    /// </summary>
    public bool HostPacingInRealTime { get; init; } = true;

    /// <summary>Adjusts the node configuration after the simulated board's defaults are set (journal size, policy…).</summary>
    public Action<NodeConfig>? Configure { get; init; }
}
