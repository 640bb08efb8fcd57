using System.Collections.Generic;
using System.Text.Json.Serialization;
using Jidoka.BoardConfigs.Model;

namespace Jidoka.BoardConfigs.Facts;

/// <summary>
/// Pin facts of one nanoFramework target (board-configs/targets/&lt;target&gt;.json): what the chip, module,
/// board and firmware reserve or constrain, each with its source. Kept apart from the board files so that
/// a board file cannot wish a reservation away.
/// </summary>
public sealed record TargetFacts
{
    /// <summary>The "$schema" pointer editors use; ignored.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>nanoFramework target name.</summary>
    public required string Target { get; init; }

    /// <summary>Platform name, as the firmware reports it.</summary>
    public required string Platform { get; init; }

    /// <summary>False for the simulated board.</summary>
    public required bool Physical { get; init; }

    /// <summary>How pins are named and numbered.</summary>
    public required PinNaming PinNaming { get; init; }

    /// <summary>Pins that exist, as ranges.</summary>
    public required IReadOnlyList<PinRange> ValidPins { get; init; }

    /// <summary>Pins claimed by the board or firmware.</summary>
    public required IReadOnlyList<ReservedPin> Reserved { get; init; }

    /// <summary>Pins sampled at reset to choose boot behaviour.</summary>
    public required IReadOnlyList<PinFact> Strapping { get; init; }

    /// <summary>Pins with no output driver.</summary>
    public required IReadOnlyList<PinFact> InputOnly { get; init; }

    /// <summary>Pins with no internal pull resistors.</summary>
    public required IReadOnlyList<PinFact> NoInternalPull { get; init; }

    /// <summary>Pins whose edge interrupts see spurious edges.</summary>
    public required IReadOnlyList<PinFact> UnreliableEdgeInterrupt { get; init; }

    /// <summary>
    /// When set, pin-change interrupts share one line per pin number across ports (STM32 EXTI lines 0-15:
    /// only one port's pin n can raise EXTI n), so two interrupt-driven inputs must not share a pin number.
    /// </summary>
    public EdgeInterruptLineFact? EdgeInterruptLinePerPinNumber { get; init; }

    /// <summary>Logical ADC channel → pin.</summary>
    public required IReadOnlyList<AdcChannelFact> AdcChannels { get; init; }

    /// <summary>SPI buses and, where fixed, their pins.</summary>
    public required IReadOnlyList<SpiBusFact> SpiBuses { get; init; }

    /// <summary>UARTs and, where fixed, their pins.</summary>
    public required IReadOnlyList<UartFact> Uarts { get; init; }

    /// <summary>Network kinds the target supports.</summary>
    public required IReadOnlyList<NetworkKind> Networks { get; init; }

    /// <summary>Other facts a technician needs.</summary>
    public required IReadOnlyList<TargetNote> Notes { get; init; }
}

/// <summary>Pin naming schemes.</summary>
public enum PinNaming
{
    /// <summary>"GPIOn"; nanoFramework pin n.</summary>
    Esp32Gpio,

    /// <summary>"Pxn"; nanoFramework pin = port index × 16 + n.</summary>
    Stm32Port,

    /// <summary>"SIMn".</summary>
    Simulated,
}

/// <summary>An inclusive range of pins sharing one prefix.</summary>
public sealed record PinRange
{
    /// <summary>First pin.</summary>
    public required string From { get; init; }

    /// <summary>Last pin.</summary>
    public required string To { get; init; }
}

/// <summary>A fact about one pin.</summary>
public sealed record PinFact
{
    /// <summary>Pin name.</summary>
    public required string Pin { get; init; }

    /// <summary>What the fact means for wiring.</summary>
    public required string Reason { get; init; }

    /// <summary>Where the fact comes from.</summary>
    public required string Source { get; init; }
}

/// <summary>A reserved pin.</summary>
public sealed record ReservedPin
{
    /// <summary>Pin name.</summary>
    public required string Pin { get; init; }

    /// <summary>What uses it.</summary>
    public required string Reason { get; init; }

    /// <summary>When it is reserved.</summary>
    public required ReservationCondition When { get; init; }

    /// <summary>Where the fact comes from.</summary>
    public required string Source { get; init; }

    /// <summary>True when the reservation applies to a board on <paramref name="network"/>.</summary>
    public bool AppliesTo(NetworkKind network) => When switch
    {
        ReservationCondition.Always => true,
        ReservationCondition.Wifi => network == NetworkKind.Wifi,
        ReservationCondition.Ethernet => network == NetworkKind.Ethernet,
        _ => true,
    };
}

/// <summary>When a pin is reserved.</summary>
public enum ReservationCondition
{
    /// <summary>On every board of the target.</summary>
    Always,

    /// <summary>When the board uses Wi-Fi.</summary>
    Wifi,

    /// <summary>When the board uses Ethernet (RMII pins).</summary>
    Ethernet,
}

/// <summary>One logical ADC channel.</summary>
public sealed record AdcChannelFact
{
    /// <summary>nanoFramework logical channel.</summary>
    public required int Channel { get; init; }

    /// <summary>Pin it samples.</summary>
    public required string Pin { get; init; }

    /// <summary>Converter and input, for example "ADC1_CH6".</summary>
    public required string Converter { get; init; }

    /// <summary>Network kind that makes the channel unusable (ESP32 ADC2 with Wi-Fi).</summary>
    public NetworkKind? UnavailableWith { get; init; }

    /// <summary>Where the fact comes from.</summary>
    public required string Source { get; init; }
}

/// <summary>One SPI bus.</summary>
public sealed record SpiBusFact
{
    /// <summary>Bus id.</summary>
    public required int BusId { get; init; }

    /// <summary>True when any pin can carry the signals.</summary>
    public required bool PinsAssignable { get; init; }

    /// <summary>Fixed SCK pin.</summary>
    public string? Sck { get; init; }

    /// <summary>Fixed MISO pin.</summary>
    public string? Miso { get; init; }

    /// <summary>Fixed MOSI pin.</summary>
    public string? Mosi { get; init; }

    /// <summary>Where the fact comes from.</summary>
    public required string Source { get; init; }
}

/// <summary>One UART.</summary>
public sealed record UartFact
{
    /// <summary>Port name.</summary>
    public required string Port { get; init; }

    /// <summary>True when any pin can carry the signals.</summary>
    public required bool PinsAssignable { get; init; }

    /// <summary>Fixed RX pin.</summary>
    public string? Rx { get; init; }

    /// <summary>Fixed TX pin.</summary>
    public string? Tx { get; init; }

    /// <summary>What already uses the port, if anything.</summary>
    public string? ReservedFor { get; init; }

    /// <summary>Where the fact comes from.</summary>
    public required string Source { get; init; }
}

/// <summary>A fact that is not a pin rule.</summary>
public sealed record TargetNote
{
    /// <summary>The fact.</summary>
    public required string Text { get; init; }

    /// <summary>Where it comes from.</summary>
    public required string Source { get; init; }
}

/// <summary>A target's rule that edge interrupts are routed by pin number, one port per line.</summary>
public sealed record EdgeInterruptLineFact
{
    /// <summary>How many lines there are (pin numbers 0..Lines-1).</summary>
    public required int Lines { get; init; }

    /// <summary>Why, in a technician's words.</summary>
    public required string Reason { get; init; }

    /// <summary>Where the fact was read.</summary>
    public required string Source { get; init; }
}
