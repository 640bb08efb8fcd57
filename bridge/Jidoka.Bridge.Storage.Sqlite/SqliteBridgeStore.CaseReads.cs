using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>The SQLite store: cases, joined to their trip events.</summary>
public sealed partial class SqliteBridgeStore
{
    /// <inheritdoc/>
    public Task<CaseRecord?> GetCaseAsync(long caseId, CancellationToken cancellationToken)
    {
        List<CaseRecord> rows = Query<CaseRecord>(CaseRows.Select + " WHERE c.case_id = $id", p => p.AddWithValue("$id", caseId), r => new CaseRows.Reader(r).Read);
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CaseRecord>> QueryCasesAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var extra = new List<string>();
        if (query.Rule is not null)
        {
            extra.Add("e.rule = $rule");
        }

        if (query.Status is not null)
        {
            extra.Add("c.status = $status");
        }

        IReadOnlyList<CaseRecord> rows = Query<CaseRecord>(
            $"{CaseRows.Select} WHERE {Filters("c.node_id", query.NodeId, query.FromUnixUs, query.ToUnixUs, "c.trip_wall_us", new List<string>(), extra.Count == 0 ? null : string.Join(" AND ", extra))} ORDER BY c.case_id DESC LIMIT $limit",
            p =>
            {
                BindFilters(p, query.NodeId, query.FromUnixUs, query.ToUnixUs, query.Limit);
                if (query.Rule is not null)
                {
                    p.AddWithValue("$rule", (long)query.Rule.Value);
                }

                if (query.Status is not null)
                {
                    p.AddWithValue("$status", (long)query.Status.Value);
                }
            },
            r => new CaseRows.Reader(r).Read);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CaseRecord>> ListUnfinishedCasesAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<CaseRecord> rows = Query<CaseRecord>(
            CaseRows.Select + " WHERE c.status <> $done OR c.window_complete = 0 ORDER BY c.case_id",
            p => p.AddWithValue("$done", (long)CaseStatus.Recovered),
            r => new CaseRows.Reader(r).Read);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CaseRecord>> ListLatestCasePerNodeAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<CaseRecord> rows = Query<CaseRecord>(
            CaseRows.Select + " WHERE c.case_id IN (SELECT MAX(case_id) FROM cases GROUP BY node_id) ORDER BY c.node_id",
            _ => { },
            r => new CaseRows.Reader(r).Read);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<long> GetMaxCaseIdAsync(CancellationToken cancellationToken) =>
        Task.FromResult(QueryScalar("SELECT COALESCE(MAX(case_id), 0) FROM cases", _ => { }) is long max ? max : 0);
}
