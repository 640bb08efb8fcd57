using System.Collections.Generic;
using System.Linq;
using Jidoka.BoardConfigs.Facts;
using Jidoka.BoardConfigs.Model;

namespace Jidoka.BoardConfigs.Validation;

/// <summary>Rules about peripherals: the ADC channel map, SPI and UART pins the firmware fixes, the network link.</summary>
internal static class PeripheralRules
{
    public static void Check(BoardConfig board, TargetFacts facts, List<BoardProblem> problems)
    {
        CheckAdc(board, facts, problems);
        CheckSpi(board, facts, problems);
        CheckUart(board, facts, problems);
        if (!facts.Networks.Contains(board.Network.Kind))
        {
            problems.Add(new(BoardProblemCode.Network, $"network.kind: {Name(board.Network.Kind)} is not available on {facts.Target} (it has {string.Join(", ", facts.Networks.Select(Name))})"));
        }
    }

    private static void CheckAdc(BoardConfig board, TargetFacts facts, List<BoardProblem> problems)
    {
        ForceAdcConfig adc = board.ForceAdc;
        AdcChannelFact? channel = facts.AdcChannels.FirstOrDefault(c => c.Channel == adc.Channel);
        if (channel == null)
        {
            problems.Add(new(BoardProblemCode.AdcChannel, $"forceAdc.channel: {facts.Target} has no logical ADC channel {adc.Channel}"));
            return;
        }

        if (channel.Pin != adc.Input.Pin)
        {
            problems.Add(new(BoardProblemCode.AdcChannel, $"forceAdc.input.pin: logical ADC channel {adc.Channel} samples {channel.Pin} ({channel.Converter}) on {facts.Target}, not {adc.Input.Pin} (source: {channel.Source})"));
        }

        if (channel.UnavailableWith == board.Network.Kind)
        {
            problems.Add(new(BoardProblemCode.AdcChannel, $"forceAdc.channel: channel {adc.Channel} ({channel.Converter}) cannot be used while {Name(board.Network.Kind)} is on (source: {channel.Source})"));
        }
    }

    private static void CheckSpi(BoardConfig board, TargetFacts facts, List<BoardProblem> problems)
    {
        Hx711Config hx = board.Hx711;
        SpiBusFact? bus = facts.SpiBuses.FirstOrDefault(b => b.BusId == hx.SpiBusId);
        if (bus == null)
        {
            problems.Add(new(BoardProblemCode.SpiBus, $"hx711.spiBusId: {facts.Target} has no SPI bus {hx.SpiBusId}"));
            return;
        }

        if (!bus.PinsAssignable)
        {
            Expect(problems, BoardProblemCode.SpiBus, "hx711.pdSck.pin", hx.PdSck.Pin, bus.Mosi, $"SPI{bus.BusId} MOSI", bus.Source);
            Expect(problems, BoardProblemCode.SpiBus, "hx711.dout.pin", hx.Dout.Pin, bus.Miso, $"SPI{bus.BusId} MISO", bus.Source);
            Expect(problems, BoardProblemCode.SpiBus, "hx711.spiClock.pin", hx.SpiClock.Pin, bus.Sck, $"SPI{bus.BusId} SCK", bus.Source);
        }
    }

    private static void CheckUart(BoardConfig board, TargetFacts facts, List<BoardProblem> problems)
    {
        VisionLinkConfig link = board.VisionLink;
        UartFact? uart = facts.Uarts.FirstOrDefault(u => u.Port == link.Port);
        if (uart == null)
        {
            problems.Add(new(BoardProblemCode.Uart, $"visionLink.port: {facts.Target} has no UART {link.Port} (it has {string.Join(", ", facts.Uarts.Select(u => u.Port))})"));
            return;
        }

        if (uart.ReservedFor != null)
        {
            problems.Add(new(BoardProblemCode.Uart, $"visionLink.port: {link.Port} is taken on {facts.Target}: {uart.ReservedFor} (source: {uart.Source})"));
        }

        if (!uart.PinsAssignable)
        {
            Expect(problems, BoardProblemCode.Uart, "visionLink.rx.pin", link.Rx.Pin, uart.Rx, $"{uart.Port} RX", uart.Source);
            Expect(problems, BoardProblemCode.Uart, "visionLink.tx.pin", link.Tx.Pin, uart.Tx, $"{uart.Port} TX", uart.Source);
        }
    }

    private static void Expect(List<BoardProblem> problems, BoardProblemCode code, string path, string actual, string? expected, string signal, string source)
    {
        if (actual != expected)
        {
            problems.Add(new(code, $"{path}: {signal} is fixed to {expected} by the firmware, not {actual} (source: {source})"));
        }
    }

    private static string Name(NetworkKind kind) => kind.ToString().ToLowerInvariant();
}
