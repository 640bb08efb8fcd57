using Jidoka.Node.Config;
using Jidoka.Protocol;
using Jidoka.SimBoard.Sensors;

namespace Jidoka.SimBoard.Nodes;

/// <summary>
/// The simulated board's node configuration: the core's defaults, the board's identity, the default
/// policy of the simulated board file, and calibrations computed from the simulated front end so the
/// core maps the simulated counts back to the simulated force.
/// </summary>
public static class SimulatedBoardConfig
{
    /// <summary>Board name reported in status.</summary>
    public const string BoardName = "simulated";

    /// <summary>The simulated board's default policy (policy 1 of board-configs/simulated.json).</summary>
    public static PolicyRecord DefaultPolicy()
    {
        var p = new PolicyRecord
        {
            PolicyId = 1,
            ForceLimitMilliNewtons = 150_000,
            ForceWarnMilliNewtons = 120_000,
            ForceOverLimitMs = 3,
            ForceRangeMinMilliNewtons = -20_000,
            ForceRangeMaxMilliNewtons = 400_000,
            ForceStuckMs = 2_000,
            VisionMinConfidence = 7_000,
            VisionMaxAgeMs = 500,
            InterlockDebounceMs = 5,
            DiscrepancyMs = 100,
            LoopPeriodUs = 1_000,
            LoopDeadlineUs = 800,
        };
        p.SetResponse(TripRule.ForceOverLimit, ResponseClass.Regrip);
        p.SetResponse(TripRule.VisionLowConfidence, ResponseClass.Reinspect);
        p.SetResponse(TripRule.VisionStale, ResponseClass.Reinspect);
        p.SetResponse(TripRule.InterlockOpen, ResponseClass.Pause);
        p.SetResponse(TripRule.ChannelDiscrepancy, ResponseClass.Maintenance);
        p.SetResponse(TripRule.SensorFault, ResponseClass.Recalibrate);
        p.SetResponse(TripRule.LoopOverrun, ResponseClass.Maintenance);
        return p;
    }

    /// <summary>The force calibration matching the front end of <paramref name="options"/>.</summary>
    public static CalibrationRecord ForceCalibration(SimulatedBoardOptions options) => options.ForceFrontEnd == ForceFrontEndKind.Hx711
        ? ForceCalibrations.ForHx711(options.LoadCell)
        : ForceCalibrations.ForAdc(options.Adc, options.LoadCell);

    /// <summary>Readings the over-limit window of an HX711 board's default policy spans.</summary>
    public const int Hx711OverLimitReadings = 3;

    /// <summary>Loop period on a host in real time, µs (see <see cref="SimulatedBoardOptions.HostPacingInRealTime"/>).</summary>
    public const uint HostLoopPeriodUs = 10_000;

    /// <summary>External watchdog timeout on a host in real time, µs.</summary>
    public const ulong HostWatchdogTimeoutUs = 1_000_000;

    /// <summary>
    /// Paces <paramref name="config"/>'s default policy for a general-purpose host (10 ms loop and deadline, stall
    /// slack). The force windows are time already; only an over-limit window under one host period is raised to one
    /// period, since the node refuses a window it cannot span with a reading.
    /// </summary>
    public static void ApplyHostPacing(NodeConfig config)
    {
        System.ArgumentNullException.ThrowIfNull(config);
        PolicyRecord p = config.DefaultPolicy;
        p.LoopPeriodUs = HostLoopPeriodUs;
        p.LoopDeadlineUs = HostLoopPeriodUs;
        RaiseWindowsToPeriod(p);

        // A loaded host deschedules the loop thread for tens of ms (HIL runs share two cores with builds);
        // a device does not. Stalls are checked without slack in virtual time.
        config.StallSlackUs = HostStallSlackUs;
    }

    /// <summary>
    /// Raises <paramref name="policy"/>'s force windows to the fewest readings their rules need at its loop period
    /// (one for over-limit, two for stuck), for pacing a policy written for a 1 ms loop onto a slower host loop.
    /// </summary>
    public static void RaiseWindowsToPeriod(PolicyRecord policy)
    {
        System.ArgumentNullException.ThrowIfNull(policy);
        uint periodMs = (policy.LoopPeriodUs + 999) / 1000;
        policy.ForceOverLimitMs = (ushort)System.Math.Max(policy.ForceOverLimitMs, periodMs);
        policy.ForceStuckMs = (ushort)System.Math.Max(policy.ForceStuckMs, 2 * periodMs);
    }

    /// <summary>Lateness a real-time host run tolerates before a late step counts as a stall, µs (half the host watchdog timeout).</summary>
    public const uint HostStallSlackUs = 500_000;

    /// <summary>Builds and validates the node configuration for <paramref name="options"/>.</summary>
    public static NodeConfig Create(SimulatedBoardOptions options, bool realTime = false)
    {
        System.ArgumentNullException.ThrowIfNull(options);
        var config = new NodeConfig
        {
            CellId = options.CellId,
            NodeId = options.NodeId,
            Board = BoardName,
        };
        config.DefaultPolicy.CopyFrom(DefaultPolicy());
        config.DefaultForceCalibration.CopyFrom(ForceCalibration(options));
        config.DefaultVisionCalibration.CopyFrom(ForceCalibrations.UnityVision());
        if (options.ForceFrontEnd == ForceFrontEndKind.Hx711)
        {
            // The converter's readings are the force rules' samples; the over-limit window stays three of
            // them, as the ADC default's 3 ms is three 1 ms readings (37 ms at 80 samples/s: ceil(37 / 12.5) = 3).
            config.ForceReadingIntervalUs = (uint)(1_000_000 / options.Hx711SamplesPerSecond);
            config.DefaultPolicy.ForceOverLimitMs = (ushort)(Hx711OverLimitReadings * config.ForceReadingIntervalUs / 1000);
        }

        if (realTime && options.HostPacingInRealTime)
        {
            ApplyHostPacing(config);
        }

        options.Configure?.Invoke(config);
        config.Validate();
        return config;
    }
}
