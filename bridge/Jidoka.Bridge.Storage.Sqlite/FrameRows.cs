using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>The frames table's columns, and how a <see cref="FrameRecord"/> is written to and read from them.</summary>
internal static class FrameRows
{
    /// <summary>Every column, for INSERT and SELECT.</summary>
    public const string Columns =
        "node_id, boot_id, frame_seq, flags, first_mono_us, sample_period_us, sample_count, wall_start_us, wall_source, " +
        ProvenanceColumns.List + ", historical, received_us, samples";

    /// <summary>INSERT OR IGNORE of one frame (a repeated frame is stored once), parameters looked up once.</summary>
    internal sealed class Writer
    {
        private readonly PreparedCommand _command;
        private readonly SqliteParameter _node;
        private readonly SqliteParameter _boot;
        private readonly SqliteParameter _sequence;
        private readonly SqliteParameter _flags;
        private readonly SqliteParameter _firstMono;
        private readonly SqliteParameter _period;
        private readonly SqliteParameter _count;
        private readonly SqliteParameter _wallStart;
        private readonly SqliteParameter _wallSource;
        private readonly ProvenanceColumns.Binder _provenance;
        private readonly SqliteParameter _historical;
        private readonly SqliteParameter _received;
        private readonly SqliteParameter _samples;

        public Writer(PreparedCommand command)
        {
            _command = command;
            _node = command.Parameter("node_id");
            _boot = command.Parameter("boot_id");
            _sequence = command.Parameter("frame_seq");
            _flags = command.Parameter("flags");
            _firstMono = command.Parameter("first_mono_us");
            _period = command.Parameter("sample_period_us");
            _count = command.Parameter("sample_count");
            _wallStart = command.Parameter("wall_start_us");
            _wallSource = command.Parameter("wall_source");
            _provenance = new ProvenanceColumns.Binder(command);
            _historical = command.Parameter("historical");
            _received = command.Parameter("received_us");
            _samples = command.Parameter("samples");
        }

        /// <summary>1 when stored, 0 when the frame was already there.</summary>
        public int Insert(SqliteTransaction tx, FrameRecord f)
        {
            _node.Value = f.NodeId;
            _boot.Value = (long)f.BootId;
            _sequence.Value = (long)f.FrameSequence;
            _flags.Value = (long)f.Flags;
            _firstMono.Value = unchecked((long)f.FirstSampleMonoUs);
            _period.Value = (long)f.SamplePeriodUs;
            _count.Value = (long)f.SampleCount;
            _wallStart.Value = f.WallStartUnixUs;
            _wallSource.Value = (long)f.WallSource;
            _provenance.Bind(f.Provenance);
            _historical.Value = f.Historical ? 1L : 0L;
            _received.Value = f.ReceivedUnixUs;
            _samples.Value = f.Samples;
            return _command.Run(tx);
        }
    }

    /// <summary>Reads frames from a result set holding <see cref="Columns"/>; ordinals resolved by name once.</summary>
    internal sealed class Reader
    {
        private readonly int _node;
        private readonly int _boot;
        private readonly int _sequence;
        private readonly int _flags;
        private readonly int _firstMono;
        private readonly int _period;
        private readonly int _count;
        private readonly int _wallStart;
        private readonly int _wallSource;
        private readonly ProvenanceColumns.Reader _provenance;
        private readonly int _historical;
        private readonly int _received;
        private readonly int _samples;

        public Reader(SqliteDataReader r)
        {
            _node = r.GetOrdinal("node_id");
            _boot = r.GetOrdinal("boot_id");
            _sequence = r.GetOrdinal("frame_seq");
            _flags = r.GetOrdinal("flags");
            _firstMono = r.GetOrdinal("first_mono_us");
            _period = r.GetOrdinal("sample_period_us");
            _count = r.GetOrdinal("sample_count");
            _wallStart = r.GetOrdinal("wall_start_us");
            _wallSource = r.GetOrdinal("wall_source");
            _provenance = new ProvenanceColumns.Reader(r);
            _historical = r.GetOrdinal("historical");
            _received = r.GetOrdinal("received_us");
            _samples = r.GetOrdinal("samples");
        }

        public FrameRecord Read(SqliteDataReader r) => new()
        {
            NodeId = r.GetString(_node),
            BootId = (uint)r.GetInt64(_boot),
            FrameSequence = (uint)r.GetInt64(_sequence),
            Flags = (byte)r.GetInt64(_flags),
            FirstSampleMonoUs = unchecked((ulong)r.GetInt64(_firstMono)),
            SamplePeriodUs = (uint)r.GetInt64(_period),
            SampleCount = (int)r.GetInt64(_count),
            WallStartUnixUs = r.GetInt64(_wallStart),
            WallSource = (WallTimeSource)r.GetInt64(_wallSource),
            Provenance = _provenance.Read(r),
            Historical = r.GetInt64(_historical) != 0,
            ReceivedUnixUs = r.GetInt64(_received),
            Samples = (byte[])r.GetValue(_samples),
        };
    }
}
