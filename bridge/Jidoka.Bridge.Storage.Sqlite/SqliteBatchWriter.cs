using System;
using System.Collections.Generic;
using Jidoka.Protocol;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>
/// Writes a <see cref="WriteBatch"/> on the write connection with statements prepared once. Each
/// table's row class binds its own columns by name; this class only orders the work.
/// </summary>
internal sealed class SqliteBatchWriter : IDisposable
{
    private readonly List<PreparedCommand> _statements = new();
    private readonly FrameRows.Writer _frames;
    private readonly EventRows.Writer _events;
    private readonly NodeRows.Writer _nodes;
    private readonly PreparedCommand _reject;
    private readonly CaseRows.Writer _cases;
    private readonly PreparedCommand _link;
    private readonly CommandRows.Writer _commands;
    private readonly PreparedCommand _policy;
    private readonly PreparedCommand _calibration;
    private readonly AuditRows.Writer _audit;

    public SqliteBatchWriter(SqliteConnection connection)
    {
        _frames = new FrameRows.Writer(Keep(PreparedCommand.Insert(connection, "INSERT OR IGNORE INTO", "frames", FrameRows.Columns)));
        _events = new EventRows.Writer(Keep(PreparedCommand.Insert(connection, "INSERT OR IGNORE INTO", "events", EventRows.Columns)));
        _nodes = new NodeRows.Writer(Keep(PreparedCommand.Insert(connection, "INSERT OR REPLACE INTO", "nodes", NodeRows.Columns)));
        _reject = Keep(PreparedCommand.Insert(connection, "INSERT OR REPLACE INTO", "node_rejects", "node_id, reason, count"));
        _cases = new CaseRows.Writer(Keep(PreparedCommand.Insert(connection, "INSERT OR REPLACE INTO", "cases", CaseRows.Columns)));
        _link = Keep(new PreparedCommand(
            connection,
            "UPDATE events SET case_id = $case_id WHERE node_id = $node_id AND event_id = $event_id AND case_id IS NULL",
            "node_id", "event_id", "case_id"));
        _commands = new CommandRows.Writer(
            Keep(PreparedCommand.Insert(connection, "INSERT INTO", "commands", CommandRows.Columns)),
            Keep(CommandRows.Writer.ResultStatement(connection)));
        _policy = Keep(PreparedCommand.Insert(connection, "INSERT INTO", "policies", VersionRows.PolicyColumns));
        _calibration = Keep(PreparedCommand.Insert(connection, "INSERT INTO", "calibrations", VersionRows.CalibrationColumns));
        _audit = new AuditRows.Writer(
            Keep(PreparedCommand.Insert(connection, "INSERT INTO", "audit", AuditRows.Columns)),
            Keep(AuditRows.Writer.HeadStatement(connection)));
    }

    /// <summary>Writes everything in <paramref name="batch"/>; returns the outcome and the new audit head.</summary>
    public WriteOutcome Write(SqliteTransaction tx, WriteBatch batch, AuditHead? head, out AuditHead? newHead)
    {
        int framesInserted = 0;
        var skipped = new List<FrameRecord>();
        foreach (FrameRecord frame in batch.Frames)
        {
            if (_frames.Insert(tx, frame) == 1)
            {
                framesInserted++;
            }
            else
            {
                skipped.Add(frame);
            }
        }

        // Events before cases: a case row refers to its trip event.
        int eventsInserted = 0;
        foreach (EventRecord record in batch.Events)
        {
            eventsInserted += _events.Insert(tx, record);
        }

        foreach (NodeRecord node in batch.Nodes)
        {
            _nodes.Upsert(tx, node);
            foreach (KeyValuePair<RejectReason, long> pair in node.Rejects)
            {
                _reject.Parameter("node_id").Value = node.NodeId;
                _reject.Parameter("reason").Value = RejectReasonNames.Name(pair.Key);
                _reject.Parameter("count").Value = pair.Value;
                _reject.Run(tx);
            }
        }

        foreach (CaseRecord record in batch.Cases)
        {
            _cases.Upsert(tx, record);
        }

        foreach (NearMissLink link in batch.NearMissLinks)
        {
            _link.Parameter("node_id").Value = link.NodeId;
            _link.Parameter("event_id").Value = unchecked((long)link.EventId);
            _link.Parameter("case_id").Value = link.CaseId;
            _link.Run(tx);
        }

        foreach (PolicyVersionRecord policy in batch.Policies)
        {
            VersionRows.InsertPolicy(_policy, tx, policy);
        }

        foreach (CalibrationVersionRecord calibration in batch.Calibrations)
        {
            VersionRows.InsertCalibration(_calibration, tx, calibration);
        }

        foreach (CommandRecord command in batch.Commands)
        {
            _commands.Insert(tx, command);
        }

        foreach (CommandResultUpdate result in batch.CommandResults)
        {
            _commands.WriteResult(tx, result);
        }

        newHead = _audit.Append(tx, batch.Audit, head);
        return new WriteOutcome(framesInserted, skipped, eventsInserted, batch.Events.Count - eventsInserted, newHead?.Seq ?? 0);
    }

    public void Dispose()
    {
        foreach (PreparedCommand command in _statements)
        {
            command.Dispose();
        }
    }

    private PreparedCommand Keep(PreparedCommand command)
    {
        _statements.Add(command);
        return command;
    }
}
