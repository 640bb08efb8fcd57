using Jidoka.Bridge.Contracts;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;

namespace Jidoka.Bridge.TwinFeed.Views;

/// <summary>Command outcomes as the twin feed shows them.</summary>
public static class CommandViews
{
    /// <summary>The outcome of command <paramref name="commandId"/>; <paramref name="result"/> null means no answer within the wait.</summary>
    public static CommandResultView Result(uint commandId, string nodeId, CommandType type, CommandResultUpdate? result, double waitedSeconds)
    {
        string typeName = CommandTypeNames.Name(type);
        if (result == null)
        {
            return new CommandResultView
            {
                CommandId = commandId,
                NodeId = nodeId,
                Type = typeName,
                Outcome = "pending",
                Reason = "none",
                Detail = "",
                EventId = 0,
                Message = $"Command {commandId} ({typeName}) was sent to {nodeId}; no answer within {waitedSeconds:0.#} s. The node answers when it gets it; GET the node to see its state.",
            };
        }

        string detail = result.Reason switch
        {
            CommandReason.InvalidPolicy => PolicyProblemNames.Name((PolicyProblem)result.Detail),
            CommandReason.InvalidCalibration => CalibrationProblemNames.Name((CalibrationProblem)result.Detail),
            _ => "",
        };
        string outcome = CommandOutcomeNames.Name(result.Outcome);
        string reason = CommandReasonNames.Name(result.Reason);
        return new CommandResultView
        {
            CommandId = commandId,
            NodeId = nodeId,
            Type = typeName,
            Outcome = outcome,
            Reason = reason,
            Detail = detail,
            EventId = result.EventId,
            Message = result.Outcome == CommandOutcome.Rejected
                ? $"{nodeId} refused {typeName}: {reason}{(detail.Length == 0 ? "" : " (" + detail + ")")}."
                : $"{nodeId}: {typeName} {outcome}.",
        };
    }
}
