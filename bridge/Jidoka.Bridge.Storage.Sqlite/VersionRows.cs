using Jidoka.Protocol;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>The policies and calibrations tables (the versions the bridge pushed): columns, inserts and readers.</summary>
internal static class VersionRows
{
    /// <summary>Every column of policies.</summary>
    public const string PolicyColumns = "policy_id, policy_hash, encoded, created_by, created_us";

    /// <summary>Every column of calibrations.</summary>
    public const string CalibrationColumns = "channel, calibration_id, version, node_id, encoded, created_by, created_us";

    public static void InsertPolicy(PreparedCommand c, SqliteTransaction tx, PolicyVersionRecord policy)
    {
        c.Parameter("policy_id").Value = (long)policy.PolicyId;
        c.Parameter("policy_hash").Value = (long)policy.PolicyHash;
        c.Parameter("encoded").Value = policy.Encoded;
        c.Parameter("created_by").Value = policy.CreatedBy;
        c.Parameter("created_us").Value = policy.CreatedUnixUs;
        c.Run(tx);
    }

    public static void InsertCalibration(PreparedCommand c, SqliteTransaction tx, CalibrationVersionRecord calibration)
    {
        c.Parameter("channel").Value = (long)calibration.Channel;
        c.Parameter("calibration_id").Value = (long)calibration.CalibrationId;
        c.Parameter("version").Value = (long)calibration.Version;
        c.Parameter("node_id").Value = calibration.NodeId;
        c.Parameter("encoded").Value = calibration.Encoded;
        c.Parameter("created_by").Value = calibration.CreatedBy;
        c.Parameter("created_us").Value = calibration.CreatedUnixUs;
        c.Run(tx);
    }

    /// <summary>Reads policies from a result set holding <see cref="PolicyColumns"/>.</summary>
    internal sealed class PolicyReader(SqliteDataReader r)
    {
        private readonly int _id = r.GetOrdinal("policy_id");
        private readonly int _hash = r.GetOrdinal("policy_hash");
        private readonly int _encoded = r.GetOrdinal("encoded");
        private readonly int _by = r.GetOrdinal("created_by");
        private readonly int _us = r.GetOrdinal("created_us");

        public PolicyVersionRecord Read(SqliteDataReader row) => new()
        {
            PolicyId = (uint)row.GetInt64(_id),
            PolicyHash = (uint)row.GetInt64(_hash),
            Encoded = (byte[])row.GetValue(_encoded),
            CreatedBy = row.GetString(_by),
            CreatedUnixUs = row.GetInt64(_us),
        };
    }

    /// <summary>Reads calibrations from a result set holding <see cref="CalibrationColumns"/>.</summary>
    internal sealed class CalibrationReader(SqliteDataReader r)
    {
        private readonly int _channel = r.GetOrdinal("channel");
        private readonly int _id = r.GetOrdinal("calibration_id");
        private readonly int _version = r.GetOrdinal("version");
        private readonly int _node = r.GetOrdinal("node_id");
        private readonly int _encoded = r.GetOrdinal("encoded");
        private readonly int _by = r.GetOrdinal("created_by");
        private readonly int _us = r.GetOrdinal("created_us");

        public CalibrationVersionRecord Read(SqliteDataReader row) => new()
        {
            Channel = (InputChannel)row.GetInt64(_channel),
            CalibrationId = (ushort)row.GetInt64(_id),
            Version = (ushort)row.GetInt64(_version),
            NodeId = row.GetString(_node),
            Encoded = (byte[])row.GetValue(_encoded),
            CreatedBy = row.GetString(_by),
            CreatedUnixUs = row.GetInt64(_us),
        };
    }
}
