using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Protocol;
using Microsoft.Data.Sqlite;

namespace Jidoka.Bridge.Storage.Sqlite;

/// <summary>The SQLite store: frames and the samples they carry.</summary>
public sealed partial class SqliteBridgeStore
{
    private const string FrameEndMono = "(first_mono_us + (sample_count - 1) * sample_period_us)";

    /// <inheritdoc/>
    public Task<IReadOnlySet<uint>> FindStoredFrameSequencesAsync(string nodeId, uint bootId, IReadOnlyCollection<uint> frameSequences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frameSequences);
        var found = new HashSet<uint>();
        foreach (uint sequence in frameSequences)
        {
            if (QueryScalar(
                "SELECT 1 FROM frames WHERE node_id = $n AND boot_id = $b AND frame_seq = $s",
                p =>
                {
                    p.AddWithValue("$n", nodeId);
                    p.AddWithValue("$b", (long)bootId);
                    p.AddWithValue("$s", (long)sequence);
                }) != null)
            {
                found.Add(sequence);
            }
        }

        return Task.FromResult<IReadOnlySet<uint>>(found);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<FrameRecord>> QueryFramesAsync(FrameQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyList<FrameRecord> rows = Query<FrameRecord>(
            $"SELECT {FrameRows.Columns} FROM frames WHERE node_id = $n AND wall_start_us BETWEEN $from AND $to " +
            $"AND wall_start_us + (sample_count - 1) * sample_period_us >= $fromExact ORDER BY wall_start_us, boot_id, frame_seq LIMIT $limit",
            p =>
            {
                p.AddWithValue("$n", query.NodeId);
                p.AddWithValue("$from", query.FromUnixUs - MaxFrameSpanUs);
                p.AddWithValue("$fromExact", query.FromUnixUs);
                p.AddWithValue("$to", query.ToUnixUs);
                p.AddWithValue("$limit", query.Limit);
            },
            r => new FrameRows.Reader(r).Read);
        return Task.FromResult(rows);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<SampleRecord>> GetSamplesAsync(string nodeId, uint bootId, ulong fromMonoUs, ulong toMonoUs, CancellationToken cancellationToken)
    {
        List<FrameRecord> frames = Query<FrameRecord>(
            $"SELECT {FrameRows.Columns} FROM frames WHERE node_id = $n AND boot_id = $b AND first_mono_us BETWEEN $from AND $to " +
            $"AND {FrameEndMono} >= $fromExact ORDER BY first_mono_us, frame_seq",
            p =>
            {
                p.AddWithValue("$n", nodeId);
                p.AddWithValue("$b", (long)bootId);
                p.AddWithValue("$from", Math.Max(0, unchecked((long)fromMonoUs) - MaxFrameSpanUs));
                p.AddWithValue("$fromExact", unchecked((long)fromMonoUs));
                p.AddWithValue("$to", unchecked((long)toMonoUs));
            },
            r => new FrameRows.Reader(r).Read);
        var samples = new List<SampleRecord>();
        var cursor = new FieldCursor();
        foreach (FrameRecord frame in frames)
        {
            for (int i = 0; i < frame.SampleCount; i++)
            {
                ulong mono = frame.FirstSampleMonoUs + ((ulong)i * frame.SamplePeriodUs);
                if (mono < fromMonoUs || mono > toMonoUs)
                {
                    continue;
                }

                if (!SampleCodec.Read(cursor, frame.Samples, i, out int force, out ushort confidence, out ushort age, out byte interlocks, out byte flags))
                {
                    throw new System.IO.InvalidDataException($"frame {frame.BootId}/{frame.FrameSequence} of {nodeId} stores fewer samples than its count");
                }

                samples.Add(new SampleRecord
                {
                    BootId = frame.BootId,
                    FrameSequence = frame.FrameSequence,
                    MonoUs = mono,
                    WallUnixUs = frame.WallStartUnixUs + ((long)i * frame.SamplePeriodUs),
                    ForceMilliNewtons = force,
                    VisionConfidence = confidence,
                    VisionAgeMs = age,
                    InterlockBits = interlocks,
                    SampleFlags = flags,
                    Historical = frame.Historical,
                });
            }
        }

        return Task.FromResult<IReadOnlyList<SampleRecord>>(samples);
    }

    /// <inheritdoc/>
    public Task<FrameRecord?> FindFirstGoodFrameAsync(string nodeId, uint bootId, ulong fromMonoUs, CancellationToken cancellationToken)
    {
        List<FrameRecord> rows = Query<FrameRecord>(
            $"SELECT {FrameRows.Columns} FROM frames WHERE node_id = $n AND boot_id = $b AND first_mono_us >= $from AND (flags & $bad) = 0 ORDER BY first_mono_us LIMIT 1",
            p =>
            {
                p.AddWithValue("$n", nodeId);
                p.AddWithValue("$b", (long)bootId);
                p.AddWithValue("$from", unchecked((long)fromMonoUs));
                p.AddWithValue("$bad", (long)(FrameFlags.Tripped | FrameFlags.Degraded));
            },
            r => new FrameRows.Reader(r).Read);
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<FrameRecord?> GetLatestFrameAsync(string nodeId, uint bootId, CancellationToken cancellationToken)
    {
        // Served by the (node_id, boot_id, first_mono_us) index: one index seek from the end.
        List<FrameRecord> rows = Query<FrameRecord>(
            $"SELECT {FrameRows.Columns} FROM frames WHERE node_id = $n AND boot_id = $b ORDER BY first_mono_us DESC, frame_seq DESC LIMIT 1",
            p =>
            {
                p.AddWithValue("$n", nodeId);
                p.AddWithValue("$b", (long)bootId);
            },
            r => new FrameRows.Reader(r).Read);
        return Task.FromResult(rows.Count == 0 ? null : rows[0]);
    }

    /// <inheritdoc/>
    public Task<bool> HasFrameReachingAsync(string nodeId, uint bootId, ulong monoUs, CancellationToken cancellationToken)
    {
        object? found = QueryScalar(
            $"SELECT 1 FROM frames WHERE node_id = $n AND boot_id = $b AND first_mono_us >= $from AND {FrameEndMono} >= $mono LIMIT 1",
            p =>
            {
                p.AddWithValue("$n", nodeId);
                p.AddWithValue("$b", (long)bootId);
                p.AddWithValue("$from", Math.Max(0, unchecked((long)monoUs) - MaxFrameSpanUs));
                p.AddWithValue("$mono", unchecked((long)monoUs));
            });
        return Task.FromResult(found != null);
    }
}
