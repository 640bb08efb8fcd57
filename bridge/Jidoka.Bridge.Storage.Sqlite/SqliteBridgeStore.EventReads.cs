using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Protocol;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>The SQLite store: events.</summary>
public sealed partial class SqliteBridgeStore
{
    /// <inheritdoc/>
    public Task<IReadOnlySet<ulong>> FindStoredEventIdsAsync(string nodeId, IReadOnlyCollection<ulong> eventIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        var found = new HashSet<ulong>();
        foreach (ulong[] chunk in eventIds.Chunk(500))
        {
            var sql = new StringBuilder("SELECT event_id FROM events WHERE node_id = $node AND event_id IN (");
            for (int i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "$e" : ", $e").Append(i);
            }

            sql.Append(')');
            foreach (ulong id in Query<ulong>(
                sql.ToString(),
                p =>
                {
                    p.AddWithValue("$node", nodeId);
                    for (int i = 0; i < chunk.Length; i++)
                    {
                        p.AddWithValue("$e" + i, unchecked((long)chunk[i]));
                    }
                },
                r =>
                {
                    int id = r.GetOrdinal("event_id");
                    return row => unchecked((ulong)row.GetInt64(id));
                }))
            {
                found.Add(id);
            }
        }

        return Task.FromResult<IReadOnlySet<ulong>>(found);
    }

    /// <inheritdoc/>
    public Task<EventRecord?> GetEventAsync(string nodeId, ulong eventId, CancellationToken cancellationToken)
    {
        List<EventRecord> rows = Query<EventRecord>(
            $"SELECT {EventRows.Columns} FROM events WHERE node_id = $n AND event_id = $e",
            p =>
            {
                p.AddWithValue("$n", nodeId);
                p.AddWithValue("$e", unchecked((long)eventId));
            },
            r => new EventRows.Reader(r).Read);
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<EventRecord>> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string>();
        IReadOnlyList<EventRecord> rows = Query<EventRecord>(
            $"SELECT {EventRows.Columns} FROM events WHERE {Filters("node_id", query.NodeId, query.FromUnixUs, query.ToUnixUs, "wall_us", where, query.Type is null ? null : "type = $type")} ORDER BY wall_us DESC, event_id DESC LIMIT $limit",
            p =>
            {
                BindFilters(p, query.NodeId, query.FromUnixUs, query.ToUnixUs, query.Limit);
                if (query.Type is not null)
                {
                    p.AddWithValue("$type", (long)query.Type.Value);
                }
            },
            r => new EventRows.Reader(r).Read);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<EventRecord>> FindUnlinkedNearMissesAsync(string nodeId, uint bootId, ulong fromMonoUs, ulong toMonoUs, CancellationToken cancellationToken)
    {
        IReadOnlyList<EventRecord> rows = Query<EventRecord>(
            $"SELECT {EventRows.Columns} FROM events WHERE node_id = $n AND type = $t AND boot_id = $b AND mono_us BETWEEN $from AND $to AND case_id IS NULL ORDER BY mono_us",
            p =>
            {
                p.AddWithValue("$n", nodeId);
                p.AddWithValue("$t", (long)EventType.NearMiss);
                p.AddWithValue("$b", (long)bootId);
                p.AddWithValue("$from", unchecked((long)fromMonoUs));
                p.AddWithValue("$to", unchecked((long)toMonoUs));
            },
            r => new EventRows.Reader(r).Read);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<EventRecord>> GetCaseNearMissesAsync(long caseId, CancellationToken cancellationToken)
    {
        IReadOnlyList<EventRecord> rows = Query<EventRecord>(
            $"SELECT {EventRows.Columns} FROM events WHERE case_id = $c AND type = $t ORDER BY boot_id, mono_us",
            p =>
            {
                p.AddWithValue("$c", caseId);
                p.AddWithValue("$t", (long)EventType.NearMiss);
            },
            r => new EventRows.Reader(r).Read);
        return Task.FromResult(rows);
    }
}
