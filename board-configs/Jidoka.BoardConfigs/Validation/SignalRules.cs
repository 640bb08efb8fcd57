using System.Collections.Generic;
using Jidoka.BoardConfigs.Model;

namespace Jidoka.BoardConfigs.Validation;

/// <summary>Rules about how signals behave: fail-safe stop output, HX711 pulse timing, watchdog timeout.</summary>
internal static class SignalRules
{
    /// <summary>PD_SCK high time must not exceed 50 µs (HX711 datasheet T3; above 60 µs the chip powers down).</summary>
    public const int Hx711ClockMinHz = 20_000;

    /// <summary>PD_SCK high and low times must be at least 0.2 µs (HX711 datasheet T3, T4).</summary>
    public const int Hx711ClockMaxHz = 5_000_000;

    /// <summary>The watchdog must tolerate this many loop periods of scheduling jitter before it drops the run permit.</summary>
    public const int WatchdogMinLoopPeriods = 10;

    /// <summary>A hung loop must drop the run permit within this long.</summary>
    public const int WatchdogTimeoutMsMax = 1000;

    public static void Check(BoardConfig board, List<BoardProblem> problems)
    {
        StopOutputConfig stop = board.StopOutput;
        PinLevel pulledTo = stop.ExternalPull == PullDirection.Up ? PinLevel.High : PinLevel.Low;
        if (pulledTo != stop.DeEnergizedLevel)
        {
            problems.Add(new(BoardProblemCode.StopOutputNotFailSafe, $"stopOutput: {stop.Pin} energizes at {Name(stop.EnergizedLevel)} but the external pull-{Name(stop.ExternalPull)} holds it {Name(pulledTo)} while the MCU is in reset or unpowered, which would let the cell run; pull it to {Name(stop.DeEnergizedLevel)}"));
        }

        // With the 1010… pattern each SPI bit is one PD_SCK phase, so the high time is one bit period, 1/f.
        int hz = board.Hx711.ClockFrequencyHz;
        if (hz < Hx711ClockMinHz || hz > Hx711ClockMaxHz)
        {
            problems.Add(new(BoardProblemCode.Hx711Clock, $"hx711.clockFrequencyHz: {hz} Hz gives PD_SCK pulses outside the HX711's 0.2..50 us; use {Hx711ClockMinHz}..{Hx711ClockMaxHz} Hz"));
        }

        long timeoutUs = board.WatchdogKick.TimeoutMs * 1000L;
        long minUs = (long)board.DefaultPolicy.LoopPeriodUs * WatchdogMinLoopPeriods;
        if (timeoutUs < minUs || board.WatchdogKick.TimeoutMs > WatchdogTimeoutMsMax)
        {
            problems.Add(new(BoardProblemCode.WatchdogTimeout, $"watchdogKick.timeoutMs: {board.WatchdogKick.TimeoutMs} ms must cover at least {WatchdogMinLoopPeriods} loop periods ({minUs / 1000.0} ms at {board.DefaultPolicy.LoopPeriodUs} us) and be at most {WatchdogTimeoutMsMax} ms"));
        }
    }

    private static string Name(PinLevel level) => level == PinLevel.High ? "high" : "low";

    private static string Name(PullDirection direction) => direction == PullDirection.Up ? "up" : "down";
}
