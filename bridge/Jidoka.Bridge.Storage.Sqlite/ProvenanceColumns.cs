using Jidoka.Protocol;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>
/// The provenance columns the frames, events and nodes tables share: their names and types, the one
/// binder that writes a <see cref="RecordProvenance"/> into a statement and the one reader that reads it
/// back. A new provenance field is a new line in each of the three.
/// </summary>
internal static class ProvenanceColumns
{
    /// <summary>The column names, in the order the tables declare them.</summary>
    public const string List =
        "time_quality, time_uncertainty_us, policy_id, policy_hash, force_cal_id, force_cal_version, vision_cal_id, vision_cal_version";

    /// <summary>The column definitions, for CREATE TABLE.</summary>
    public const string Definitions = """
        time_quality INTEGER NOT NULL,
            time_uncertainty_us INTEGER NOT NULL,
            policy_id INTEGER NOT NULL,
            policy_hash INTEGER NOT NULL,
            force_cal_id INTEGER NOT NULL,
            force_cal_version INTEGER NOT NULL,
            vision_cal_id INTEGER NOT NULL,
            vision_cal_version INTEGER NOT NULL
        """;

    /// <summary>Binds a provenance value to a prepared statement's provenance parameters, looked up once.</summary>
    internal sealed class Binder
    {
        private readonly SqliteParameter _quality;
        private readonly SqliteParameter _uncertainty;
        private readonly SqliteParameter _policyId;
        private readonly SqliteParameter _policyHash;
        private readonly SqliteParameter _forceId;
        private readonly SqliteParameter _forceVersion;
        private readonly SqliteParameter _visionId;
        private readonly SqliteParameter _visionVersion;

        public Binder(PreparedCommand command)
        {
            _quality = command.Parameter("time_quality");
            _uncertainty = command.Parameter("time_uncertainty_us");
            _policyId = command.Parameter("policy_id");
            _policyHash = command.Parameter("policy_hash");
            _forceId = command.Parameter("force_cal_id");
            _forceVersion = command.Parameter("force_cal_version");
            _visionId = command.Parameter("vision_cal_id");
            _visionVersion = command.Parameter("vision_cal_version");
        }

        public void Bind(RecordProvenance p)
        {
            _quality.Value = (long)p.TimeQuality;
            _uncertainty.Value = (long)p.TimeUncertaintyUs;
            _policyId.Value = (long)p.PolicyId;
            _policyHash.Value = (long)p.PolicyHash;
            _forceId.Value = (long)p.ForceCalibration.Id;
            _forceVersion.Value = (long)p.ForceCalibration.Version;
            _visionId.Value = (long)p.VisionCalibration.Id;
            _visionVersion.Value = (long)p.VisionCalibration.Version;
        }
    }

    /// <summary>Reads provenance from a result set; ordinals are resolved by name once per reader.</summary>
    internal sealed class Reader
    {
        private readonly int _quality;
        private readonly int _uncertainty;
        private readonly int _policyId;
        private readonly int _policyHash;
        private readonly int _forceId;
        private readonly int _forceVersion;
        private readonly int _visionId;
        private readonly int _visionVersion;

        public Reader(SqliteDataReader r)
        {
            _quality = r.GetOrdinal("time_quality");
            _uncertainty = r.GetOrdinal("time_uncertainty_us");
            _policyId = r.GetOrdinal("policy_id");
            _policyHash = r.GetOrdinal("policy_hash");
            _forceId = r.GetOrdinal("force_cal_id");
            _forceVersion = r.GetOrdinal("force_cal_version");
            _visionId = r.GetOrdinal("vision_cal_id");
            _visionVersion = r.GetOrdinal("vision_cal_version");
        }

        public RecordProvenance Read(SqliteDataReader r) => new()
        {
            TimeQuality = (TimeQuality)r.GetInt64(_quality),
            TimeUncertaintyUs = (uint)r.GetInt64(_uncertainty),
            PolicyId = (uint)r.GetInt64(_policyId),
            PolicyHash = (uint)r.GetInt64(_policyHash),
            ForceCalibration = new CalibrationTag((ushort)r.GetInt64(_forceId), (ushort)r.GetInt64(_forceVersion)),
            VisionCalibration = new CalibrationTag((ushort)r.GetInt64(_visionId), (ushort)r.GetInt64(_visionVersion)),
        };
    }
}
