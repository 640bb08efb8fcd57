using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;

namespace Jidoka.Bridge.Ingest;

/// <summary>
/// Decides, for one batch, which events are new: not recently stored by the session, not in the store,
/// not earlier in the same batch. Events the session does not remember are checked against the store in
/// one query per node, so a replay after a bridge restart is recognised without a look-up per event.
/// </summary>
internal sealed class EventDeduplicator
{
    private readonly IBridgeStore _store;
    private readonly Dictionary<string, IReadOnlySet<ulong>> _stored = new(StringComparer.Ordinal);
    private readonly HashSet<(string, ulong)> _inBatch = new();

    public EventDeduplicator(IBridgeStore store) => _store = store;

    /// <summary>Looks up what the store already holds of <paramref name="events"/>; call once per batch before <see cref="IsNew"/>.</summary>
    public async Task BeginAsync(IReadOnlyList<EventRecord> events, NodeSessions sessions, CancellationToken cancellationToken)
    {
        _stored.Clear();
        _inBatch.Clear();
        foreach (IGrouping<string, EventRecord> group in events.GroupBy(e => e.NodeId))
        {
            NodeSession session = sessions[group.Key];
            ulong[] unknown = group.Select(e => e.EventId).Where(id => !session.RecentlyStored(id)).Distinct().ToArray();
            _stored[group.Key] = unknown.Length == 0
                ? new HashSet<ulong>()
                : await _store.FindStoredEventIdsAsync(group.Key, unknown, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True the first time a not yet stored event is seen in this batch.</summary>
    public bool IsNew(NodeSession session, EventRecord record) =>
        !session.RecentlyStored(record.EventId) && !_stored[record.NodeId].Contains(record.EventId) && _inBatch.Add((record.NodeId, record.EventId));
}
