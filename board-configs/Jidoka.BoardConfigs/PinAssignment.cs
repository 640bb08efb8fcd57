using Jidoka.BoardConfigs.Model;

namespace Jidoka.BoardConfigs;

/// <summary>One pin's job on a board, as the board app opens it and the wiring table lists it.</summary>
public sealed record PinAssignment
{
    /// <summary>The job.</summary>
    public required BoardRole Role { get; init; }

    /// <summary>Pin name as written in the board file.</summary>
    public required string Pin { get; init; }

    /// <summary>Header position, if the board file gives one.</summary>
    public string? Label { get; init; }

    /// <summary>For inputs: what holds the pin when nothing drives it; null for outputs and analog inputs.</summary>
    public PullMode? Pull { get; init; }

    /// <summary>Role's direction.</summary>
    public PinDirection Direction => BoardRoles.Direction(Role);

    /// <summary>Where the role sits in the board file.</summary>
    public string Path => BoardRoles.Path(Role);

    /// <summary>Lists every pin a board file assigns, in wiring-table order.</summary>
    public static PinAssignment[] From(BoardConfig board) =>
    [
        Input(BoardRole.GuardChannelA, board.Interlocks.Guard.ChannelA),
        Input(BoardRole.GuardChannelB, board.Interlocks.Guard.ChannelB),
        Input(BoardRole.LightCurtainChannelA, board.Interlocks.LightCurtain.ChannelA),
        Input(BoardRole.LightCurtainChannelB, board.Interlocks.LightCurtain.ChannelB),
        Input(BoardRole.EStopChannelA, board.Interlocks.EStop.ChannelA),
        Input(BoardRole.EStopChannelB, board.Interlocks.EStop.ChannelB),
        new() { Role = BoardRole.ResetButton, Pin = board.ResetButton.Pin, Label = board.ResetButton.Label, Pull = board.ResetButton.Pull },
        new() { Role = BoardRole.StopOutput, Pin = board.StopOutput.Pin, Label = board.StopOutput.Label },
        new() { Role = BoardRole.AndonOutput, Pin = board.AndonOutput.Pin, Label = board.AndonOutput.Label },
        new() { Role = BoardRole.WatchdogKick, Pin = board.WatchdogKick.Pin, Label = board.WatchdogKick.Label },
        Ref(BoardRole.Hx711PdSck, board.Hx711.PdSck),
        Ref(BoardRole.Hx711Dout, board.Hx711.Dout),
        Ref(BoardRole.Hx711SpiClock, board.Hx711.SpiClock),
        Ref(BoardRole.ForceAdcInput, board.ForceAdc.Input),
        Ref(BoardRole.VisionRx, board.VisionLink.Rx),
        Ref(BoardRole.VisionTx, board.VisionLink.Tx),
    ];

    private static PinAssignment Input(BoardRole role, InterlockInputConfig input) =>
        new() { Role = role, Pin = input.Pin, Label = input.Label, Pull = input.Pull };

    private static PinAssignment Ref(BoardRole role, PinRef pin) =>
        new() { Role = role, Pin = pin.Pin, Label = pin.Label };
}
