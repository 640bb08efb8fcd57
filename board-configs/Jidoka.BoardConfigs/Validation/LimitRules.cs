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
            else
            {
                CheckTiming(board.LoopTiming, policy, problems);
                CheckWindows(board, policy, problems);
            }
        }

        CheckCalibration(board.DefaultCalibration.Force, InputChannel.Force, "defaultCalibration.force", problems);
        CheckCalibration(board.DefaultCalibration.Vision, InputChannel.Vision, "defaultCalibration.vision", problems);
    }

    // The same limits NodeConfig.CheckPolicy applies on the node, stated here with the board's numbers.
    private static void CheckTiming(LoopTimingConfig timing, PolicyRecord policy, List<BoardProblem> problems)
    {
        if (policy.LoopPeriodUs < timing.LoopPeriodUsMin)
        {
            problems.Add(new(BoardProblemCode.InvalidPolicy, $"defaultPolicy.loopPeriodUs: {policy.LoopPeriodUs} us is shorter than the {timing.LoopPeriodUsMin} us this target's runtime holds (loopTiming.loopPeriodUsMin); the node would refuse it as loop-period"));
        }

        long minDeadlineUs = (long)timing.ClockResolutionUs * Jidoka.Node.Config.NodeConfig.DeadlineClockStepsMin;
        if (policy.LoopDeadlineUs < minDeadlineUs)
        {
            problems.Add(new(BoardProblemCode.InvalidPolicy, $"defaultPolicy.loopDeadlineUs: {policy.LoopDeadlineUs} us is under {Jidoka.Node.Config.NodeConfig.DeadlineClockStepsMin} steps of this target's {timing.ClockResolutionUs} us clock ({timing.Clock}); step durations would quantize to 0 or one tick; the node would refuse it as loop-deadline"));
        }
    }

    // The node counts the force windows in readings (the loop period, or the HX711's slower rate) and refuses
    // a window under one reading (over-limit) or two (stuck): RuleWindows.Check, run with this board's numbers.
    private static void CheckWindows(BoardConfig board, PolicyRecord policy, List<BoardProblem> problems)
    {
        var node = new Jidoka.Node.Config.NodeConfig();
        if (board.ForceSource == ForceSource.Hx711 && board.Hx711.DataRateSamplesPerSecond > 0)
        {
            node.ForceReadingIntervalUs = (uint)(1_000_000 / board.Hx711.DataRateSamplesPerSecond);
        }

        PolicyProblem problem = Jidoka.Node.Config.RuleWindows.Check(policy, node);
        if (problem != PolicyProblem.None)
        {
            uint intervalUs = Jidoka.Node.Config.RuleWindows.SampleIntervalUs(policy, node);
            string field = problem == PolicyProblem.ForceOverLimitMs ? "forceOverLimitMs" : "forceStuckMs";
            string need = problem == PolicyProblem.ForceOverLimitMs ? "one reading" : "two readings";
            problems.Add(new(BoardProblemCode.InvalidPolicy, $"defaultPolicy.{field}: the window is shorter than {need} at this board's {intervalUs} us sample interval; the node would refuse it as {PolicyProblemNames.Name(problem)}"));
        }
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
