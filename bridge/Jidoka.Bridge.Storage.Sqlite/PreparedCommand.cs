using System;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>
/// A statement compiled once on the write connection and re-run with new values: at tens of thousands
/// of frames per second, re-parsing SQL per row would cost more than the insert.
/// </summary>
internal sealed class PreparedCommand : IDisposable
{
    private readonly SqliteCommand _command;

    public PreparedCommand(SqliteConnection connection, string sql, int parameterCount)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        for (int i = 0; i < parameterCount; i++)
        {
            _command.Parameters.Add(new SqliteParameter("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), DBNull.Value));
        }
    }

    public void Set(int index, object? value) => _command.Parameters[index].Value = value ?? DBNull.Value;

    public int Run(SqliteTransaction transaction)
    {
        _command.Transaction = transaction;
        return _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();

    /// <summary>"$p0, $p1, ..." for <paramref name="count"/> parameters.</summary>
    public static string Placeholders(int count)
    {
        var parts = new string[count];
        for (int i = 0; i < count; i++)
        {
            parts[i] = "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return string.Join(", ", parts);
    }
}
