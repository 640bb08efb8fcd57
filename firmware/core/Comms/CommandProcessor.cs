using Jidoka.Node.Engine;
using Jidoka.Protocol;

namespace Jidoka.Node.Comms
{
    /// <summary>
    /// Executes a decoded command and fills its result. Checks come first and in a fixed order (node id,
    /// operator id for state-changing commands, then the command's own arguments), every outcome that
    /// changes or refuses something is journaled, and the result names the journal event. Runs on the
    /// communication side under the node's lock, between loop steps.
    /// </summary>
    public sealed class CommandProcessor
    {
        private readonly NodeContext _c;
        private readonly NodeActions _actions;

        /// <summary>Creates the processor.</summary>
        public CommandProcessor(NodeContext context, NodeActions actions)
        {
            _c = context;
            _actions = actions;
        }

        /// <summary>Executes <paramref name="command"/> at <paramref name="nowUs"/> and fills <paramref name="result"/>.</summary>
        public void Execute(CommandMessage command, ulong nowUs, CommandResultMessage result)
        {
            result.CommandType = command.CommandType;
            result.NodeId = _c.Config.NodeId;
            result.CommandId = command.CommandId;
            result.Detail = 0;
            result.EventId = 0;
            CommandReason reason = CommandReason.None;
            CommandOutcome outcome = CommandOutcome.Applied;
            ulong eventId = 0;
            byte detail = 0;

            if (command.NodeId != _c.Config.NodeId)
            {
                reason = CommandReason.WrongNode;
            }
            else if (CommandMessage.RequiresOperator(command.CommandType) && command.OperatorId.Length == 0)
            {
                reason = CommandReason.MissingOperator;
            }

            if (reason != CommandReason.None)
            {
                EventType type = command.CommandType == CommandType.Reset ? EventType.ResetRefused : EventType.CommandRejected;
                eventId = _actions.Refuse(type, reason, 0, command.OperatorId, command.CommandId, nowUs);
                Fill(result, CommandOutcome.Rejected, reason, 0, eventId);
                return;
            }

            switch (command.CommandType)
            {
                case CommandType.Reset:
                    reason = _actions.Reset(ResetSource.Command, command.OperatorId, command.CommandId, nowUs, out eventId);
                    outcome = reason == CommandReason.None ? CommandOutcome.Applied : CommandOutcome.Rejected;
                    break;
                case CommandType.ApplyPolicy:
                    bool changeover = (command.Flags & CommandFlags.Changeover) != 0;
                    outcome = _actions.ApplyPolicy(command.Policy, changeover, command.OperatorId, command.CommandId, nowUs, out reason, out detail, out eventId);
                    break;
                case CommandType.SetCalibration:
                    outcome = _actions.SetCalibration(command.Calibration, command.OperatorId, command.CommandId, nowUs, out reason, out detail, out eventId);
                    break;
                case CommandType.Tare:
                    outcome = _actions.Tare(command.TareChannel, command.OperatorId, command.CommandId, nowUs, out reason, out eventId);
                    break;
                case CommandType.StatusRequest:
                    _c.StatusRequested = true;
                    break;
                case CommandType.Identify:
                    _actions.Identify(command.IdentifyDurationSeconds, nowUs);
                    break;
                default:
                    reason = CommandReason.InvalidArgument;
                    outcome = CommandOutcome.Rejected;
                    eventId = _actions.Refuse(EventType.CommandRejected, reason, 0, command.OperatorId, command.CommandId, nowUs);
                    break;
            }

            if (outcome == CommandOutcome.Applied || outcome == CommandOutcome.Staged)
            {
                // A rejection carries its problem code; success carries none.
                detail = 0;
            }

            Fill(result, outcome, reason, detail, eventId);
        }

        private static void Fill(CommandResultMessage result, CommandOutcome outcome, CommandReason reason, byte detail, ulong eventId)
        {
            result.Outcome = outcome;
            result.Reason = outcome == CommandOutcome.Rejected ? reason : CommandReason.None;
            result.Detail = detail;
            result.EventId = eventId;
        }
    }
}
