namespace Jidoka.BoardConfigs.Model;

/// <summary>
/// The HX711 load-cell converter, clocked by SPI rather than bit-banged: MOSI drives PD_SCK with a
/// 1010… pattern and MISO samples DOUT, so pulse timing comes from the SPI peripheral.
/// </summary>
public sealed record Hx711Config
{
    /// <summary>SPI bus id (nanoFramework SpiConnectionSettings.BusId).</summary>
    public required int SpiBusId { get; init; }

    /// <summary>SPI MOSI, wired to PD_SCK.</summary>
    public required PinRef PdSck { get; init; }

    /// <summary>SPI MISO, wired to DOUT.</summary>
    public required PinRef Dout { get; init; }

    /// <summary>SPI SCK: the peripheral claims it; it is not wired.</summary>
    public required PinRef SpiClock { get; init; }

    /// <summary>SPI clock, Hz; one bit period is one PD_SCK high or low phase.</summary>
    public required int ClockFrequencyHz { get; init; }

    /// <summary>Output data rate set by the HX711's RATE pin: 10 or 80 samples/s.</summary>
    public required int DataRateSamplesPerSecond { get; init; }

    /// <summary>Channel A gain 128 or 64, or channel B gain 32.</summary>
    public required int Gain { get; init; }
}
