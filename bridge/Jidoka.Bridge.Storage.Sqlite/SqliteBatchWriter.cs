using System;
using System.Collections.Generic;
using Jidoka.Bridge.Audit;
using Jidoka.Protocol;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>Writes a <see cref="WriteBatch"/> on the write connection with statements prepared once.</summary>
internal sealed class SqliteBatchWriter : IDisposable
{
    private readonly PreparedCommand _frame;
    private readonly PreparedCommand _event;
    private readonly PreparedCommand _node;
    private readonly PreparedCommand _reject;
    private readonly PreparedCommand _case;
    private readonly PreparedCommand _link;
    private readonly PreparedCommand _command;
    private readonly PreparedCommand _result;
    private readonly PreparedCommand _policy;
    private readonly PreparedCommand _calibration;
    private readonly PreparedCommand _audit;
    private readonly PreparedCommand _head;

    public SqliteBatchWriter(SqliteConnection connection)
    {
        _frame = new PreparedCommand(connection, $"INSERT OR IGNORE INTO frames ({Columns.Frames}) VALUES ({PreparedCommand.Placeholders(Columns.FramesCount)})", Columns.FramesCount);
        _event = new PreparedCommand(connection, $"INSERT OR IGNORE INTO events ({Columns.Events}) VALUES ({PreparedCommand.Placeholders(Columns.EventsCount)})", Columns.EventsCount);
        _node = new PreparedCommand(connection, $"INSERT OR REPLACE INTO nodes ({Columns.Nodes}) VALUES ({PreparedCommand.Placeholders(Columns.NodesCount)})", Columns.NodesCount);
        _reject = new PreparedCommand(connection, "INSERT OR REPLACE INTO node_rejects (node_id, reason, count) VALUES ($p0, $p1, $p2)", 3);
        _case = new PreparedCommand(connection, $"INSERT OR REPLACE INTO cases ({Columns.Cases}) VALUES ({PreparedCommand.Placeholders(Columns.CasesCount)})", Columns.CasesCount);
        _link = new PreparedCommand(connection, "UPDATE events SET case_id = $p2 WHERE node_id = $p0 AND event_id = $p1 AND case_id IS NULL", 3);
        _command = new PreparedCommand(connection, $"INSERT INTO commands ({Columns.Commands}) VALUES ({PreparedCommand.Placeholders(Columns.CommandsCount)})", Columns.CommandsCount);
        _result = new PreparedCommand(
            connection,
            "UPDATE commands SET outcome = $p2, reason = $p3, detail = $p4, result_event_id = $p5, result_us = $p6 WHERE command_id = $p0 AND node_id = $p1",
            7);
        _policy = new PreparedCommand(connection, $"INSERT INTO policies ({Columns.Policies}) VALUES ({PreparedCommand.Placeholders(5)})", 5);
        _calibration = new PreparedCommand(connection, $"INSERT INTO calibrations ({Columns.Calibrations}) VALUES ({PreparedCommand.Placeholders(7)})", 7);
        _audit = new PreparedCommand(connection, $"INSERT INTO audit ({Columns.Audit}) VALUES ({PreparedCommand.Placeholders(9)})", 9);
        _head = new PreparedCommand(connection, "INSERT OR REPLACE INTO audit_head (id, seq, hash) VALUES (1, $p0, $p1)", 2);
    }

    /// <summary>Writes everything in <paramref name="batch"/>; returns the outcome and the new audit head.</summary>
    public WriteOutcome Write(SqliteTransaction tx, WriteBatch batch, AuditHead? head, out AuditHead? newHead)
    {
        int framesInserted = 0;
        var skipped = new List<FrameRecord>();
        foreach (FrameRecord frame in batch.Frames)
        {
            if (InsertFrame(tx, frame) == 1)
            {
                framesInserted++;
            }
            else
            {
                skipped.Add(frame);
            }
        }

        int eventsInserted = 0;
        foreach (EventRecord record in batch.Events)
        {
            eventsInserted += InsertEvent(tx, record);
        }

        foreach (NodeRecord node in batch.Nodes)
        {
            UpsertNode(tx, node);
        }

        foreach (CaseRecord record in batch.Cases)
        {
            UpsertCase(tx, record);
        }

        foreach (NearMissLink link in batch.NearMissLinks)
        {
            _link.Set(0, link.NodeId);
            _link.Set(1, unchecked((long)link.EventId));
            _link.Set(2, link.CaseId);
            _link.Run(tx);
        }

        foreach (PolicyVersionRecord policy in batch.Policies)
        {
            _policy.Set(0, (long)policy.PolicyId);
            _policy.Set(1, (long)policy.PolicyHash);
            _policy.Set(2, policy.Encoded);
            _policy.Set(3, policy.CreatedBy);
            _policy.Set(4, policy.CreatedUnixUs);
            _policy.Run(tx);
        }

        foreach (CalibrationVersionRecord calibration in batch.Calibrations)
        {
            _calibration.Set(0, (long)calibration.Channel);
            _calibration.Set(1, (long)calibration.CalibrationId);
            _calibration.Set(2, (long)calibration.Version);
            _calibration.Set(3, calibration.NodeId);
            _calibration.Set(4, calibration.Encoded);
            _calibration.Set(5, calibration.CreatedBy);
            _calibration.Set(6, calibration.CreatedUnixUs);
            _calibration.Run(tx);
        }

        foreach (CommandRecord command in batch.Commands)
        {
            InsertCommand(tx, command);
        }

        foreach (CommandResultUpdate result in batch.CommandResults)
        {
            _result.Set(0, (long)result.CommandId);
            _result.Set(1, result.NodeId);
            _result.Set(2, (long)result.Outcome);
            _result.Set(3, (long)result.Reason);
            _result.Set(4, (long)result.Detail);
            _result.Set(5, unchecked((long)result.EventId));
            _result.Set(6, result.ReceivedUnixUs);
            _result.Run(tx);
        }

        newHead = AppendAudit(tx, batch.Audit, head);
        return new WriteOutcome(framesInserted, skipped, eventsInserted, batch.Events.Count - eventsInserted, newHead?.Seq ?? 0);
    }

    public void Dispose()
    {
        foreach (PreparedCommand command in new[] { _frame, _event, _node, _reject, _case, _link, _command, _result, _policy, _calibration, _audit, _head })
        {
            command.Dispose();
        }
    }

    private int InsertFrame(SqliteTransaction tx, FrameRecord f)
    {
        PreparedCommand c = _frame;
        c.Set(0, f.NodeId);
        c.Set(1, (long)f.BootId);
        c.Set(2, (long)f.FrameSequence);
        c.Set(3, (long)f.Flags);
        c.Set(4, (long)f.FirstSampleMonoUs);
        c.Set(5, (long)f.SamplePeriodUs);
        c.Set(6, (long)f.SampleCount);
        c.Set(7, f.WallStartUnixUs);
        c.Set(8, (long)f.WallSource);
        c.Set(9, (long)f.TimeQuality);
        c.Set(10, (long)f.TimeUncertaintyUs);
        c.Set(11, (long)f.PolicyId);
        c.Set(12, (long)f.PolicyHash);
        c.Set(13, (long)f.ForceCalibrationId);
        c.Set(14, (long)f.ForceCalibrationVersion);
        c.Set(15, (long)f.VisionCalibrationId);
        c.Set(16, (long)f.VisionCalibrationVersion);
        c.Set(17, f.Historical ? 1L : 0L);
        c.Set(18, f.ReceivedUnixUs);
        c.Set(19, f.Samples);
        return c.Run(tx);
    }

    private int InsertEvent(SqliteTransaction tx, EventRecord e)
    {
        PreparedCommand c = _event;
        DecisionRecord d = e.Record;
        c.Set(0, e.NodeId);
        c.Set(1, unchecked((long)e.EventId));
        c.Set(2, (long)e.Type);
        c.Set(3, (long)e.BootId);
        c.Set(4, unchecked((long)e.MonoUs));
        c.Set(5, e.WallUnixUs);
        c.Set(6, (long)e.WallSource);
        c.Set(7, (long)e.TimeQuality);
        c.Set(8, (long)e.TimeUncertaintyUs);
        c.Set(9, (long)e.PolicyId);
        c.Set(10, (long)e.PolicyHash);
        c.Set(11, (long)e.ForceCalibrationId);
        c.Set(12, (long)e.ForceCalibrationVersion);
        c.Set(13, (long)e.VisionCalibrationId);
        c.Set(14, (long)e.VisionCalibrationVersion);
        SetDecision(c, 15, d);
        c.Set(32, e.Historical ? 1L : 0L);
        c.Set(33, e.ReceivedUnixUs);
        c.Set(34, e.Raw);
        c.Set(35, e.CaseId);
        return c.Run(tx);
    }

    // The 17 decision-record columns, in Columns order, starting at parameter <first>.
    private static void SetDecision(PreparedCommand c, int first, DecisionRecord d)
    {
        c.Set(first, (long)d.Rule);
        c.Set(first + 1, (long)d.Response);
        c.Set(first + 2, (long)d.Channel);
        c.Set(first + 3, (long)d.ReasonCode);
        c.Set(first + 4, d.ObservedValue);
        c.Set(first + 5, d.LimitValue);
        c.Set(first + 6, (long)d.ConsecutiveSamples);
        c.Set(first + 7, (long)d.ForceMilliNewtons);
        c.Set(first + 8, (long)d.VisionConfidence);
        c.Set(first + 9, (long)d.VisionAgeMs);
        c.Set(first + 10, (long)d.InterlockBits);
        c.Set(first + 11, (long)d.SampleFlags);
        c.Set(first + 12, unchecked((long)d.DetectMonoUs));
        c.Set(first + 13, (long)d.LatencyUs);
        c.Set(first + 14, unchecked((long)d.RelatedEventId));
        c.Set(first + 15, (long)d.Argument);
        c.Set(first + 16, d.OperatorId);
    }

    private void UpsertNode(SqliteTransaction tx, NodeRecord n)
    {
        PreparedCommand c = _node;
        NodeCounters k = n.Counters;
        object[] values =
        {
            n.NodeId, n.CellId, n.FirstSeenUnixUs, n.LastSeenUnixUs, n.HasStatus ? 1L : 0L, n.Online ? 1L : 0L, (long)n.BootId,
            n.HasFrameSequence ? 1L : 0L, (long)n.LastFrameSequence, n.FirmwareVersion, n.Board, (long)n.TripState, (long)n.TripCause,
            (long)n.Response, unchecked((long)n.TripEventId), (long)n.PolicyId, (long)n.PolicyHash, (long)n.StagedPolicyId,
            (long)n.ForceCalibrationId, (long)n.ForceCalibrationVersion, (long)n.VisionCalibrationId, (long)n.VisionCalibrationVersion,
            (long)n.TimeQuality, (long)n.TimeUncertaintyUs, n.LastClockSkewUs, n.ClockSkewSuspect ? 1L : 0L, n.LastStatusJson,
            k.FramesReceived, k.FramesStored, k.FramesDuplicate, k.FramesReordered, k.GapsDetected, k.FramesLost, k.FramesRecovered,
            k.FramesHistorical, k.EventsStored, k.EventsDuplicate, k.EventsReplayed, k.RebootsDetected, k.ClockSkewFlags, k.MessagesRejected,
        };
        for (int i = 0; i < values.Length; i++)
        {
            c.Set(i, values[i]);
        }

        c.Run(tx);
        foreach (KeyValuePair<RejectReason, long> pair in n.Rejects)
        {
            _reject.Set(0, n.NodeId);
            _reject.Set(1, RejectReasonNames.Name(pair.Key));
            _reject.Set(2, pair.Value);
            _reject.Run(tx);
        }
    }

    private void UpsertCase(SqliteTransaction tx, CaseRecord r)
    {
        PreparedCommand c = _case;
        c.Set(0, r.CaseId);
        c.Set(1, r.NodeId);
        c.Set(2, r.CellId);
        c.Set(3, unchecked((long)r.TripEventId));
        c.Set(4, (long)r.BootId);
        c.Set(5, (long)r.Status);
        c.Set(6, r.OpenedUnixUs);
        SetDecision(c, 7, r.Decision);
        object?[] rest =
        {
            (long)r.PolicyId, (long)r.PolicyHash, (long)r.ForceCalibrationId, (long)r.ForceCalibrationVersion, (long)r.VisionCalibrationId,
            (long)r.VisionCalibrationVersion, (long)r.TimeQuality, (long)r.TimeUncertaintyUs, r.TripWallUnixUs, (long)r.TripWallSource,
            r.Historical ? 1L : 0L, unchecked((long)r.WindowFromMonoUs), unchecked((long)r.WindowToMonoUs), r.WindowComplete ? 1L : 0L,
            unchecked((long)r.ResetEventId), (long)r.ResetBootId, unchecked((long)r.ResetMonoUs), (long)r.ResetSource, r.ResetBy,
            r.TimeToResetUs, (long)r.RecoveredFrameSequence, unchecked((long)r.RecoveredMonoUs), r.TimeToRecoverQualityUs, (long)r.NearMissCount,
        };
        for (int i = 0; i < rest.Length; i++)
        {
            c.Set(24 + i, rest[i]);
        }

        c.Run(tx);
    }

    private void InsertCommand(SqliteTransaction tx, CommandRecord r)
    {
        PreparedCommand c = _command;
        c.Set(0, (long)r.CommandId);
        c.Set(1, r.NodeId);
        c.Set(2, (long)r.Type);
        c.Set(3, r.OperatorId);
        c.Set(4, r.IssuedUnixUs);
        c.Set(5, (long)r.Argument);
        c.Set(6, r.Encoded);
        c.Set(7, (long)r.Outcome);
        c.Set(8, (long)r.Reason);
        c.Set(9, (long)r.Detail);
        c.Set(10, unchecked((long)r.ResultEventId));
        c.Set(11, r.ResultUnixUs);
        c.Run(tx);
    }

    private AuditHead? AppendAudit(SqliteTransaction tx, List<AuditEntry> entries, AuditHead? head)
    {
        if (entries.Count == 0)
        {
            return head;
        }

        long seq = head?.Seq ?? 0;
        string prev = head?.Hash ?? AuditHasher.GenesisHash;
        foreach (AuditEntry entry in entries)
        {
            seq++;
            string hash = AuditHasher.Compute(prev, entry);
            PreparedCommand c = _audit;
            c.Set(0, seq);
            c.Set(1, entry.RecordedUnixUs);
            c.Set(2, entry.Kind);
            c.Set(3, entry.NodeId);
            c.Set(4, entry.Actor);
            c.Set(5, entry.Subject);
            c.Set(6, entry.Details);
            c.Set(7, prev);
            c.Set(8, hash);
            c.Run(tx);
            prev = hash;
        }

        _head.Set(0, seq);
        _head.Set(1, prev);
        _head.Run(tx);
        return new AuditHead(seq, prev);
    }
}
