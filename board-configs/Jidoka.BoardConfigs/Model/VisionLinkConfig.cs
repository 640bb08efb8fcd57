namespace Jidoka.BoardConfigs.Model;

/// <summary>The UART carrying the vision system's confidence score.</summary>
public sealed record VisionLinkConfig
{
    /// <summary>Port name ("COMn"; "SIM-VISION" on the simulated board).</summary>
    public required string Port { get; init; }

    /// <summary>Receive pin.</summary>
    public required PinRef Rx { get; init; }

    /// <summary>Transmit pin.</summary>
    public required PinRef Tx { get; init; }

    /// <summary>Baud rate, bit/s.</summary>
    public required int BaudRate { get; init; }

    /// <summary>Data bits per character.</summary>
    public required int DataBits { get; init; }

    /// <summary>Parity.</summary>
    public required UartParity Parity { get; init; }

    /// <summary>Stop bits.</summary>
    public required int StopBits { get; init; }
}

/// <summary>UART parity.</summary>
public enum UartParity
{
    /// <summary>No parity bit.</summary>
    None,

    /// <summary>Odd parity.</summary>
    Odd,

    /// <summary>Even parity.</summary>
    Even,
}
