namespace Jidoka.BoardConfigs;

/// <summary>Every job a pin can have on a node board.</summary>
public enum BoardRole
{
    /// <summary>Guard interlock, channel A.</summary>
    GuardChannelA,

    /// <summary>Guard interlock, channel B.</summary>
    GuardChannelB,

    /// <summary>Light curtain, channel A.</summary>
    LightCurtainChannelA,

    /// <summary>Light curtain, channel B.</summary>
    LightCurtainChannelB,

    /// <summary>E-stop status, channel A.</summary>
    EStopChannelA,

    /// <summary>E-stop status, channel B.</summary>
    EStopChannelB,

    /// <summary>Local reset button.</summary>
    ResetButton,

    /// <summary>Run-permit output (de-energize to trip).</summary>
    StopOutput,

    /// <summary>Andon output.</summary>
    AndonOutput,

    /// <summary>External watchdog kick.</summary>
    WatchdogKick,

    /// <summary>SPI MOSI driving the HX711's PD_SCK.</summary>
    Hx711PdSck,

    /// <summary>SPI MISO reading the HX711's DOUT.</summary>
    Hx711Dout,

    /// <summary>SPI SCK claimed by the peripheral, not wired.</summary>
    Hx711SpiClock,

    /// <summary>ADC input of the fast force path.</summary>
    ForceAdcInput,

    /// <summary>Vision UART receive.</summary>
    VisionRx,

    /// <summary>Vision UART transmit.</summary>
    VisionTx,
}

/// <summary>What a pin does electrically.</summary>
public enum PinDirection
{
    /// <summary>Digital input read by GPIO.</summary>
    Input,

    /// <summary>Digital output driven by GPIO or a peripheral.</summary>
    Output,

    /// <summary>Analog input of the ADC.</summary>
    Analog,
}

/// <summary>Fixed properties of each <see cref="BoardRole"/>.</summary>
public static class BoardRoles
{
    /// <summary>Where the role's pin sits in a board file, as a JSON path (messages name it so a technician can find the line).</summary>
    public static string Path(BoardRole role) => role switch
    {
        BoardRole.GuardChannelA => "interlocks.guard.channelA.pin",
        BoardRole.GuardChannelB => "interlocks.guard.channelB.pin",
        BoardRole.LightCurtainChannelA => "interlocks.lightCurtain.channelA.pin",
        BoardRole.LightCurtainChannelB => "interlocks.lightCurtain.channelB.pin",
        BoardRole.EStopChannelA => "interlocks.eStop.channelA.pin",
        BoardRole.EStopChannelB => "interlocks.eStop.channelB.pin",
        BoardRole.ResetButton => "resetButton.pin",
        BoardRole.StopOutput => "stopOutput.pin",
        BoardRole.AndonOutput => "andonOutput.pin",
        BoardRole.WatchdogKick => "watchdogKick.pin",
        BoardRole.Hx711PdSck => "hx711.pdSck.pin",
        BoardRole.Hx711Dout => "hx711.dout.pin",
        BoardRole.Hx711SpiClock => "hx711.spiClock.pin",
        BoardRole.ForceAdcInput => "forceAdc.input.pin",
        BoardRole.VisionRx => "visionLink.rx.pin",
        BoardRole.VisionTx => "visionLink.tx.pin",
        _ => role.ToString(),
    };

    /// <summary>Electrical direction. SPI MOSI and SCK and UART TX are outputs even when a peripheral drives them.</summary>
    public static PinDirection Direction(BoardRole role) => role switch
    {
        BoardRole.StopOutput or BoardRole.AndonOutput or BoardRole.WatchdogKick
            or BoardRole.Hx711PdSck or BoardRole.Hx711SpiClock or BoardRole.VisionTx => PinDirection.Output,
        BoardRole.ForceAdcInput => PinDirection.Analog,
        _ => PinDirection.Input,
    };

    /// <summary>True for inputs that trip or reset from their pin-change event, so a spurious edge matters.</summary>
    public static bool UsesEdgeInterrupt(BoardRole role) => role is BoardRole.GuardChannelA or BoardRole.GuardChannelB
        or BoardRole.LightCurtainChannelA or BoardRole.LightCurtainChannelB
        or BoardRole.EStopChannelA or BoardRole.EStopChannelB or BoardRole.ResetButton;

    /// <summary>What the signal is, in the words of the wiring table.</summary>
    public static string Signal(BoardRole role) => role switch
    {
        BoardRole.GuardChannelA => "Guard door interlock, channel A",
        BoardRole.GuardChannelB => "Guard door interlock, channel B",
        BoardRole.LightCurtainChannelA => "Light curtain, channel A",
        BoardRole.LightCurtainChannelB => "Light curtain, channel B",
        BoardRole.EStopChannelA => "E-stop status contact, channel A",
        BoardRole.EStopChannelB => "E-stop status contact, channel B",
        BoardRole.ResetButton => "Local reset button",
        BoardRole.StopOutput => "Stop output (run permit, de-energize to trip)",
        BoardRole.AndonOutput => "Andon light",
        BoardRole.WatchdogKick => "External watchdog kick",
        BoardRole.Hx711PdSck => "HX711 PD_SCK (SPI MOSI)",
        BoardRole.Hx711Dout => "HX711 DOUT (SPI MISO)",
        BoardRole.Hx711SpiClock => "SPI SCK (not connected)",
        BoardRole.ForceAdcInput => "Force amplifier output (ADC)",
        BoardRole.VisionRx => "Vision link RX (from the vision system's TX)",
        BoardRole.VisionTx => "Vision link TX (to the vision system's RX)",
        _ => role.ToString(),
    };
}
