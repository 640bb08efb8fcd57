using System;
using Jidoka.Protocol;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>
/// The cases table's columns, and how a <see cref="CaseRecord"/> is written to and read from them. A case row
/// holds its trip event's key (node_id, trip_event_id), not a copy of it: the decision record, provenance, wall
/// source and historical flag are read from the event through <see cref="Select"/>.
/// </summary>
internal static class CaseRows
{
    /// <summary>The cases table's own columns, for INSERT.</summary>
    public const string Columns =
        "case_id, node_id, cell_id, trip_event_id, boot_id, status, opened_us, trip_wall_us, " +
        "window_from_mono_us, window_to_mono_us, window_complete, reset_event_id, reset_boot_id, reset_mono_us, reset_source, " +
        "reset_by, time_to_reset_us, recovered_frame_seq, recovered_mono_us, time_to_recover_quality_us, near_miss_count";

    /// <summary>SELECT of cases joined to their trip events (alias c for cases, e for events); append WHERE / ORDER BY.</summary>
    public static readonly string Select =
        $"SELECT {ColumnList.Qualified("c", Columns)}, e.wall_source AS trip_wall_source, e.historical AS historical, " +
        $"{ColumnList.Qualified("e", DecisionColumns.List)}, {ColumnList.Qualified("e", ProvenanceColumns.List)} " +
        "FROM cases c JOIN events e ON e.node_id = c.node_id AND e.event_id = c.trip_event_id";

    /// <summary>INSERT OR REPLACE of one case (by case id), parameters looked up once.</summary>
    internal sealed class Writer
    {
        private readonly PreparedCommand _command;
        private readonly SqliteParameter _caseId;
        private readonly SqliteParameter _node;
        private readonly SqliteParameter _cell;
        private readonly SqliteParameter _tripEvent;
        private readonly SqliteParameter _boot;
        private readonly SqliteParameter _status;
        private readonly SqliteParameter _opened;
        private readonly SqliteParameter _tripWall;
        private readonly SqliteParameter _windowFrom;
        private readonly SqliteParameter _windowTo;
        private readonly SqliteParameter _windowComplete;
        private readonly SqliteParameter _resetEvent;
        private readonly SqliteParameter _resetBoot;
        private readonly SqliteParameter _resetMono;
        private readonly SqliteParameter _resetSource;
        private readonly SqliteParameter _resetBy;
        private readonly SqliteParameter _timeToReset;
        private readonly SqliteParameter _recoveredSeq;
        private readonly SqliteParameter _recoveredMono;
        private readonly SqliteParameter _timeToRecover;
        private readonly SqliteParameter _nearMisses;

        public Writer(PreparedCommand command)
        {
            _command = command;
            _caseId = command.Parameter("case_id");
            _node = command.Parameter("node_id");
            _cell = command.Parameter("cell_id");
            _tripEvent = command.Parameter("trip_event_id");
            _boot = command.Parameter("boot_id");
            _status = command.Parameter("status");
            _opened = command.Parameter("opened_us");
            _tripWall = command.Parameter("trip_wall_us");
            _windowFrom = command.Parameter("window_from_mono_us");
            _windowTo = command.Parameter("window_to_mono_us");
            _windowComplete = command.Parameter("window_complete");
            _resetEvent = command.Parameter("reset_event_id");
            _resetBoot = command.Parameter("reset_boot_id");
            _resetMono = command.Parameter("reset_mono_us");
            _resetSource = command.Parameter("reset_source");
            _resetBy = command.Parameter("reset_by");
            _timeToReset = command.Parameter("time_to_reset_us");
            _recoveredSeq = command.Parameter("recovered_frame_seq");
            _recoveredMono = command.Parameter("recovered_mono_us");
            _timeToRecover = command.Parameter("time_to_recover_quality_us");
            _nearMisses = command.Parameter("near_miss_count");
        }

        public void Upsert(SqliteTransaction tx, CaseRecord r)
        {
            _caseId.Value = r.CaseId;
            _node.Value = r.NodeId;
            _cell.Value = r.CellId;
            _tripEvent.Value = unchecked((long)r.TripEventId);
            _boot.Value = (long)r.BootId;
            _status.Value = (long)r.Status;
            _opened.Value = r.OpenedUnixUs;
            _tripWall.Value = r.TripWallUnixUs;
            _windowFrom.Value = unchecked((long)r.WindowFromMonoUs);
            _windowTo.Value = unchecked((long)r.WindowToMonoUs);
            _windowComplete.Value = r.WindowComplete ? 1L : 0L;
            _resetEvent.Value = unchecked((long)r.ResetEventId);
            _resetBoot.Value = (long)r.ResetBootId;
            _resetMono.Value = unchecked((long)r.ResetMonoUs);
            _resetSource.Value = (long)r.ResetSource;
            _resetBy.Value = r.ResetBy;
            _timeToReset.Value = r.TimeToResetUs is long toReset ? toReset : DBNull.Value;
            _recoveredSeq.Value = (long)r.RecoveredFrameSequence;
            _recoveredMono.Value = unchecked((long)r.RecoveredMonoUs);
            _timeToRecover.Value = r.TimeToRecoverQualityUs is long toRecover ? toRecover : DBNull.Value;
            _nearMisses.Value = (long)r.NearMissCount;
            _command.Run(tx);
        }
    }

    /// <summary>Reads cases from a result set of <see cref="Select"/>; ordinals resolved by name once.</summary>
    internal sealed class Reader
    {
        private readonly int _caseId;
        private readonly int _node;
        private readonly int _cell;
        private readonly int _tripEvent;
        private readonly int _boot;
        private readonly int _status;
        private readonly int _opened;
        private readonly int _tripWall;
        private readonly int _windowFrom;
        private readonly int _windowTo;
        private readonly int _windowComplete;
        private readonly int _resetEvent;
        private readonly int _resetBoot;
        private readonly int _resetMono;
        private readonly int _resetSource;
        private readonly int _resetBy;
        private readonly int _timeToReset;
        private readonly int _recoveredSeq;
        private readonly int _recoveredMono;
        private readonly int _timeToRecover;
        private readonly int _nearMisses;
        private readonly int _tripWallSource;
        private readonly int _historical;
        private readonly DecisionColumns.Reader _decision;
        private readonly ProvenanceColumns.Reader _provenance;

        public Reader(SqliteDataReader r)
        {
            _caseId = r.GetOrdinal("case_id");
            _node = r.GetOrdinal("node_id");
            _cell = r.GetOrdinal("cell_id");
            _tripEvent = r.GetOrdinal("trip_event_id");
            _boot = r.GetOrdinal("boot_id");
            _status = r.GetOrdinal("status");
            _opened = r.GetOrdinal("opened_us");
            _tripWall = r.GetOrdinal("trip_wall_us");
            _windowFrom = r.GetOrdinal("window_from_mono_us");
            _windowTo = r.GetOrdinal("window_to_mono_us");
            _windowComplete = r.GetOrdinal("window_complete");
            _resetEvent = r.GetOrdinal("reset_event_id");
            _resetBoot = r.GetOrdinal("reset_boot_id");
            _resetMono = r.GetOrdinal("reset_mono_us");
            _resetSource = r.GetOrdinal("reset_source");
            _resetBy = r.GetOrdinal("reset_by");
            _timeToReset = r.GetOrdinal("time_to_reset_us");
            _recoveredSeq = r.GetOrdinal("recovered_frame_seq");
            _recoveredMono = r.GetOrdinal("recovered_mono_us");
            _timeToRecover = r.GetOrdinal("time_to_recover_quality_us");
            _nearMisses = r.GetOrdinal("near_miss_count");
            _tripWallSource = r.GetOrdinal("trip_wall_source");
            _historical = r.GetOrdinal("historical");
            _decision = new DecisionColumns.Reader(r);
            _provenance = new ProvenanceColumns.Reader(r);
        }

        public CaseRecord Read(SqliteDataReader r) => new()
        {
            CaseId = r.GetInt64(_caseId),
            NodeId = r.GetString(_node),
            CellId = r.GetString(_cell),
            TripEventId = unchecked((ulong)r.GetInt64(_tripEvent)),
            BootId = (uint)r.GetInt64(_boot),
            Status = (CaseStatus)r.GetInt64(_status),
            OpenedUnixUs = r.GetInt64(_opened),
            TripWallUnixUs = r.GetInt64(_tripWall),
            WindowFromMonoUs = unchecked((ulong)r.GetInt64(_windowFrom)),
            WindowToMonoUs = unchecked((ulong)r.GetInt64(_windowTo)),
            WindowComplete = r.GetInt64(_windowComplete) != 0,
            ResetEventId = unchecked((ulong)r.GetInt64(_resetEvent)),
            ResetBootId = (uint)r.GetInt64(_resetBoot),
            ResetMonoUs = unchecked((ulong)r.GetInt64(_resetMono)),
            ResetSource = (ResetSource)r.GetInt64(_resetSource),
            ResetBy = r.GetString(_resetBy),
            TimeToResetUs = r.IsDBNull(_timeToReset) ? null : r.GetInt64(_timeToReset),
            RecoveredFrameSequence = (uint)r.GetInt64(_recoveredSeq),
            RecoveredMonoUs = unchecked((ulong)r.GetInt64(_recoveredMono)),
            TimeToRecoverQualityUs = r.IsDBNull(_timeToRecover) ? null : r.GetInt64(_timeToRecover),
            NearMissCount = (int)r.GetInt64(_nearMisses),
            Decision = _decision.Read(r),
            Provenance = _provenance.Read(r),
            TripWallSource = (WallTimeSource)r.GetInt64(_tripWallSource),
            Historical = r.GetInt64(_historical) != 0,
        };
    }
}
