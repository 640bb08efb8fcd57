using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>The SQLite store: the WHERE clauses event and case queries share.</summary>
public sealed partial class SqliteBridgeStore
{
    private static string Filters(string nodeColumn, string? nodeId, long? from, long? to, string wallColumn, List<string> where, string? extra)
    {
        where.Add("1 = 1");
        if (nodeId != null)
        {
            where.Add(nodeColumn + " = $node");
        }

        if (from != null)
        {
            where.Add(wallColumn + " >= $from");
        }

        if (to != null)
        {
            where.Add(wallColumn + " <= $to");
        }

        if (extra != null)
        {
            where.Add(extra);
        }

        return string.Join(" AND ", where);
    }

    private static void BindFilters(SqliteParameterCollection p, string? nodeId, long? from, long? to, int limit)
    {
        if (nodeId != null)
        {
            p.AddWithValue("$node", nodeId);
        }

        if (from != null)
        {
            p.AddWithValue("$from", from.Value);
        }

        if (to != null)
        {
            p.AddWithValue("$to", to.Value);
        }

        p.AddWithValue("$limit", limit);
    }
}
