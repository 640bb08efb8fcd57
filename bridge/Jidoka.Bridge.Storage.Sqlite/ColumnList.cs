using System;
using System.Linq;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>Helpers for the comma-separated column lists the row classes declare.</summary>
internal static class ColumnList
{
    public static string[] Split(string columnList) =>
        columnList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>"t.a AS a, t.b AS b": columns of a joined table under their own names, so readers find them by name.</summary>
    public static string Qualified(string alias, string columnList) =>
        string.Join(", ", Split(columnList).Select(c => $"{alias}.{c} AS {c}"));
}
