using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>
/// <see cref="IBridgeStore"/> on one SQLite file in WAL mode: one write connection (writes are
/// serialized and each batch is one transaction), and pooled connections for reads, which WAL lets run
/// beside the writer. SQLite does its work synchronously, so the Task-returning methods complete
/// before they return; the interface is asynchronous for stores that talk to a server.
/// </summary>
public sealed partial class SqliteBridgeStore : IBridgeStore
{
    // The longest span one frame can cover: 50 samples at the 1 s maximum period. Window queries
    // look this far before a window's start for frames that reach into it.
    private const long MaxFrameSpanUs = 50L * 1_000_000L;

    private readonly SqliteStoreOptions _options;
    private readonly string _path;
    private readonly string _connectionString;
    private readonly object _writeGate = new();
    private SqliteConnection? _writer;
    private SqliteBatchWriter? _batchWriter;
    private AuditHead? _head;

    /// <summary>Creates a store on <see cref="SqliteStoreOptions.DataFile"/>; call <see cref="InitializeAsync"/> before use.</summary>
    public SqliteBridgeStore(SqliteStoreOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _path = Path.GetFullPath(options.DataFile);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <inheritdoc/>
    public string Location => _path;

    /// <inheritdoc/>
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        string? folder = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        lock (_writeGate)
        {
            var writer = new SqliteConnection(_connectionString);
            writer.Open();
            Execute(writer, "PRAGMA journal_mode=WAL;");
            Execute(writer, _options.DurableCommits ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
            Execute(writer, "PRAGMA temp_store=MEMORY;");
            using (SqliteTransaction tx = writer.BeginTransaction())
            {
                Execute(writer, "CREATE TABLE IF NOT EXISTS schema_info (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;", tx);
                string? version = Scalar(writer, tx, "SELECT value FROM schema_info WHERE key = 'version'") as string;
                if (version != null && version != SqliteSchema.Version.ToString(CultureInfo.InvariantCulture))
                {
                    // An older file is upgraded in this transaction; a newer one is refused rather than guessed at.
                    if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out int from) || from > SqliteSchema.Version)
                    {
                        throw new InvalidOperationException($"{_path} has schema version {version}; this bridge reads version {SqliteSchema.Version}.");
                    }

                    SqliteMigrations.Upgrade(writer, tx, from);
                }

                Execute(writer, SqliteSchema.Create, tx);
                Execute(writer, $"INSERT OR REPLACE INTO schema_info (key, value) VALUES ('version', '{SqliteSchema.Version}')", tx);
                tx.Commit();
            }

            _head = ReadHead(writer);
            _writer = writer;
            _batchWriter = new SqliteBatchWriter(writer);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<WriteOutcome> WriteAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeGate)
        {
            SqliteConnection writer = _writer ?? throw new InvalidOperationException("The store is not initialized or was disposed.");
            using SqliteTransaction tx = writer.BeginTransaction();
            try
            {
                WriteOutcome outcome = _batchWriter!.Write(tx, batch, _head, out AuditHead? newHead);
                tx.Commit();
                _head = newHead;
                return Task.FromResult(outcome);
            }
            catch
            {
                tx.Rollback();
                throw;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        lock (_writeGate)
        {
            _batchWriter?.Dispose();
            _batchWriter = null;
            if (_writer != null)
            {
                // Fold the WAL back into the main file so the data file alone holds everything.
                Execute(_writer, "PRAGMA wal_checkpoint(TRUNCATE);");
                _writer.Dispose();
                _writer = null;
            }
        }

        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        return ValueTask.CompletedTask;
    }

    // The chain continues from the head the bridge recorded, not from whatever row is last now: if
    // someone deleted the tail, new entries then leave a visible gap instead of papering over it.
    private static AuditHead? ReadHead(SqliteConnection connection)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT seq, hash FROM audit_head WHERE id = 1 UNION ALL SELECT seq, hash FROM (SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1)";
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? new AuditHead(reader.GetInt64(reader.GetOrdinal("seq")), reader.GetString(reader.GetOrdinal("hash"))) : null;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command.ExecuteScalar();
    }

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    // Columns are read by name: <open> resolves the ordinals once for the result set and returns the per-row map.
    private List<T> Query<T>(string sql, Action<SqliteParameterCollection> bind, Func<SqliteDataReader, Func<SqliteDataReader, T>> open)
    {
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command.Parameters);
        using SqliteDataReader reader = command.ExecuteReader();
        Func<SqliteDataReader, T> map = open(reader);
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private object? QueryScalar(string sql, Action<SqliteParameterCollection> bind)
    {
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command.Parameters);
        return command.ExecuteScalar();
    }
}
