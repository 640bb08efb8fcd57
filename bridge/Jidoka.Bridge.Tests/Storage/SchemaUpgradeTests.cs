using System;
using System.IO;
using System.Threading.Tasks;
using Jidoka.Bridge.Storage.Sqlite;
using Jidoka.Bridge.TestKit;
using Jidoka.Protocol;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Jidoka.Bridge.Tests.Storage;

/// <summary>
/// A data file written by the schema-1 bridge (Fixtures/store-v1, see its README) opens in this bridge,
/// is upgraded in place, and reads exactly as the old bridge read it.
/// </summary>
public sealed class SchemaUpgradeTests
{
    private static readonly string FixtureFolder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "store-v1");

    /// <summary>The calibrations the fixture stored (the store has no list call for them).</summary>
    private static readonly (InputChannel Channel, ushort Id, ushort Version)[] Calibrations = { (InputChannel.Force, 12, 4), (InputChannel.Vision, 2, 1) };

    [Fact]
    public async Task A_schema_1_file_is_upgraded_and_reads_as_the_old_bridge_read_it()
    {
        using var dir = new TempDir();
        string file = CopyFixture(dir);
        Assert.Equal("1", SchemaVersion(file));
        Assert.Equal(1, Db.Scalar(file, "SELECT COUNT(*) FROM pragma_table_info('cases') WHERE name = 'rule'"));

        await using (var store = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = file }))
        {
            await store.InitializeAsync(default);
            string expected = await File.ReadAllTextAsync(Path.Combine(FixtureFolder, "expected.json"));
            Assert.Equal(expected.TrimEnd(), (await StoreSnapshot.TakeAsync(store, Calibrations)).TrimEnd());
        }

        // The case rows now hold their trip event's key, not a copy of it.
        Assert.Equal("2", SchemaVersion(file));
        Assert.Equal(0, Db.Scalar(file, "SELECT COUNT(*) FROM pragma_table_info('cases') WHERE name IN ('rule', 'policy_id', 'operator_id', 'historical')"));
        Assert.Equal(2, Db.Scalar(file, "SELECT COUNT(*) FROM cases"));
        Assert.Equal(2, Db.Scalar(file, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ('cases_by_node', 'cases_by_wall')"));

        // The upgraded file has the tables, columns and indexes a new file gets.
        string fresh = dir.File("fresh.db");
        await using (var created = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = fresh }))
        {
            await created.InitializeAsync(default);
        }

        Assert.Equal(SchemaShape(fresh), SchemaShape(file));

        // Opening the upgraded file again changes nothing.
        await using (var again = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = file }))
        {
            await again.InitializeAsync(default);
            string expected = await File.ReadAllTextAsync(Path.Combine(FixtureFolder, "expected.json"));
            Assert.Equal(expected.TrimEnd(), (await StoreSnapshot.TakeAsync(again, Calibrations)).TrimEnd());
        }
    }

    [Fact]
    public async Task A_schema_1_file_whose_case_disagrees_with_its_trip_event_is_not_upgraded()
    {
        using var dir = new TempDir();
        string file = CopyFixture(dir);
        Db.Execute(file, "UPDATE cases SET observed_value = observed_value + 1 WHERE case_id = 2");

        var store = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = file });
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(default));
        await store.DisposeAsync();
        SqliteConnection.ClearAllPools();

        Assert.Contains("case(s) 2", refused.Message, StringComparison.Ordinal);
        Assert.Equal("1", SchemaVersion(file));
        Assert.Equal(1, Db.Scalar(file, "SELECT COUNT(*) FROM pragma_table_info('cases') WHERE name = 'rule'"));
    }

    [Fact]
    public async Task A_file_of_a_newer_schema_is_refused()
    {
        using var dir = new TempDir();
        string file = CopyFixture(dir);
        Db.Execute(file, "UPDATE schema_info SET value = '3' WHERE key = 'version'");

        var store = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = file });
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(default));
        await store.DisposeAsync();
        SqliteConnection.ClearAllPools();

        Assert.Contains("schema version 3", refused.Message, StringComparison.Ordinal);
        Assert.Equal("3", SchemaVersion(file));
    }

    private static string CopyFixture(TempDir dir)
    {
        string file = dir.File("bridge.db");
        File.Copy(Path.Combine(FixtureFolder, "bridge-v1.sqlite"), file);
        return file;
    }

    // Every table's column names (sorted: reads go by name, so order is free) and every index name.
    private static string SchemaShape(string file)
    {
        using SqliteConnection connection = Db.Open(file);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText =
            "SELECT m.type || ' ' || m.name || ' ' || COALESCE((SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info(m.name) ORDER BY name)), '') AS shape " +
            "FROM sqlite_master m WHERE m.type IN ('table', 'index', 'trigger') AND m.name NOT LIKE 'sqlite_%' ORDER BY m.type, m.name";
        using SqliteDataReader reader = command.ExecuteReader();
        var lines = new System.Collections.Generic.List<string>();
        int shape = reader.GetOrdinal("shape");
        while (reader.Read())
        {
            lines.Add(reader.GetString(shape));
        }

        return string.Join("\n", lines);
    }

    private static string SchemaVersion(string file)
    {
        using SqliteConnection connection = Db.Open(file);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM schema_info WHERE key = 'version'";
        return (string)command.ExecuteScalar()!;
    }
}
