using System.Linq;
using Jidoka.BoardConfigs.Facts;

namespace Jidoka.BoardConfigs.Docs;

/// <summary>The reservation facts of one target, generated from targets/&lt;target&gt;.json with their sources.</summary>
public static class TargetFactsTables
{
    /// <summary>Markdown: pins to avoid (and why), fixed peripheral pins, ADC channels, and the notes.</summary>
    public static string Write(TargetFacts facts)
    {
        var avoid = new MarkdownTable("Pin", "Rule", "Why", "Source");
        foreach (ReservedPin r in facts.Reserved)
        {
            avoid.Row(r.Pin, r.When == ReservationCondition.Always ? "reserved" : $"reserved with {r.When.ToString().ToLowerInvariant()}", r.Reason, r.Source);
        }

        foreach (PinFact f in facts.Strapping)
        {
            avoid.Row(f.Pin, "strapping: no node signal", f.Reason, f.Source);
        }

        foreach (PinFact f in facts.InputOnly)
        {
            avoid.Row(f.Pin, "input only: never an output", f.Reason, f.Source);
        }

        foreach (PinFact f in facts.NoInternalPull)
        {
            avoid.Row(f.Pin, "no internal pull: external resistor", f.Reason, f.Source);
        }

        foreach (PinFact f in facts.UnreliableEdgeInterrupt)
        {
            avoid.Row(f.Pin, "no interrupt-driven input", f.Reason, f.Source);
        }

        var peripherals = new MarkdownTable("Peripheral", "Pins", "Source");
        foreach (SpiBusFact spi in facts.SpiBuses)
        {
            peripherals.Row($"SPI{spi.BusId}", spi.PinsAssignable ? "any GPIO (routed in software)" : $"SCK {spi.Sck}, MISO {spi.Miso}, MOSI {spi.Mosi}", spi.Source);
        }

        foreach (UartFact uart in facts.Uarts)
        {
            string pins = uart.PinsAssignable ? "any GPIO (routed in software)" : $"RX {uart.Rx}, TX {uart.Tx}";
            peripherals.Row(uart.Port, uart.ReservedFor == null ? pins : $"{pins}; taken: {uart.ReservedFor}", uart.Source);
        }

        foreach (AdcChannelFact adc in facts.AdcChannels)
        {
            peripherals.Row($"ADC channel {adc.Channel}", $"{adc.Pin} ({adc.Converter}){(adc.UnavailableWith == null ? "" : $", unusable with {adc.UnavailableWith.ToString()!.ToLowerInvariant()}")}", adc.Source);
        }

        string notes = string.Concat(facts.Notes.Select(n => $"- {n.Text} (Source: {n.Source}.)\n"));
        if (facts.EdgeInterruptLinePerPinNumber is { } lines)
        {
            notes += $"- Interrupt lines: {lines.Reason}. Interrupt-driven inputs (interlock channels, reset button) therefore use pin numbers 0-{lines.Lines - 1} at most once each, whatever the port; the board check refuses a file that does not. (Source: {lines.Source}.)\n";
        }

        return $"Pins to avoid:\n\n{avoid}\nPeripheral pins:\n\n{peripherals}\nNotes:\n\n{notes}";
    }
}
