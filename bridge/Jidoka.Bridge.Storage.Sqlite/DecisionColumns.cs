using Jidoka.Protocol;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>
/// The 17 decision-record columns of the events table (a case reads them from its trip event): names,
/// the binder and the reader.
/// </summary>
internal static class DecisionColumns
{
    /// <summary>The column names.</summary>
    public const string List =
        "rule, response, channel, reason_code, observed_value, limit_value, consecutive_samples, force_mn, vision_confidence, " +
        "vision_age_ms, interlock_bits, sample_flags, detect_mono_us, latency_us, related_event_id, argument, operator_id";

    /// <summary>Binds a decision record to a prepared statement's decision parameters, looked up once.</summary>
    internal sealed class Binder
    {
        private readonly SqliteParameter _rule;
        private readonly SqliteParameter _response;
        private readonly SqliteParameter _channel;
        private readonly SqliteParameter _reasonCode;
        private readonly SqliteParameter _observed;
        private readonly SqliteParameter _limit;
        private readonly SqliteParameter _consecutive;
        private readonly SqliteParameter _force;
        private readonly SqliteParameter _visionConfidence;
        private readonly SqliteParameter _visionAge;
        private readonly SqliteParameter _interlocks;
        private readonly SqliteParameter _sampleFlags;
        private readonly SqliteParameter _detect;
        private readonly SqliteParameter _latency;
        private readonly SqliteParameter _related;
        private readonly SqliteParameter _argument;
        private readonly SqliteParameter _operator;

        public Binder(PreparedCommand command)
        {
            _rule = command.Parameter("rule");
            _response = command.Parameter("response");
            _channel = command.Parameter("channel");
            _reasonCode = command.Parameter("reason_code");
            _observed = command.Parameter("observed_value");
            _limit = command.Parameter("limit_value");
            _consecutive = command.Parameter("consecutive_samples");
            _force = command.Parameter("force_mn");
            _visionConfidence = command.Parameter("vision_confidence");
            _visionAge = command.Parameter("vision_age_ms");
            _interlocks = command.Parameter("interlock_bits");
            _sampleFlags = command.Parameter("sample_flags");
            _detect = command.Parameter("detect_mono_us");
            _latency = command.Parameter("latency_us");
            _related = command.Parameter("related_event_id");
            _argument = command.Parameter("argument");
            _operator = command.Parameter("operator_id");
        }

        public void Bind(DecisionRecord d)
        {
            _rule.Value = (long)d.Rule;
            _response.Value = (long)d.Response;
            _channel.Value = (long)d.Channel;
            _reasonCode.Value = (long)d.ReasonCode;
            _observed.Value = d.ObservedValue;
            _limit.Value = d.LimitValue;
            _consecutive.Value = (long)d.ConsecutiveSamples;
            _force.Value = (long)d.ForceMilliNewtons;
            _visionConfidence.Value = (long)d.VisionConfidence;
            _visionAge.Value = (long)d.VisionAgeMs;
            _interlocks.Value = (long)d.InterlockBits;
            _sampleFlags.Value = (long)d.SampleFlags;
            _detect.Value = unchecked((long)d.DetectMonoUs);
            _latency.Value = (long)d.LatencyUs;
            _related.Value = unchecked((long)d.RelatedEventId);
            _argument.Value = (long)d.Argument;
            _operator.Value = d.OperatorId;
        }
    }

    /// <summary>Reads a decision record from a result set; ordinals are resolved by name once per reader.</summary>
    internal sealed class Reader
    {
        private readonly int _rule;
        private readonly int _response;
        private readonly int _channel;
        private readonly int _reasonCode;
        private readonly int _observed;
        private readonly int _limit;
        private readonly int _consecutive;
        private readonly int _force;
        private readonly int _visionConfidence;
        private readonly int _visionAge;
        private readonly int _interlocks;
        private readonly int _sampleFlags;
        private readonly int _detect;
        private readonly int _latency;
        private readonly int _related;
        private readonly int _argument;
        private readonly int _operator;

        public Reader(SqliteDataReader r)
        {
            _rule = r.GetOrdinal("rule");
            _response = r.GetOrdinal("response");
            _channel = r.GetOrdinal("channel");
            _reasonCode = r.GetOrdinal("reason_code");
            _observed = r.GetOrdinal("observed_value");
            _limit = r.GetOrdinal("limit_value");
            _consecutive = r.GetOrdinal("consecutive_samples");
            _force = r.GetOrdinal("force_mn");
            _visionConfidence = r.GetOrdinal("vision_confidence");
            _visionAge = r.GetOrdinal("vision_age_ms");
            _interlocks = r.GetOrdinal("interlock_bits");
            _sampleFlags = r.GetOrdinal("sample_flags");
            _detect = r.GetOrdinal("detect_mono_us");
            _latency = r.GetOrdinal("latency_us");
            _related = r.GetOrdinal("related_event_id");
            _argument = r.GetOrdinal("argument");
            _operator = r.GetOrdinal("operator_id");
        }

        public DecisionRecord Read(SqliteDataReader r) => new()
        {
            Rule = (TripRule)r.GetInt64(_rule),
            Response = (ResponseClass)r.GetInt64(_response),
            Channel = (InputChannel)r.GetInt64(_channel),
            ReasonCode = (byte)r.GetInt64(_reasonCode),
            ObservedValue = r.GetInt64(_observed),
            LimitValue = r.GetInt64(_limit),
            ConsecutiveSamples = (ushort)r.GetInt64(_consecutive),
            ForceMilliNewtons = (int)r.GetInt64(_force),
            VisionConfidence = (ushort)r.GetInt64(_visionConfidence),
            VisionAgeMs = (ushort)r.GetInt64(_visionAge),
            InterlockBits = (byte)r.GetInt64(_interlocks),
            SampleFlags = (byte)r.GetInt64(_sampleFlags),
            DetectMonoUs = unchecked((ulong)r.GetInt64(_detect)),
            LatencyUs = (uint)r.GetInt64(_latency),
            RelatedEventId = unchecked((ulong)r.GetInt64(_related)),
            Argument = (uint)r.GetInt64(_argument),
            OperatorId = r.GetString(_operator),
        };
    }
}
