using System.Collections.Generic;
using System.Linq;
using Jidoka.BoardConfigs.Facts;
using Jidoka.BoardConfigs.Model;
using Jidoka.Protocol;

namespace Jidoka.BoardConfigs;

/// <summary>
/// A board file that passed every check, with its target's facts: what a board app wires up, what the
/// docs' wiring tables are generated from, and what the node core converts into its node configuration
/// (see <see cref="INodeConfigurationFactory{TNodeConfiguration}"/>). Only
/// <see cref="Loading.BoardConfigLoader"/> creates one.
/// </summary>
public sealed class BoardDefinition
{
    internal BoardDefinition(BoardConfig board, TargetFacts facts)
    {
        Board = board;
        Facts = facts;
        Pins = PinAssignment.From(board);
    }

    /// <summary>The board file's content.</summary>
    public BoardConfig Board { get; }

    /// <summary>The target's pin facts.</summary>
    public TargetFacts Facts { get; }

    /// <summary>Every pin's job, in wiring-table order.</summary>
    public IReadOnlyList<PinAssignment> Pins { get; }

    /// <summary>The pin of <paramref name="role"/>.</summary>
    public PinAssignment Pin(BoardRole role) => Pins.Single(p => p.Role == role);

    /// <summary>The number nanoFramework's GpioController uses for the pin of <paramref name="role"/>.</summary>
    public int NanoFrameworkPinNumber(BoardRole role)
    {
        // The loader only builds definitions whose pins all parsed, so this cannot fail.
        if (!PinName.TryParse(Pin(role).Pin, out PinName? pin))
        {
            throw new System.InvalidOperationException($"pin {Pin(role).Pin} of {role} did not parse");
        }

        return pin!.Value.NanoFrameworkNumber;
    }

    /// <summary>The default limits as a protocol policy record (valid: the loader checked it).</summary>
    public PolicyRecord ToPolicyRecord()
    {
        ProtocolRecords.TryToPolicyRecord(Board.DefaultPolicy, out PolicyRecord policy, out _);
        return policy;
    }

    /// <summary>The default force calibration as a protocol record (valid: the loader checked it).</summary>
    public CalibrationRecord ToForceCalibration() => ProtocolRecords.ToCalibrationRecord(Board.DefaultCalibration.Force, InputChannel.Force);

    /// <summary>The default vision calibration as a protocol record (valid: the loader checked it).</summary>
    public CalibrationRecord ToVisionCalibration() => ProtocolRecords.ToCalibrationRecord(Board.DefaultCalibration.Vision, InputChannel.Vision);
}
