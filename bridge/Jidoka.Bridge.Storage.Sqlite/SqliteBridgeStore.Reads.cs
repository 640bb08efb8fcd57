using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Protocol;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>The read side of the SQLite store.</summary>
public sealed partial class SqliteBridgeStore
{
    private const string FrameEndMono = "(first_mono_us + (sample_count - 1) * sample_period_us)";

    /// <inheritdoc/>
    public Task<NodeRecord?> GetNodeAsync(string nodeId, CancellationToken cancellationToken)
    {
        Dictionary<string, Dictionary<RejectReason, long>> rejects = ReadRejects(nodeId);
        List<NodeRecord> rows = Query(
            $"SELECT {Columns.Nodes} FROM nodes WHERE node_id = $id",
            p => p.AddWithValue("$id", nodeId),
            r => RowReaders.Node(r, RejectsOf(rejects, r.GetString(0))));
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<NodeRecord>> ListNodesAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, Dictionary<RejectReason, long>> rejects = ReadRejects(null);
        IReadOnlyList<NodeRecord> rows = Query(
            $"SELECT {Columns.Nodes} FROM nodes ORDER BY node_id",
            _ => { },
            r => RowReaders.Node(r, RejectsOf(rejects, r.GetString(0))));
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<IReadOnlySet<ulong>> FindStoredEventIdsAsync(string nodeId, IReadOnlyCollection<ulong> eventIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        var found = new HashSet<ulong>();
        foreach (ulong[] chunk in eventIds.Chunk(500))
        {
            var sql = new StringBuilder("SELECT event_id FROM events WHERE node_id = $node AND event_id IN (");
            for (int i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "$e" : ", $e").Append(i);
            }

            sql.Append(')');
            foreach (ulong id in Query(
                sql.ToString(),
                p =>
                {
                    p.AddWithValue("$node", nodeId);
                    for (int i = 0; i < chunk.Length; i++)
                    {
                        p.AddWithValue("$e" + i, unchecked((long)chunk[i]));
                    }
                },
                r => unchecked((ulong)r.GetInt64(0))))
            {
                found.Add(id);
            }
        }

        return Task.FromResult<IReadOnlySet<ulong>>(found);
    }

    /// <inheritdoc/>
    public Task<IReadOnlySet<uint>> FindStoredFrameSequencesAsync(string nodeId, uint bootId, IReadOnlyCollection<uint> frameSequences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frameSequences);
        var found = new HashSet<uint>();
        foreach (uint sequence in frameSequences)
        {
            if (QueryScalar(
                "SELECT 1 FROM frames WHERE node_id = $n AND boot_id = $b AND frame_seq = $s",
                p =>
                {
                    p.AddWithValue("$n", nodeId);
                    p.AddWithValue("$b", (long)bootId);
                    p.AddWithValue("$s", (long)sequence);
                }) != null)
            {
                found.Add(sequence);
            }
        }

        return Task.FromResult<IReadOnlySet<uint>>(found);
    }

    /// <inheritdoc/>
    public Task<EventRecord?> GetEventAsync(string nodeId, ulong eventId, CancellationToken cancellationToken)
    {
        List<EventRecord> rows = Query(
            $"SELECT {Columns.Events} FROM events WHERE node_id = $n AND event_id = $e",
            p =>
            {
                p.AddWithValue("$n", nodeId);
                p.AddWithValue("$e", unchecked((long)eventId));
            },
            RowReaders.Event);
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<EventRecord>> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string>();
        IReadOnlyList<EventRecord> rows = Query(
            $"SELECT {Columns.Events} FROM events WHERE {Filters(query.NodeId, query.FromUnixUs, query.ToUnixUs, "wall_us", where, query.Type is null ? null : "type = $type")} ORDER BY wall_us DESC, event_id DESC LIMIT $limit",
            p =>
            {
                BindFilters(p, query.NodeId, query.FromUnixUs, query.ToUnixUs, query.Limit);
                if (query.Type is not null)
                {
                    p.AddWithValue("$type", (long)query.Type.Value);
                }
            },
            RowReaders.Event);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<EventRecord>> FindUnlinkedNearMissesAsync(string nodeId, uint bootId, ulong fromMonoUs, ulong toMonoUs, CancellationToken cancellationToken)
    {
        IReadOnlyList<EventRecord> rows = Query(
            $"SELECT {Columns.Events} FROM events WHERE node_id = $n AND type = $t AND boot_id = $b AND mono_us BETWEEN $from AND $to AND case_id IS NULL ORDER BY mono_us",
            p =>
            {
                p.AddWithValue("$n", nodeId);
                p.AddWithValue("$t", (long)EventType.NearMiss);
                p.AddWithValue("$b", (long)bootId);
                p.AddWithValue("$from", unchecked((long)fromMonoUs));
                p.AddWithValue("$to", unchecked((long)toMonoUs));
            },
            RowReaders.Event);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<FrameRecord>> QueryFramesAsync(FrameQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyList<FrameRecord> rows = Query(
            $"SELECT {Columns.Frames} FROM frames WHERE node_id = $n AND wall_start_us BETWEEN $from AND $to " +
            $"AND wall_start_us + (sample_count - 1) * sample_period_us >= $fromExact ORDER BY wall_start_us, boot_id, frame_seq LIMIT $limit",
            p =>
            {
                p.AddWithValue("$n", query.NodeId);
                p.AddWithValue("$from", query.FromUnixUs - MaxFrameSpanUs);
                p.AddWithValue("$fromExact", query.FromUnixUs);
                p.AddWithValue("$to", query.ToUnixUs);
                p.AddWithValue("$limit", query.Limit);
            },
            RowReaders.Frame);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<SampleRecord>> GetSamplesAsync(string nodeId, uint bootId, ulong fromMonoUs, ulong toMonoUs, CancellationToken cancellationToken)
    {
        List<FrameRecord> frames = Query(
            $"SELECT {Columns.Frames} FROM frames WHERE node_id = $n AND boot_id = $b AND first_mono_us BETWEEN $from AND $to " +
            $"AND {FrameEndMono} >= $fromExact ORDER BY first_mono_us, frame_seq",
            p =>
            {
                p.AddWithValue("$n", nodeId);
                p.AddWithValue("$b", (long)bootId);
                p.AddWithValue("$from", Math.Max(0, unchecked((long)fromMonoUs) - MaxFrameSpanUs));
                p.AddWithValue("$fromExact", unchecked((long)fromMonoUs));
                p.AddWithValue("$to", unchecked((long)toMonoUs));
            },
            RowReaders.Frame);
        var samples = new List<SampleRecord>();
        var cursor = new FieldCursor();
        foreach (FrameRecord frame in frames)
        {
            for (int i = 0; i < frame.SampleCount; i++)
            {
                ulong mono = frame.FirstSampleMonoUs + ((ulong)i * frame.SamplePeriodUs);
                if (mono < fromMonoUs || mono > toMonoUs)
                {
                    continue;
                }

                if (!SampleCodec.Read(cursor, frame.Samples, i, out int force, out ushort confidence, out ushort age, out byte interlocks, out byte flags))
                {
                    throw new System.IO.InvalidDataException($"frame {frame.BootId}/{frame.FrameSequence} of {nodeId} stores fewer samples than its count");
                }

                samples.Add(new SampleRecord
                {
                    BootId = frame.BootId,
                    FrameSequence = frame.FrameSequence,
                    MonoUs = mono,
                    WallUnixUs = frame.WallStartUnixUs + ((long)i * frame.SamplePeriodUs),
                    ForceMilliNewtons = force,
                    VisionConfidence = confidence,
                    VisionAgeMs = age,
                    InterlockBits = interlocks,
                    SampleFlags = flags,
                    Historical = frame.Historical,
                });
            }
        }

        return Task.FromResult<IReadOnlyList<SampleRecord>>(samples);
    }

    /// <inheritdoc/>
    public Task<FrameRecord?> FindFirstGoodFrameAsync(string nodeId, uint bootId, ulong fromMonoUs, CancellationToken cancellationToken)
    {
        List<FrameRecord> rows = Query(
            $"SELECT {Columns.Frames} FROM frames WHERE node_id = $n AND boot_id = $b AND first_mono_us >= $from AND (flags & $bad) = 0 ORDER BY first_mono_us LIMIT 1",
            p =>
            {
                p.AddWithValue("$n", nodeId);
                p.AddWithValue("$b", (long)bootId);
                p.AddWithValue("$from", unchecked((long)fromMonoUs));
                p.AddWithValue("$bad", (long)(FrameFlags.Tripped | FrameFlags.Degraded));
            },
            RowReaders.Frame);
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<FrameRecord?> GetLatestFrameAsync(string nodeId, uint bootId, CancellationToken cancellationToken)
    {
        // Served by the (node_id, boot_id, first_mono_us) index: one index seek from the end.
        List<FrameRecord> rows = Query(
            $"SELECT {Columns.Frames} FROM frames WHERE node_id = $n AND boot_id = $b ORDER BY first_mono_us DESC, frame_seq DESC LIMIT 1",
            p =>
            {
                p.AddWithValue("$n", nodeId);
                p.AddWithValue("$b", (long)bootId);
            },
            RowReaders.Frame);
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<bool> HasFrameReachingAsync(string nodeId, uint bootId, ulong monoUs, CancellationToken cancellationToken)
    {
        object? found = QueryScalar(
            $"SELECT 1 FROM frames WHERE node_id = $n AND boot_id = $b AND first_mono_us >= $from AND {FrameEndMono} >= $mono LIMIT 1",
            p =>
            {
                p.AddWithValue("$n", nodeId);
                p.AddWithValue("$b", (long)bootId);
                p.AddWithValue("$from", Math.Max(0, unchecked((long)monoUs) - MaxFrameSpanUs));
                p.AddWithValue("$mono", unchecked((long)monoUs));
            });
        return Task.FromResult(found != null);
    }

    /// <inheritdoc/>
    public Task<CaseRecord?> GetCaseAsync(long caseId, CancellationToken cancellationToken)
    {
        List<CaseRecord> rows = Query($"SELECT {Columns.Cases} FROM cases WHERE case_id = $id", p => p.AddWithValue("$id", caseId), RowReaders.Case);
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CaseRecord>> QueryCasesAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var extra = new List<string>();
        if (query.Rule is not null)
        {
            extra.Add("rule = $rule");
        }

        if (query.Status is not null)
        {
            extra.Add("status = $status");
        }

        IReadOnlyList<CaseRecord> rows = Query(
            $"SELECT {Columns.Cases} FROM cases WHERE {Filters(query.NodeId, query.FromUnixUs, query.ToUnixUs, "trip_wall_us", new List<string>(), extra.Count == 0 ? null : string.Join(" AND ", extra))} ORDER BY case_id DESC LIMIT $limit",
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
            RowReaders.Case);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CaseRecord>> ListUnfinishedCasesAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<CaseRecord> rows = Query(
            $"SELECT {Columns.Cases} FROM cases WHERE status <> $done OR window_complete = 0 ORDER BY case_id",
            p => p.AddWithValue("$done", (long)CaseStatus.Recovered),
            RowReaders.Case);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CaseRecord>> ListLatestCasePerNodeAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<CaseRecord> rows = Query(
            $"SELECT {Columns.Cases} FROM cases WHERE case_id IN (SELECT MAX(case_id) FROM cases GROUP BY node_id) ORDER BY node_id",
            _ => { },
            RowReaders.Case);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<long> GetMaxCaseIdAsync(CancellationToken cancellationToken) =>
        Task.FromResult(QueryScalar("SELECT COALESCE(MAX(case_id), 0) FROM cases", _ => { }) is long max ? max : 0);

    /// <inheritdoc/>
    public Task<IReadOnlyList<EventRecord>> GetCaseNearMissesAsync(long caseId, CancellationToken cancellationToken)
    {
        IReadOnlyList<EventRecord> rows = Query(
            $"SELECT {Columns.Events} FROM events WHERE case_id = $c AND type = $t ORDER BY boot_id, mono_us",
            p =>
            {
                p.AddWithValue("$c", caseId);
                p.AddWithValue("$t", (long)EventType.NearMiss);
            },
            RowReaders.Event);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(long afterSeq, int max, CancellationToken cancellationToken)
    {
        IReadOnlyList<AuditRecord> rows = Query(
            $"SELECT {Columns.Audit} FROM audit WHERE seq > $after ORDER BY seq LIMIT $max",
            p =>
            {
                p.AddWithValue("$after", afterSeq);
                p.AddWithValue("$max", max);
            },
            RowReaders.Audit);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<AuditHead?> GetAuditHeadAsync(CancellationToken cancellationToken)
    {
        List<AuditHead> rows = Query("SELECT seq, hash FROM audit_head WHERE id = 1", _ => { }, r => new AuditHead(r.GetInt64(0), r.GetString(1)));
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<PolicyVersionRecord?> GetPolicyAsync(uint policyId, CancellationToken cancellationToken)
    {
        List<PolicyVersionRecord> rows = Query($"SELECT {Columns.Policies} FROM policies WHERE policy_id = $id", p => p.AddWithValue("$id", (long)policyId), RowReaders.Policy);
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<PolicyVersionRecord>> ListPoliciesAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<PolicyVersionRecord> rows = Query($"SELECT {Columns.Policies} FROM policies ORDER BY policy_id", _ => { }, RowReaders.Policy);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<CalibrationVersionRecord?> GetCalibrationAsync(InputChannel channel, ushort calibrationId, ushort version, CancellationToken cancellationToken)
    {
        List<CalibrationVersionRecord> rows = Query(
            $"SELECT {Columns.Calibrations} FROM calibrations WHERE channel = $c AND calibration_id = $i AND version = $v",
            p =>
            {
                p.AddWithValue("$c", (long)channel);
                p.AddWithValue("$i", (long)calibrationId);
                p.AddWithValue("$v", (long)version);
            },
            RowReaders.Calibration);
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<CommandRecord?> GetCommandAsync(uint commandId, CancellationToken cancellationToken)
    {
        List<CommandRecord> rows = Query($"SELECT {Columns.Commands} FROM commands WHERE command_id = $id", p => p.AddWithValue("$id", (long)commandId), RowReaders.Command);
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CommandRecord>> QueryCommandsAsync(string? nodeId, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<CommandRecord> rows = Query(
            $"SELECT {Columns.Commands} FROM commands WHERE ($n IS NULL OR node_id = $n) ORDER BY command_id DESC LIMIT $limit",
            p =>
            {
                p.AddWithValue("$n", (object?)nodeId ?? DBNull.Value);
                p.AddWithValue("$limit", limit);
            },
            RowReaders.Command);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<uint> GetMaxCommandIdAsync(CancellationToken cancellationToken) =>
        Task.FromResult(QueryScalar("SELECT COALESCE(MAX(command_id), 0) FROM commands", _ => { }) is long max ? (uint)max : 0u);

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

    private static string Filters(string? nodeId, long? from, long? to, string wallColumn, List<string> where, string? extra)
    {
        where.Add("1 = 1");
        if (nodeId != null)
        {
            where.Add("node_id = $node");
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

    private Dictionary<string, Dictionary<RejectReason, long>> ReadRejects(string? nodeId)
    {
        var all = new Dictionary<string, Dictionary<RejectReason, long>>(StringComparer.Ordinal);
        foreach ((string node, string reason, long count) in Query(
            "SELECT node_id, reason, count FROM node_rejects WHERE ($n IS NULL OR node_id = $n)",
            p => p.AddWithValue("$n", (object?)nodeId ?? DBNull.Value),
            r => (r.GetString(0), r.GetString(1), r.GetInt64(2))))
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
