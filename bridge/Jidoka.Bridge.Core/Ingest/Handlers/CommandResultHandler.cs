using System;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Ingest;

/// <summary>Command results: the command's outcome for the store (and its waiting caller after the commit) and an audit entry.</summary>
internal sealed class CommandResultHandler
{
    private readonly CommandResultMessage _result = new();

    public DecodeResult Handle(NodeSession session, byte[] payload, long receivedUs, WriteBatch batch)
    {
        CommandResultMessage message = _result;
        DecodeResult result = message.TryDecode(payload, 0, payload.Length);
        if (!result.IsAccepted)
        {
            return result;
        }

        if (!string.Equals(message.NodeId, session.NodeId, StringComparison.Ordinal))
        {
            return DecodeResult.Reject(RejectReason.ImpossibleValue, "nodeId");
        }

        batch.CommandResults.Add(new CommandResultUpdate
        {
            CommandId = message.CommandId,
            NodeId = session.NodeId,
            Outcome = message.Outcome,
            Reason = message.Reason,
            Detail = message.Detail,
            EventId = message.EventId,
            ReceivedUnixUs = receivedUs,
        });
        batch.Audit.Add(AuditEntries.ForCommandResult(session.NodeId, message, payload, receivedUs));
        return result;
    }
}
