using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>
/// Upgrades a data file written by an older bridge to <see cref="SqliteSchema.Version"/>, inside the
/// caller's transaction: a failed upgrade leaves the file as it was. docs/storage.md lists the steps.
/// </summary>
internal static class SqliteMigrations
{
    // Version 1 cases copied these columns of their trip event; version 2 reads them from the event.
    private static readonly (string CaseColumn, string EventColumn)[] CopiedInV1 =
        ColumnList.Split(DecisionColumns.List).Concat(ColumnList.Split(ProvenanceColumns.List)).Select(c => (c, c))
            .Append(("trip_wall_source", "wall_source")).Append(("historical", "historical")).Append(("boot_id", "boot_id"))
            .ToArray();

    /// <summary>Runs every step from <paramref name="fromVersion"/> up to the current version.</summary>
    public static void Upgrade(SqliteConnection connection, SqliteTransaction tx, int fromVersion)
    {
        if (fromVersion < 1 || fromVersion > SqliteSchema.Version)
        {
            throw new InvalidOperationException($"No upgrade from schema version {fromVersion}; this bridge reads version {SqliteSchema.Version}.");
        }

        if (fromVersion == 1)
        {
            CasesReferenceTheirTripEvent(connection, tx);
        }
    }

    // 1 -> 2: cases drop their copy of the trip event. Every copy is checked against the event first: a
    // case whose event is missing or differs (an edited file) stops the upgrade rather than lose what it held.
    private static void CasesReferenceTheirTripEvent(SqliteConnection connection, SqliteTransaction tx)
    {
        string differs = string.Join(" OR ", CopiedInV1.Select(p => $"e.{p.EventColumn} IS NOT c.{p.CaseColumn}"));
        List<long> bad = new();
        using (SqliteCommand check = Command(connection, tx, $"SELECT c.case_id AS case_id FROM cases c LEFT JOIN events e ON e.node_id = c.node_id AND e.event_id = c.trip_event_id WHERE e.event_id IS NULL OR {differs} ORDER BY c.case_id"))
        using (SqliteDataReader reader = check.ExecuteReader())
        {
            int caseId = reader.GetOrdinal("case_id");
            while (reader.Read())
            {
                bad.Add(reader.GetInt64(caseId));
            }
        }

        if (bad.Count > 0)
        {
            throw new InvalidOperationException(
                "Cannot upgrade to schema version 2: case(s) " + string.Join(", ", bad.Select(id => id.ToString(CultureInfo.InvariantCulture))) +
                " hold a decision record or provenance their trip event does not (event missing or edited). The file was not changed.");
        }

        Run(connection, tx, SqliteSchema.CasesTable("cases_v2"));
        Run(connection, tx, $"INSERT INTO cases_v2 ({CaseRows.Columns}) SELECT {CaseRows.Columns} FROM cases");
        Run(connection, tx, "DROP TABLE cases");
        Run(connection, tx, "ALTER TABLE cases_v2 RENAME TO cases");
        Run(connection, tx, SqliteSchema.CasesIndexes);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command;
    }

    private static void Run(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        using SqliteCommand command = Command(connection, tx, sql);
        command.ExecuteNonQuery();
    }
}
