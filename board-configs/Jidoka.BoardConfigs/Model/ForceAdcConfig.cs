namespace Jidoka.BoardConfigs.Model;

/// <summary>The MCU ADC channel of the fast force path.</summary>
public sealed record ForceAdcConfig
{
    /// <summary>nanoFramework logical channel (AdcController.OpenChannel).</summary>
    public required int Channel { get; init; }

    /// <summary>The pin that channel samples, for wiring and for the check against the target's channel map.</summary>
    public required PinRef Input { get; init; }

    /// <summary>Converter resolution, bits.</summary>
    public required int ResolutionBits { get; init; }

    /// <summary>Intended sample rate, Hz.</summary>
    public required int SampleRateHz { get; init; }

    /// <summary>The amplifier between the load cell and the pin.</summary>
    public required string Amplifier { get; init; }
}

/// <summary>Which converter feeds the trip engine's force channel.</summary>
public enum ForceSource
{
    /// <summary>The MCU ADC behind an amplifier (up to about 1 kHz).</summary>
    McuAdc,

    /// <summary>The HX711 (10 or 80 samples/s).</summary>
    Hx711,
}
