namespace Jidoka.BoardConfigs.Validation;

/// <summary>One reason a board file cannot be used, with a message that names the pins and roles involved.</summary>
/// <param name="Code">Which rule failed.</param>
/// <param name="Message">What is wrong and where, in words a technician can act on.</param>
public sealed record BoardProblem(BoardProblemCode Code, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>The rules a board file must satisfy.</summary>
public enum BoardProblemCode
{
    /// <summary>The file is not valid JSON or does not match schema.json.</summary>
    SchemaViolation,

    /// <summary>The board id is not the file name.</summary>
    BoardIdMismatch,

    /// <summary>No targets/&lt;target&gt;.json exists, or it names a different target.</summary>
    UnknownTarget,

    /// <summary>A pin name does not exist on the target.</summary>
    UnknownPin,

    /// <summary>One pin is assigned to two roles.</summary>
    DuplicatePin,

    /// <summary>A pin the board or firmware reserves (flash, debug UART, Ethernet RMII, ...).</summary>
    ReservedPin,

    /// <summary>A strapping pin: its level at reset selects boot behaviour.</summary>
    StrappingPin,

    /// <summary>An input-only pin assigned to an output role.</summary>
    InputOnlyPinAsOutput,

    /// <summary>An internal pull requested on a pin that has none.</summary>
    NoInternalPull,

    /// <summary>An interrupt-driven input on a pin with spurious edges.</summary>
    UnreliableEdgeInterrupt,

    /// <summary>A pin on a physical board has no header label for the wiring table.</summary>
    MissingLabel,

    /// <summary>The ADC channel does not exist, samples another pin, or is unusable with the board's network.</summary>
    AdcChannel,

    /// <summary>The SPI bus does not exist or its pins are fixed elsewhere.</summary>
    SpiBus,

    /// <summary>The UART does not exist, is taken, or its pins are fixed elsewhere.</summary>
    Uart,

    /// <summary>The target has no such network link.</summary>
    Network,

    /// <summary>The stop output's external pull does not hold the de-energized (stopped) level.</summary>
    StopOutputNotFailSafe,

    /// <summary>The HX711 SPI clock gives a PD_SCK pulse outside the datasheet's limits.</summary>
    Hx711Clock,

    /// <summary>The watchdog timeout does not fit the loop period.</summary>
    WatchdogTimeout,

    /// <summary>The default limits are not a valid policy.</summary>
    InvalidPolicy,

    /// <summary>A default calibration is not valid.</summary>
    InvalidCalibration,

    /// <summary>Two interrupt-driven inputs need the same interrupt line (STM32: same pin number on two ports).</summary>
    SharedInterruptLine,
}
