using System;
using Jidoka.BoardConfigs.Model;
using Jidoka.Boards.Logic.Profile;

namespace Jidoka.BoardConfigs.Conversion;

/// <summary>
/// A checked board file as the node-side <see cref="BoardProfile"/>: what the board apps compile in
/// (through <see cref="BoardFileSource"/>) and what <see cref="NodeConfigFactory"/> hands the node's own
/// builder, so host and device start from the same values.
/// </summary>
public static class BoardProfiles
{
    /// <summary>Interlock roles in the core's channel order (<see cref="Jidoka.Protocol.InterlockBits"/>).</summary>
    public static readonly BoardRole[] InterlockRoles =
    [
        BoardRole.GuardChannelA, BoardRole.GuardChannelB,
        BoardRole.LightCurtainChannelA, BoardRole.LightCurtainChannelB,
        BoardRole.EStopChannelA, BoardRole.EStopChannelB,
    ];

    /// <summary>Builds the profile of <paramref name="board"/>.</summary>
    public static BoardProfile From(BoardDefinition board)
    {
        ArgumentNullException.ThrowIfNull(board);
        BoardConfig c = board.Board;
        InterlockInputConfig[] interlocks =
        [
            c.Interlocks.Guard.ChannelA, c.Interlocks.Guard.ChannelB,
            c.Interlocks.LightCurtain.ChannelA, c.Interlocks.LightCurtain.ChannelB,
            c.Interlocks.EStop.ChannelA, c.Interlocks.EStop.ChannelB,
        ];

        var profile = new BoardProfile
        {
            BoardId = c.BoardId,
            Target = c.Target,
            ResetButton = new InputPinProfile(board.NanoFrameworkPinNumber(BoardRole.ResetButton), c.ResetButton.PressedLevel == PinLevel.High, Pull(c.ResetButton.Pull)),
            StopOutput = new OutputPinProfile(board.NanoFrameworkPinNumber(BoardRole.StopOutput), c.StopOutput.EnergizedLevel == PinLevel.High),
            AndonOutput = new OutputPinProfile(board.NanoFrameworkPinNumber(BoardRole.AndonOutput), c.AndonOutput.OnLevel == PinLevel.High),
            WatchdogKickPin = board.NanoFrameworkPinNumber(BoardRole.WatchdogKick),
            WatchdogTimeoutMs = c.WatchdogKick.TimeoutMs,
            Hx711 = new Hx711Profile(
                c.Hx711.SpiBusId,
                board.NanoFrameworkPinNumber(BoardRole.Hx711PdSck),
                board.NanoFrameworkPinNumber(BoardRole.Hx711Dout),
                board.NanoFrameworkPinNumber(BoardRole.Hx711SpiClock),
                c.Hx711.ClockFrequencyHz,
                c.Hx711.DataRateSamplesPerSecond,
                c.Hx711.Gain),
            ForceAdc = new ForceAdcProfile(c.ForceAdc.Channel, board.NanoFrameworkPinNumber(BoardRole.ForceAdcInput), c.ForceAdc.ResolutionBits, c.ForceAdc.SampleRateHz),
            ForceSource = c.ForceSource == ForceSource.Hx711 ? ForceSourceKind.Hx711 : ForceSourceKind.McuAdc,
            VisionLink = new VisionUartProfile(
                c.VisionLink.Port,
                board.NanoFrameworkPinNumber(BoardRole.VisionRx),
                board.NanoFrameworkPinNumber(BoardRole.VisionTx),
                c.VisionLink.BaudRate,
                c.VisionLink.DataBits,
                Parity(c.VisionLink.Parity),
                c.VisionLink.StopBits),
            Network = Network(c.Network.Kind),
            StorageRoot = c.Storage.Root,
            StorageInStockFirmware = c.Storage.InStockFirmware,
            ClockResolutionUs = (uint)c.LoopTiming.ClockResolutionUs,
            LoopPeriodUsMin = (uint)c.LoopTiming.LoopPeriodUsMin,
        };

        for (int i = 0; i < interlocks.Length; i++)
        {
            profile.InterlockChannels[i] = new InputPinProfile(
                board.NanoFrameworkPinNumber(InterlockRoles[i]), interlocks[i].HealthyLevel == PinLevel.High, Pull(interlocks[i].Pull));
        }

        profile.DefaultPolicy.CopyFrom(board.ToPolicyRecord());
        profile.DefaultForceCalibration.CopyFrom(board.ToForceCalibration());
        profile.DefaultVisionCalibration.CopyFrom(board.ToVisionCalibration());
        return profile;
    }

    private static InputPull Pull(PullMode pull) => pull switch
    {
        PullMode.Up => InputPull.Up,
        PullMode.Down => InputPull.Down,
        _ => InputPull.External,
    };

    private static UartParityKind Parity(UartParity parity) => parity switch
    {
        UartParity.Odd => UartParityKind.Odd,
        UartParity.Even => UartParityKind.Even,
        _ => UartParityKind.None,
    };

    private static NetworkLinkKind Network(NetworkKind kind) => kind switch
    {
        NetworkKind.Wifi => NetworkLinkKind.Wifi,
        NetworkKind.Ethernet => NetworkLinkKind.Ethernet,
        _ => NetworkLinkKind.Simulated,
    };
}
