using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>The SQLite store: retention: purging old frames outside case windows.</summary>
public sealed partial class SqliteBridgeStore
{
    /// <inheritdoc/>
    public Task<long> PurgeFramesBeforeAsync(long cutoffUnixUs, CancellationToken cancellationToken)
    {
        // Deleted in slices of 5000 so the writer never holds the lock for long.
        const string sql = """
            DELETE FROM frames WHERE (node_id, boot_id, frame_seq) IN (
                SELECT f.node_id, f.boot_id, f.frame_seq FROM frames f
                WHERE f.wall_start_us + (f.sample_count - 1) * f.sample_period_us < $cutoff
                  AND NOT EXISTS (
                      SELECT 1 FROM cases c
                      WHERE c.node_id = f.node_id AND c.boot_id = f.boot_id
                        AND f.first_mono_us <= c.window_to_mono_us
                        AND f.first_mono_us + (f.sample_count - 1) * f.sample_period_us >= c.window_from_mono_us)
                LIMIT 5000)
            """;
        long total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            int deleted;
            lock (_writeGate)
            {
                SqliteConnection writer = _writer ?? throw new InvalidOperationException("The store is not initialized or was disposed.");
                using SqliteTransaction tx = writer.BeginTransaction();
                using SqliteCommand command = writer.CreateCommand();
                command.Transaction = tx;
                command.CommandText = sql;
                command.Parameters.AddWithValue("$cutoff", cutoffUnixUs);
                deleted = command.ExecuteNonQuery();
                tx.Commit();
            }

            total += deleted;
            if (deleted == 0)
            {
                break;
            }
        }

        return Task.FromResult(total);
    }
}
