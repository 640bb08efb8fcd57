using System.Collections.Generic;
using Jidoka.Bridge.Audit;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>The audit and audit_head tables: columns, the chained append and the reader.</summary>
internal static class AuditRows
{
    /// <summary>Every column of audit, for INSERT and SELECT.</summary>
    public const string Columns = "seq, recorded_us, kind, node_id, actor, subject, details, prev_hash, hash";

    /// <summary>Appends entries chained from the head, and moves the head in the same transaction.</summary>
    internal sealed class Writer(PreparedCommand insert, PreparedCommand head)
    {
        // One audit entry per stored event: the parameter handles are looked up once.
        private readonly SqliteParameter _seq = insert.Parameter("seq");
        private readonly SqliteParameter _recorded = insert.Parameter("recorded_us");
        private readonly SqliteParameter _kind = insert.Parameter("kind");
        private readonly SqliteParameter _node = insert.Parameter("node_id");
        private readonly SqliteParameter _actor = insert.Parameter("actor");
        private readonly SqliteParameter _subject = insert.Parameter("subject");
        private readonly SqliteParameter _details = insert.Parameter("details");
        private readonly SqliteParameter _prev = insert.Parameter("prev_hash");
        private readonly SqliteParameter _hash = insert.Parameter("hash");
        private readonly SqliteParameter _headSeq = head.Parameter("seq");
        private readonly SqliteParameter _headHash = head.Parameter("hash");

        public static PreparedCommand HeadStatement(SqliteConnection connection) =>
            new(connection, "INSERT OR REPLACE INTO audit_head (id, seq, hash) VALUES (1, $seq, $hash)", "seq", "hash");

        public AuditHead? Append(SqliteTransaction tx, List<AuditEntry> entries, AuditHead? current)
        {
            if (entries.Count == 0)
            {
                return current;
            }

            long seq = current?.Seq ?? 0;
            string prev = current?.Hash ?? AuditHasher.GenesisHash;
            foreach (AuditEntry entry in entries)
            {
                seq++;
                string hash = AuditHasher.Compute(prev, entry);
                _seq.Value = seq;
                _recorded.Value = entry.RecordedUnixUs;
                _kind.Value = entry.Kind;
                _node.Value = entry.NodeId;
                _actor.Value = entry.Actor;
                _subject.Value = entry.Subject;
                _details.Value = entry.Details;
                _prev.Value = prev;
                _hash.Value = hash;
                insert.Run(tx);
                prev = hash;
            }

            _headSeq.Value = seq;
            _headHash.Value = prev;
            head.Run(tx);
            return new AuditHead(seq, prev);
        }
    }

    /// <summary>Reads audit records from a result set holding <see cref="Columns"/>; ordinals resolved by name once.</summary>
    internal sealed class Reader(SqliteDataReader r)
    {
        private readonly int _seq = r.GetOrdinal("seq");
        private readonly int _recorded = r.GetOrdinal("recorded_us");
        private readonly int _kind = r.GetOrdinal("kind");
        private readonly int _node = r.GetOrdinal("node_id");
        private readonly int _actor = r.GetOrdinal("actor");
        private readonly int _subject = r.GetOrdinal("subject");
        private readonly int _details = r.GetOrdinal("details");
        private readonly int _prev = r.GetOrdinal("prev_hash");
        private readonly int _hash = r.GetOrdinal("hash");

        public AuditRecord Read(SqliteDataReader row) => new()
        {
            Seq = row.GetInt64(_seq),
            Entry = new AuditEntry
            {
                RecordedUnixUs = row.GetInt64(_recorded),
                Kind = row.GetString(_kind),
                NodeId = row.GetString(_node),
                Actor = row.GetString(_actor),
                Subject = row.GetString(_subject),
                Details = row.GetString(_details),
            },
            PrevHash = row.GetString(_prev),
            Hash = row.GetString(_hash),
        };
    }
}
