using System.Collections.Generic;
using Jidoka.Protocol;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>The nodes table's columns, and how a <see cref="NodeRecord"/> is written to and read from them (rejects live in node_rejects).</summary>
internal static class NodeRows
{
    /// <summary>Every column, for INSERT and SELECT.</summary>
    public const string Columns =
        "node_id, cell_id, first_seen_us, last_seen_us, has_status, online, boot_id, has_frame_seq, last_frame_seq, firmware, board, " +
        "trip_state, trip_cause, response, trip_event_id, staged_policy_id, " + ProvenanceColumns.List + ", " +
        "last_clock_skew_us, clock_skew_suspect, last_status_json, " +
        "frames_received, frames_stored, frames_duplicate, frames_reordered, gaps_detected, frames_lost, frames_recovered, " +
        "frames_historical, events_stored, events_duplicate, events_replayed, reboots_detected, clock_skew_flags, messages_rejected";

    /// <summary>INSERT OR REPLACE of one node's state, parameters looked up once.</summary>
    internal sealed class Writer
    {
        private readonly PreparedCommand _command;
        private readonly SqliteParameter _node;
        private readonly SqliteParameter _cell;
        private readonly SqliteParameter _firstSeen;
        private readonly SqliteParameter _lastSeen;
        private readonly SqliteParameter _hasStatus;
        private readonly SqliteParameter _online;
        private readonly SqliteParameter _boot;
        private readonly SqliteParameter _hasFrameSeq;
        private readonly SqliteParameter _lastFrameSeq;
        private readonly SqliteParameter _firmware;
        private readonly SqliteParameter _board;
        private readonly SqliteParameter _tripState;
        private readonly SqliteParameter _tripCause;
        private readonly SqliteParameter _response;
        private readonly SqliteParameter _tripEvent;
        private readonly SqliteParameter _stagedPolicy;
        private readonly SqliteParameter _skew;
        private readonly SqliteParameter _skewSuspect;
        private readonly SqliteParameter _statusJson;
        private readonly ProvenanceColumns.Binder _provenance;
        private readonly SqliteParameter[] _counters;

        public Writer(PreparedCommand command)
        {
            _command = command;
            _node = command.Parameter("node_id");
            _cell = command.Parameter("cell_id");
            _firstSeen = command.Parameter("first_seen_us");
            _lastSeen = command.Parameter("last_seen_us");
            _hasStatus = command.Parameter("has_status");
            _online = command.Parameter("online");
            _boot = command.Parameter("boot_id");
            _hasFrameSeq = command.Parameter("has_frame_seq");
            _lastFrameSeq = command.Parameter("last_frame_seq");
            _firmware = command.Parameter("firmware");
            _board = command.Parameter("board");
            _tripState = command.Parameter("trip_state");
            _tripCause = command.Parameter("trip_cause");
            _response = command.Parameter("response");
            _tripEvent = command.Parameter("trip_event_id");
            _stagedPolicy = command.Parameter("staged_policy_id");
            _skew = command.Parameter("last_clock_skew_us");
            _skewSuspect = command.Parameter("clock_skew_suspect");
            _statusJson = command.Parameter("last_status_json");
            _provenance = new ProvenanceColumns.Binder(command);
            _counters = new[]
            {
                command.Parameter("frames_received"),
                command.Parameter("frames_stored"),
                command.Parameter("frames_duplicate"),
                command.Parameter("frames_reordered"),
                command.Parameter("gaps_detected"),
                command.Parameter("frames_lost"),
                command.Parameter("frames_recovered"),
                command.Parameter("frames_historical"),
                command.Parameter("events_stored"),
                command.Parameter("events_duplicate"),
                command.Parameter("events_replayed"),
                command.Parameter("reboots_detected"),
                command.Parameter("clock_skew_flags"),
                command.Parameter("messages_rejected"),
            };
        }

        public void Upsert(SqliteTransaction tx, NodeRecord n)
        {
            _node.Value = n.NodeId;
            _cell.Value = n.CellId;
            _firstSeen.Value = n.FirstSeenUnixUs;
            _lastSeen.Value = n.LastSeenUnixUs;
            _hasStatus.Value = n.HasStatus ? 1L : 0L;
            _online.Value = n.Online ? 1L : 0L;
            _boot.Value = (long)n.BootId;
            _hasFrameSeq.Value = n.HasFrameSequence ? 1L : 0L;
            _lastFrameSeq.Value = (long)n.LastFrameSequence;
            _firmware.Value = n.FirmwareVersion;
            _board.Value = n.Board;
            _tripState.Value = (long)n.TripState;
            _tripCause.Value = (long)n.TripCause;
            _response.Value = (long)n.Response;
            _tripEvent.Value = unchecked((long)n.TripEventId);
            _stagedPolicy.Value = (long)n.StagedPolicyId;
            _skew.Value = n.LastClockSkewUs;
            _skewSuspect.Value = n.ClockSkewSuspect ? 1L : 0L;
            _statusJson.Value = n.LastStatusJson;
            _provenance.Bind(n.Provenance);
            NodeCounters k = n.Counters;
            long[] counts = { k.FramesReceived, k.FramesStored, k.FramesDuplicate, k.FramesReordered, k.GapsDetected, k.FramesLost, k.FramesRecovered, k.FramesHistorical, k.EventsStored, k.EventsDuplicate, k.EventsReplayed, k.RebootsDetected, k.ClockSkewFlags, k.MessagesRejected };
            for (int i = 0; i < counts.Length; i++)
            {
                _counters[i].Value = counts[i];
            }

            _command.Run(tx);
        }
    }

    /// <summary>Reads nodes from a result set holding <see cref="Columns"/>; ordinals resolved by name once.</summary>
    internal sealed class Reader
    {
        private readonly int _node;
        private readonly int _cell;
        private readonly int _firstSeen;
        private readonly int _lastSeen;
        private readonly int _hasStatus;
        private readonly int _online;
        private readonly int _boot;
        private readonly int _hasFrameSeq;
        private readonly int _lastFrameSeq;
        private readonly int _firmware;
        private readonly int _board;
        private readonly int _tripState;
        private readonly int _tripCause;
        private readonly int _response;
        private readonly int _tripEvent;
        private readonly int _stagedPolicy;
        private readonly int _skew;
        private readonly int _skewSuspect;
        private readonly int _statusJson;
        private readonly ProvenanceColumns.Reader _provenance;
        private readonly int _framesReceived;
        private readonly int _framesStored;
        private readonly int _framesDuplicate;
        private readonly int _framesReordered;
        private readonly int _gapsDetected;
        private readonly int _framesLost;
        private readonly int _framesRecovered;
        private readonly int _framesHistorical;
        private readonly int _eventsStored;
        private readonly int _eventsDuplicate;
        private readonly int _eventsReplayed;
        private readonly int _rebootsDetected;
        private readonly int _clockSkewFlags;
        private readonly int _messagesRejected;

        public Reader(SqliteDataReader r)
        {
            _node = r.GetOrdinal("node_id");
            _cell = r.GetOrdinal("cell_id");
            _firstSeen = r.GetOrdinal("first_seen_us");
            _lastSeen = r.GetOrdinal("last_seen_us");
            _hasStatus = r.GetOrdinal("has_status");
            _online = r.GetOrdinal("online");
            _boot = r.GetOrdinal("boot_id");
            _hasFrameSeq = r.GetOrdinal("has_frame_seq");
            _lastFrameSeq = r.GetOrdinal("last_frame_seq");
            _firmware = r.GetOrdinal("firmware");
            _board = r.GetOrdinal("board");
            _tripState = r.GetOrdinal("trip_state");
            _tripCause = r.GetOrdinal("trip_cause");
            _response = r.GetOrdinal("response");
            _tripEvent = r.GetOrdinal("trip_event_id");
            _stagedPolicy = r.GetOrdinal("staged_policy_id");
            _skew = r.GetOrdinal("last_clock_skew_us");
            _skewSuspect = r.GetOrdinal("clock_skew_suspect");
            _statusJson = r.GetOrdinal("last_status_json");
            _provenance = new ProvenanceColumns.Reader(r);
            _framesReceived = r.GetOrdinal("frames_received");
            _framesStored = r.GetOrdinal("frames_stored");
            _framesDuplicate = r.GetOrdinal("frames_duplicate");
            _framesReordered = r.GetOrdinal("frames_reordered");
            _gapsDetected = r.GetOrdinal("gaps_detected");
            _framesLost = r.GetOrdinal("frames_lost");
            _framesRecovered = r.GetOrdinal("frames_recovered");
            _framesHistorical = r.GetOrdinal("frames_historical");
            _eventsStored = r.GetOrdinal("events_stored");
            _eventsDuplicate = r.GetOrdinal("events_duplicate");
            _eventsReplayed = r.GetOrdinal("events_replayed");
            _rebootsDetected = r.GetOrdinal("reboots_detected");
            _clockSkewFlags = r.GetOrdinal("clock_skew_flags");
            _messagesRejected = r.GetOrdinal("messages_rejected");
        }

        /// <summary>The node's id, to find its rejects before reading the row.</summary>
        public string NodeId(SqliteDataReader r) => r.GetString(_node);

        public NodeRecord Read(SqliteDataReader r, IReadOnlyDictionary<RejectReason, long> rejects) => new()
        {
            NodeId = r.GetString(_node),
            CellId = r.GetString(_cell),
            FirstSeenUnixUs = r.GetInt64(_firstSeen),
            LastSeenUnixUs = r.GetInt64(_lastSeen),
            HasStatus = r.GetInt64(_hasStatus) != 0,
            Online = r.GetInt64(_online) != 0,
            BootId = (uint)r.GetInt64(_boot),
            HasFrameSequence = r.GetInt64(_hasFrameSeq) != 0,
            LastFrameSequence = (uint)r.GetInt64(_lastFrameSeq),
            FirmwareVersion = r.GetString(_firmware),
            Board = r.GetString(_board),
            TripState = (TripState)r.GetInt64(_tripState),
            TripCause = (TripRule)r.GetInt64(_tripCause),
            Response = (ResponseClass)r.GetInt64(_response),
            TripEventId = unchecked((ulong)r.GetInt64(_tripEvent)),
            StagedPolicyId = (uint)r.GetInt64(_stagedPolicy),
            LastClockSkewUs = r.GetInt64(_skew),
            ClockSkewSuspect = r.GetInt64(_skewSuspect) != 0,
            LastStatusJson = r.GetString(_statusJson),
            Provenance = _provenance.Read(r),
            Counters = new NodeCounters
            {
                FramesReceived = r.GetInt64(_framesReceived),
                FramesStored = r.GetInt64(_framesStored),
                FramesDuplicate = r.GetInt64(_framesDuplicate),
                FramesReordered = r.GetInt64(_framesReordered),
                GapsDetected = r.GetInt64(_gapsDetected),
                FramesLost = r.GetInt64(_framesLost),
                FramesRecovered = r.GetInt64(_framesRecovered),
                FramesHistorical = r.GetInt64(_framesHistorical),
                EventsStored = r.GetInt64(_eventsStored),
                EventsDuplicate = r.GetInt64(_eventsDuplicate),
                EventsReplayed = r.GetInt64(_eventsReplayed),
                RebootsDetected = r.GetInt64(_rebootsDetected),
                ClockSkewFlags = r.GetInt64(_clockSkewFlags),
                MessagesRejected = r.GetInt64(_messagesRejected),
            },
            Rejects = rejects,
        };
    }
}
