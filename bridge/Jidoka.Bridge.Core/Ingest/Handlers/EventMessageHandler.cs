using System;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Cases;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.Time;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Ingest;

/// <summary>
/// Events: decode and build the <see cref="EventRecord"/> (wall time mapped, decision record copied);
/// once the batch's events are all known, acknowledge every one, store the new ones with an audit entry
/// each and hand them to the case builder.
/// </summary>
internal sealed class EventMessageHandler
{
    private readonly EventMessage _event = new();
    private readonly BootObserver _boots;
    private readonly ClockSkewMonitor _skew;
    private readonly EventDeduplicator _dedup;
    private readonly CaseBuilder _cases;

    public EventMessageHandler(IBridgeStore store, BootObserver boots, ClockSkewMonitor skew, CaseBuilder cases)
    {
        _boots = boots;
        _skew = skew;
        _dedup = new EventDeduplicator(store);
        _cases = cases;
    }

    public DecodeResult Handle(NodeSession session, byte[] payload, long receivedUs, BatchWork work)
    {
        EventMessage message = _event;
        DecodeResult result = EventCodec.TryDecode(payload, 0, payload.Length, message);
        if (!result.IsAccepted)
        {
            return result;
        }

        if (!string.Equals(message.NodeId, session.NodeId, StringComparison.Ordinal))
        {
            return DecodeResult.Reject(RejectReason.ImpossibleValue, "nodeId");
        }

        BootObservation boot = _boots.Observe(session, message.BootId);
        bool replayed = (message.Flags & EventMessage.Replayed) != 0;
        if (replayed)
        {
            session.Counters.EventsReplayed++;
        }

        long wall = WallClockMapper.Map(message.MonoUs, message.Provenance, receivedUs, out WallTimeSource source);
        work.Events.Add(ToRecord(session.NodeId, message, payload, wall, source, replayed || boot == BootObservation.EarlierBoot, receivedUs));
        if (!replayed && boot != BootObservation.EarlierBoot && source != WallTimeSource.BridgeReceipt)
        {
            _skew.Check(session, receivedUs - wall, message.Provenance.TimeUncertaintyUs, 0);
        }

        return result;
    }

    /// <summary>Acknowledges every event of the batch, stores the new ones (with audit entries) and feeds them to the case builder.</summary>
    public async Task SettleAsync(NodeSessions sessions, WriteBatch batch, BatchWork work, long nowUs, CancellationToken cancellationToken)
    {
        if (work.Events.Count == 0)
        {
            return;
        }

        await _dedup.BeginAsync(work.Events, sessions, cancellationToken).ConfigureAwait(false);
        foreach (EventRecord record in work.Events)
        {
            NodeSession session = sessions[record.NodeId];
            work.Ack(session, record.EventId);
            if (!_dedup.IsNew(session, record))
            {
                session.Counters.EventsDuplicate++;
                continue;
            }

            batch.Events.Add(record);
            session.Counters.EventsStored++;
            batch.Audit.Add(AuditEntries.ForEvent(record));
            await _cases.OnEventAsync(record, session.CellId, nowUs, batch, cancellationToken).ConfigureAwait(false);
        }
    }

    private static EventRecord ToRecord(string nodeId, EventMessage message, byte[] payload, long wall, WallTimeSource source, bool historical, long receivedUs)
    {
        var record = new DecisionRecord();
        record.CopyFrom(message.Record);
        return new EventRecord
        {
            NodeId = nodeId,
            EventId = message.EventId,
            Type = message.Type,
            BootId = message.BootId,
            MonoUs = message.MonoUs,
            WallUnixUs = wall,
            WallSource = source,
            Provenance = ProvenanceMapper.From(message.Provenance),
            Record = record,
            Historical = historical,
            ReceivedUnixUs = receivedUs,
            Raw = payload,
        };
    }
}
