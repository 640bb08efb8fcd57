using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Protocol;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>The SQLite store: nodes and their rejects.</summary>
public sealed partial class SqliteBridgeStore
{
    /// <inheritdoc/>
    public Task<NodeRecord?> GetNodeAsync(string nodeId, CancellationToken cancellationToken)
    {
        Dictionary<string, Dictionary<RejectReason, long>> rejects = ReadRejects(nodeId);
        List<NodeRecord> rows = Query<NodeRecord>(
            $"SELECT {NodeRows.Columns} FROM nodes WHERE node_id = $id",
            p => p.AddWithValue("$id", nodeId),
            r =>
            {
                var reader = new NodeRows.Reader(r);
                return row => reader.Read(row, RejectsOf(rejects, reader.NodeId(row)));
            });
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<NodeRecord>> ListNodesAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, Dictionary<RejectReason, long>> rejects = ReadRejects(null);
        IReadOnlyList<NodeRecord> rows = Query<NodeRecord>(
            $"SELECT {NodeRows.Columns} FROM nodes ORDER BY node_id",
            _ => { },
            r =>
            {
                var reader = new NodeRows.Reader(r);
                return row => reader.Read(row, RejectsOf(rejects, reader.NodeId(row)));
            });
        return Task.FromResult(rows);
    }

    private Dictionary<string, Dictionary<RejectReason, long>> ReadRejects(string? nodeId)
    {
        var all = new Dictionary<string, Dictionary<RejectReason, long>>(StringComparer.Ordinal);
        foreach ((string node, string reason, long count) in Query<(string, string, long)>(
            "SELECT node_id, reason, count FROM node_rejects WHERE ($n IS NULL OR node_id = $n)",
            p => p.AddWithValue("$n", (object?)nodeId ?? DBNull.Value),
            r =>
            {
                int node = r.GetOrdinal("node_id"), reason = r.GetOrdinal("reason"), count = r.GetOrdinal("count");
                return row => (row.GetString(node), row.GetString(reason), row.GetInt64(count));
            }))
        {
            if (RejectReasonNames.TryParse(reason, out RejectReason parsed))
            {
                if (!all.TryGetValue(node, out Dictionary<RejectReason, long>? map))
                {
                    map = new Dictionary<RejectReason, long>();
                    all[node] = map;
                }

                map[parsed] = count;
            }
        }

        return all;
    }

    private static IReadOnlyDictionary<RejectReason, long> RejectsOf(Dictionary<string, Dictionary<RejectReason, long>> all, string nodeId) =>
        all.TryGetValue(nodeId, out Dictionary<RejectReason, long>? map) ? map : new Dictionary<RejectReason, long>();
}
