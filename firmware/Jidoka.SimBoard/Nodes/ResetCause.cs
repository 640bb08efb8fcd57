namespace Jidoka.SimBoard.Nodes;

/// <summary>
/// Reset-cause codes the simulated board passes to <c>NodeCore.Boot</c>, numbered as ESP-IDF's
/// <c>esp_reset_reason_t</c> so simulated and ESP32 boot events read alike.
/// </summary>
public enum ResetCause : uint
{
    /// <summary>Power-on (ESP_RST_POWERON).</summary>
    PowerOn = 1,

    /// <summary>External reset through the reset pin (ESP_RST_EXT): how the external watchdog resets the MCU.</summary>
    External = 2,

    /// <summary>Software restart (ESP_RST_SW).</summary>
    Software = 3,

    /// <summary>Brown-out (ESP_RST_BROWNOUT).</summary>
    Brownout = 9,
}

/// <summary>One boot of a simulated node.</summary>
/// <param name="PhysicalUs">Simulation µs of the boot.</param>
/// <param name="Cause">Reset cause passed to the core.</param>
/// <param name="WatchdogReset">True when the external watchdog caused the reset.</param>
public readonly record struct BootRecord(ulong PhysicalUs, ResetCause Cause, bool WatchdogReset);
