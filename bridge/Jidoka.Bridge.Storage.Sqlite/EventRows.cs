using Jidoka.Protocol;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>The events table's columns, and how an <see cref="EventRecord"/> is written to and read from them.</summary>
internal static class EventRows
{
    /// <summary>Every column, for INSERT and SELECT.</summary>
    public const string Columns =
        "node_id, event_id, type, boot_id, mono_us, wall_us, wall_source, " + ProvenanceColumns.List + ", " + DecisionColumns.List +
        ", historical, received_us, raw, case_id";

    /// <summary>INSERT OR IGNORE of one event (dedupe by node and id), parameters looked up once.</summary>
    internal sealed class Writer
    {
        private readonly PreparedCommand _command;
        private readonly SqliteParameter _node;
        private readonly SqliteParameter _event;
        private readonly SqliteParameter _type;
        private readonly SqliteParameter _boot;
        private readonly SqliteParameter _mono;
        private readonly SqliteParameter _wall;
        private readonly SqliteParameter _wallSource;
        private readonly ProvenanceColumns.Binder _provenance;
        private readonly DecisionColumns.Binder _decision;
        private readonly SqliteParameter _historical;
        private readonly SqliteParameter _received;
        private readonly SqliteParameter _raw;
        private readonly SqliteParameter _case;

        public Writer(PreparedCommand command)
        {
            _command = command;
            _node = command.Parameter("node_id");
            _event = command.Parameter("event_id");
            _type = command.Parameter("type");
            _boot = command.Parameter("boot_id");
            _mono = command.Parameter("mono_us");
            _wall = command.Parameter("wall_us");
            _wallSource = command.Parameter("wall_source");
            _provenance = new ProvenanceColumns.Binder(command);
            _decision = new DecisionColumns.Binder(command);
            _historical = command.Parameter("historical");
            _received = command.Parameter("received_us");
            _raw = command.Parameter("raw");
            _case = command.Parameter("case_id");
        }

        /// <summary>1 when stored, 0 when the event was already there.</summary>
        public int Insert(SqliteTransaction tx, EventRecord e)
        {
            _node.Value = e.NodeId;
            _event.Value = unchecked((long)e.EventId);
            _type.Value = (long)e.Type;
            _boot.Value = (long)e.BootId;
            _mono.Value = unchecked((long)e.MonoUs);
            _wall.Value = e.WallUnixUs;
            _wallSource.Value = (long)e.WallSource;
            _provenance.Bind(e.Provenance);
            _decision.Bind(e.Record);
            _historical.Value = e.Historical ? 1L : 0L;
            _received.Value = e.ReceivedUnixUs;
            _raw.Value = e.Raw;
            _case.Value = e.CaseId is long caseId ? caseId : System.DBNull.Value;
            return _command.Run(tx);
        }
    }

    /// <summary>Reads events from a result set holding <see cref="Columns"/>; ordinals resolved by name once.</summary>
    internal sealed class Reader
    {
        private readonly int _node;
        private readonly int _event;
        private readonly int _type;
        private readonly int _boot;
        private readonly int _mono;
        private readonly int _wall;
        private readonly int _wallSource;
        private readonly ProvenanceColumns.Reader _provenance;
        private readonly DecisionColumns.Reader _decision;
        private readonly int _historical;
        private readonly int _received;
        private readonly int _raw;
        private readonly int _case;

        public Reader(SqliteDataReader r)
        {
            _node = r.GetOrdinal("node_id");
            _event = r.GetOrdinal("event_id");
            _type = r.GetOrdinal("type");
            _boot = r.GetOrdinal("boot_id");
            _mono = r.GetOrdinal("mono_us");
            _wall = r.GetOrdinal("wall_us");
            _wallSource = r.GetOrdinal("wall_source");
            _provenance = new ProvenanceColumns.Reader(r);
            _decision = new DecisionColumns.Reader(r);
            _historical = r.GetOrdinal("historical");
            _received = r.GetOrdinal("received_us");
            _raw = r.GetOrdinal("raw");
            _case = r.GetOrdinal("case_id");
        }

        public EventRecord Read(SqliteDataReader r) => new()
        {
            NodeId = r.GetString(_node),
            EventId = unchecked((ulong)r.GetInt64(_event)),
            Type = (EventType)r.GetInt64(_type),
            BootId = (uint)r.GetInt64(_boot),
            MonoUs = unchecked((ulong)r.GetInt64(_mono)),
            WallUnixUs = r.GetInt64(_wall),
            WallSource = (WallTimeSource)r.GetInt64(_wallSource),
            Provenance = _provenance.Read(r),
            Record = _decision.Read(r),
            Historical = r.GetInt64(_historical) != 0,
            ReceivedUnixUs = r.GetInt64(_received),
            Raw = (byte[])r.GetValue(_raw),
            CaseId = r.IsDBNull(_case) ? null : r.GetInt64(_case),
        };
    }
}
