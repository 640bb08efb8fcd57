using Jidoka.Protocol;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>The commands table: columns, the insert, the result update and the reader.</summary>
internal static class CommandRows
{
    /// <summary>Every column, for INSERT and SELECT.</summary>
    public const string Columns =
        "command_id, node_id, type, operator_id, issued_us, argument, encoded, outcome, reason, detail, result_event_id, result_us";

    /// <summary>Inserts commands and writes nodes' results onto them, parameters looked up once.</summary>
    internal sealed class Writer
    {
        private readonly PreparedCommand _insert;
        private readonly PreparedCommand _result;

        public Writer(PreparedCommand insert, PreparedCommand result)
        {
            _insert = insert;
            _result = result;
        }

        public static PreparedCommand ResultStatement(SqliteConnection connection) => new(
            connection,
            "UPDATE commands SET outcome = $outcome, reason = $reason, detail = $detail, result_event_id = $result_event_id, result_us = $result_us " +
            "WHERE command_id = $command_id AND node_id = $node_id",
            "command_id", "node_id", "outcome", "reason", "detail", "result_event_id", "result_us");

        public void Insert(SqliteTransaction tx, CommandRecord r)
        {
            PreparedCommand c = _insert;
            c.Parameter("command_id").Value = (long)r.CommandId;
            c.Parameter("node_id").Value = r.NodeId;
            c.Parameter("type").Value = (long)r.Type;
            c.Parameter("operator_id").Value = r.OperatorId;
            c.Parameter("issued_us").Value = r.IssuedUnixUs;
            c.Parameter("argument").Value = (long)r.Argument;
            c.Parameter("encoded").Value = r.Encoded;
            c.Parameter("outcome").Value = (long)r.Outcome;
            c.Parameter("reason").Value = (long)r.Reason;
            c.Parameter("detail").Value = (long)r.Detail;
            c.Parameter("result_event_id").Value = unchecked((long)r.ResultEventId);
            c.Parameter("result_us").Value = r.ResultUnixUs;
            c.Run(tx);
        }

        public void WriteResult(SqliteTransaction tx, CommandResultUpdate u)
        {
            PreparedCommand c = _result;
            c.Parameter("command_id").Value = (long)u.CommandId;
            c.Parameter("node_id").Value = u.NodeId;
            c.Parameter("outcome").Value = (long)u.Outcome;
            c.Parameter("reason").Value = (long)u.Reason;
            c.Parameter("detail").Value = (long)u.Detail;
            c.Parameter("result_event_id").Value = unchecked((long)u.EventId);
            c.Parameter("result_us").Value = u.ReceivedUnixUs;
            c.Run(tx);
        }
    }

    /// <summary>Reads commands from a result set holding <see cref="Columns"/>; ordinals resolved by name once.</summary>
    internal sealed class Reader(SqliteDataReader r)
    {
        private readonly int _id = r.GetOrdinal("command_id");
        private readonly int _node = r.GetOrdinal("node_id");
        private readonly int _type = r.GetOrdinal("type");
        private readonly int _operator = r.GetOrdinal("operator_id");
        private readonly int _issued = r.GetOrdinal("issued_us");
        private readonly int _argument = r.GetOrdinal("argument");
        private readonly int _encoded = r.GetOrdinal("encoded");
        private readonly int _outcome = r.GetOrdinal("outcome");
        private readonly int _reason = r.GetOrdinal("reason");
        private readonly int _detail = r.GetOrdinal("detail");
        private readonly int _resultEvent = r.GetOrdinal("result_event_id");
        private readonly int _resultUs = r.GetOrdinal("result_us");

        public CommandRecord Read(SqliteDataReader row) => new()
        {
            CommandId = (uint)row.GetInt64(_id),
            NodeId = row.GetString(_node),
            Type = (CommandType)row.GetInt64(_type),
            OperatorId = row.GetString(_operator),
            IssuedUnixUs = row.GetInt64(_issued),
            Argument = (uint)row.GetInt64(_argument),
            Encoded = (byte[])row.GetValue(_encoded),
            Outcome = (CommandOutcome)row.GetInt64(_outcome),
            Reason = (CommandReason)row.GetInt64(_reason),
            Detail = (byte)row.GetInt64(_detail),
            ResultEventId = unchecked((ulong)row.GetInt64(_resultEvent)),
            ResultUnixUs = row.GetInt64(_resultUs),
        };
    }
}
