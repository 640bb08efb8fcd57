using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Protocol;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>The SQLite store: the audit log, policy and calibration versions, commands.</summary>
public sealed partial class SqliteBridgeStore
{
    /// <inheritdoc/>
    public Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(long afterSeq, int max, CancellationToken cancellationToken)
    {
        IReadOnlyList<AuditRecord> rows = Query<AuditRecord>(
            $"SELECT {AuditRows.Columns} FROM audit WHERE seq > $after ORDER BY seq LIMIT $max",
            p =>
            {
                p.AddWithValue("$after", afterSeq);
                p.AddWithValue("$max", max);
            },
            r => new AuditRows.Reader(r).Read);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<AuditHead?> GetAuditHeadAsync(CancellationToken cancellationToken)
    {
        List<AuditHead> rows = Query<AuditHead>("SELECT seq, hash FROM audit_head WHERE id = 1", _ => { }, r =>
        {
            int seq = r.GetOrdinal("seq"), hash = r.GetOrdinal("hash");
            return row => new AuditHead(row.GetInt64(seq), row.GetString(hash));
        });
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<PolicyVersionRecord?> GetPolicyAsync(uint policyId, CancellationToken cancellationToken)
    {
        List<PolicyVersionRecord> rows = Query<PolicyVersionRecord>($"SELECT {VersionRows.PolicyColumns} FROM policies WHERE policy_id = $id", p => p.AddWithValue("$id", (long)policyId), r => new VersionRows.PolicyReader(r).Read);
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<PolicyVersionRecord>> ListPoliciesAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<PolicyVersionRecord> rows = Query<PolicyVersionRecord>($"SELECT {VersionRows.PolicyColumns} FROM policies ORDER BY policy_id", _ => { }, r => new VersionRows.PolicyReader(r).Read);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<CalibrationVersionRecord?> GetCalibrationAsync(InputChannel channel, ushort calibrationId, ushort version, CancellationToken cancellationToken)
    {
        List<CalibrationVersionRecord> rows = Query<CalibrationVersionRecord>(
            $"SELECT {VersionRows.CalibrationColumns} FROM calibrations WHERE channel = $c AND calibration_id = $i AND version = $v",
            p =>
            {
                p.AddWithValue("$c", (long)channel);
                p.AddWithValue("$i", (long)calibrationId);
                p.AddWithValue("$v", (long)version);
            },
            r => new VersionRows.CalibrationReader(r).Read);
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<CommandRecord?> GetCommandAsync(uint commandId, CancellationToken cancellationToken)
    {
        List<CommandRecord> rows = Query<CommandRecord>($"SELECT {CommandRows.Columns} FROM commands WHERE command_id = $id", p => p.AddWithValue("$id", (long)commandId), r => new CommandRows.Reader(r).Read);
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CommandRecord>> QueryCommandsAsync(string? nodeId, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<CommandRecord> rows = Query<CommandRecord>(
            $"SELECT {CommandRows.Columns} FROM commands WHERE ($n IS NULL OR node_id = $n) ORDER BY command_id DESC LIMIT $limit",
            p =>
            {
                p.AddWithValue("$n", (object?)nodeId ?? DBNull.Value);
                p.AddWithValue("$limit", limit);
            },
            r => new CommandRows.Reader(r).Read);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<uint> GetMaxCommandIdAsync(CancellationToken cancellationToken) =>
        Task.FromResult(QueryScalar("SELECT COALESCE(MAX(command_id), 0) FROM commands", _ => { }) is long max ? (uint)max : 0u);
}
