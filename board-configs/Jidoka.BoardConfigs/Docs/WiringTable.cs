using System.Globalization;
using System.Linq;
using Jidoka.BoardConfigs.Facts;
using Jidoka.BoardConfigs.Model;

namespace Jidoka.BoardConfigs.Docs;

/// <summary>The wiring table of one board, generated from its board file so the docs cannot disagree with it.</summary>
public static class WiringTable
{
    /// <summary>Markdown: one row per pin, in the order the technician wires them.</summary>
    public static string Write(BoardDefinition board)
    {
        var table = new MarkdownTable("Signal", "Pin", "nanoFramework pin", "Header", "Direction", "Electrical");
        foreach (PinAssignment pin in board.Pins)
        {
            table.Row(
                BoardRoles.Signal(pin.Role),
                pin.Pin,
                board.NanoFrameworkPinNumber(pin.Role).ToString(CultureInfo.InvariantCulture),
                pin.Label ?? "-",
                Direction(pin.Direction),
                Electrical(board, pin));
        }

        return table.ToString();
    }

    private static string Direction(PinDirection direction) => direction switch
    {
        PinDirection.Input => "in",
        PinDirection.Output => "out",
        _ => "analog in",
    };

    private static string Electrical(BoardDefinition definition, PinAssignment pin)
    {
        BoardConfig board = definition.Board;
        string Level(PinLevel level) => level == PinLevel.High ? "high" : "low";
        string Pull(PullMode? pull) => pull switch
        {
            PullMode.Up => "internal pull-up",
            PullMode.Down => "internal pull-down",
            _ => "external pull resistor on the interface board",
        };

        switch (pin.Role)
        {
            case BoardRole.GuardChannelA or BoardRole.GuardChannelB or BoardRole.LightCurtainChannelA
                or BoardRole.LightCurtainChannelB or BoardRole.EStopChannelA or BoardRole.EStopChannelB:
                InterlockInputConfig input = Interlock(board, pin.Role);
                return $"closed (safe) reads {Level(input.HealthyLevel)}, open or broken wire reads {Level(input.HealthyLevel == PinLevel.High ? PinLevel.Low : PinLevel.High)}; {Pull(input.Pull)}";
            case BoardRole.ResetButton:
                return $"pressed reads {Level(board.ResetButton.PressedLevel)}; {Pull(board.ResetButton.Pull)}";
            case BoardRole.StopOutput:
                return $"{Level(board.StopOutput.EnergizedLevel)} energizes the run-permit relay; external pull-{(board.StopOutput.ExternalPull == PullDirection.Up ? "up" : "down")} holds {Level(board.StopOutput.DeEnergizedLevel)} (stopped) through reset, boot and power-off";
            case BoardRole.AndonOutput:
                return $"{Level(board.AndonOutput.OnLevel)} lights the andon";
            case BoardRole.WatchdogKick:
                return $"toggled once per completed loop step; watchdog timeout {board.WatchdogKick.TimeoutMs} ms, its output in series with the run permit";
            case BoardRole.Hx711PdSck:
                return $"SPI{board.Hx711.SpiBusId} MOSI at {board.Hx711.ClockFrequencyHz} Hz clocks PD_SCK; HX711 at {board.Hx711.DataRateSamplesPerSecond} samples/s, gain {board.Hx711.Gain}";
            case BoardRole.Hx711Dout:
                return $"SPI{board.Hx711.SpiBusId} MISO samples DOUT";
            case BoardRole.Hx711SpiClock:
                return $"SPI{board.Hx711.SpiBusId} SCK: driven by the peripheral, leave unconnected";
            case BoardRole.ForceAdcInput:
                AdcChannelFact? channel = definition.Facts.AdcChannels.FirstOrDefault(c => c.Channel == board.ForceAdc.Channel);
                return $"ADC channel {board.ForceAdc.Channel} ({channel?.Converter}), {board.ForceAdc.ResolutionBits}-bit, {board.ForceAdc.SampleRateHz} Hz; amplifier output, never the bare bridge";
            case BoardRole.VisionRx or BoardRole.VisionTx:
                VisionLinkConfig link = board.VisionLink;
                return $"{link.Port} {link.BaudRate} {link.DataBits}{Parity(link.Parity)}{link.StopBits}";
            default:
                return "";
        }
    }

    private static InterlockInputConfig Interlock(BoardConfig board, BoardRole role) => role switch
    {
        BoardRole.GuardChannelA => board.Interlocks.Guard.ChannelA,
        BoardRole.GuardChannelB => board.Interlocks.Guard.ChannelB,
        BoardRole.LightCurtainChannelA => board.Interlocks.LightCurtain.ChannelA,
        BoardRole.LightCurtainChannelB => board.Interlocks.LightCurtain.ChannelB,
        BoardRole.EStopChannelA => board.Interlocks.EStop.ChannelA,
        _ => board.Interlocks.EStop.ChannelB,
    };

    private static string Parity(UartParity parity) => parity switch
    {
        UartParity.Odd => "O",
        UartParity.Even => "E",
        _ => "N",
    };
}
