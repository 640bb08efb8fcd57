using System.Collections.Generic;
using Jidoka.BoardConfigs.Model;
using Jidoka.Protocol;

namespace Jidoka.BoardConfigs.Validation;

/// <summary>The default limits must be a policy and the default calibrations calibrations that every node and the bridge accept.</summary>
internal static class LimitRules
{
    public static void Check(BoardConfig board, List<BoardProblem> problems)
    {
        if (!ProtocolRecords.TryToPolicyRecord(board.DefaultPolicy, out PolicyRecord policy, out string? unknown))
        {
            problems.Add(new(BoardProblemCode.InvalidPolicy, $"defaultPolicy.responses: unknown {unknown}"));
        }
        else
        {
            PolicyProblem problem = policy.Validate();
            if (problem != PolicyProblem.None)
            {
                problems.Add(new(BoardProblemCode.InvalidPolicy, $"defaultPolicy: PolicyRecord.Validate rejects it: {PolicyProblemNames.Name(problem)}"));
            }
        }

        CheckCalibration(board.DefaultCalibration.Force, InputChannel.Force, "defaultCalibration.force", problems);
        CheckCalibration(board.DefaultCalibration.Vision, InputChannel.Vision, "defaultCalibration.vision", problems);
    }

    private static void CheckCalibration(CalibrationConfig config, InputChannel channel, string path, List<BoardProblem> problems)
    {
        CalibrationProblem problem = ProtocolRecords.ToCalibrationRecord(config, channel).Validate();
        if (problem != CalibrationProblem.None)
        {
            problems.Add(new(BoardProblemCode.InvalidCalibration, $"{path}: CalibrationRecord.Validate rejects it: {CalibrationProblemNames.Name(problem)}"));
        }
    }
}
