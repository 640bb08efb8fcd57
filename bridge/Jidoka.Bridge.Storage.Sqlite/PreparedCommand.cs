using System;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>
/// A statement compiled once on the write connection and re-run with new values: at tens of thousands
/// of frames per second, re-parsing SQL per row would cost more than the insert. Parameters are named
/// after the columns they fill ("$policy_id"); callers look each one up once and keep the handle.
/// </summary>
internal sealed class PreparedCommand : IDisposable
{
    private readonly SqliteCommand _command;

    public PreparedCommand(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        foreach (string name in parameterNames)
        {
            _command.Parameters.Add(new SqliteParameter("$" + name, DBNull.Value));
        }
    }

    /// <summary>"{verb} {table} (a, b) VALUES ($a, $b)" for the columns of <paramref name="columnList"/>.</summary>
    public static PreparedCommand Insert(SqliteConnection connection, string verb, string table, string columnList)
    {
        string[] columns = ColumnList.Split(columnList);
        string sql = $"{verb} {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        return new PreparedCommand(connection, sql, columns);
    }

    /// <summary>The parameter that fills <paramref name="name"/>; throws when the statement has none (a typo fails at start, not per row).</summary>
    public SqliteParameter Parameter(string name) =>
        _command.Parameters.Contains("$" + name)
            ? _command.Parameters["$" + name]
            : throw new InvalidOperationException($"The statement has no parameter ${name}: {_command.CommandText}");

    public int Run(SqliteTransaction transaction)
    {
        _command.Transaction = transaction;
        return _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
