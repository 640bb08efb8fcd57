using Jidoka.Bridge.Audit;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Ingest;

/// <summary>The audit entries ingest writes: one per newly stored event, one per command result; each names the digest of the bytes received.</summary>
internal static class AuditEntries
{
    public static AuditEntry ForEvent(EventRecord record) => new()
    {
        RecordedUnixUs = record.ReceivedUnixUs,
        Kind = AuditKinds.Event,
        NodeId = record.NodeId,
        Actor = record.Record.OperatorId.Length != 0 ? record.Record.OperatorId : "node",
        Subject = "event/" + record.EventId,
        Details = $"type={EventTypeNames.Name(record.Type)};bootId={record.BootId};monoUs={record.MonoUs};historical={(record.Historical ? 1 : 0)};sha256={AuditHasher.Digest(record.Raw)}",
    };

    public static AuditEntry ForCommandResult(string nodeId, CommandResultMessage message, byte[] payload, long receivedUs) => new()
    {
        RecordedUnixUs = receivedUs,
        Kind = AuditKinds.CommandResult,
        NodeId = nodeId,
        Actor = "node",
        Subject = "command/" + message.CommandId,
        Details = $"type={CommandTypeNames.Name(message.CommandType)};outcome={CommandOutcomeNames.Name(message.Outcome)};reason={CommandReasonNames.Name(message.Reason)};detail={message.Detail};eventId={message.EventId};sha256={AuditHasher.Digest(payload)}",
    };
}
