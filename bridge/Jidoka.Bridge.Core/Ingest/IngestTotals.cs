using System.Threading;

namespace Jidoka.Bridge.Ingest;

/// <summary>Bridge-wide ingest totals since start, readable from any thread (benchmarks, health).</summary>
public sealed class IngestTotals
{
    private long _messages;
    private long _framesStored;
    private long _samplesStored;
    private long _eventsStored;
    private long _rejected;
    private long _unroutable;
    private long _batches;
    private long _encodesRefused;

    /// <summary>Messages processed.</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Frames committed.</summary>
    public long FramesStored => Interlocked.Read(ref _framesStored);

    /// <summary>Samples in committed frames.</summary>
    public long SamplesStored => Interlocked.Read(ref _samplesStored);

    /// <summary>Events committed.</summary>
    public long EventsStored => Interlocked.Read(ref _eventsStored);

    /// <summary>Messages rejected by a decoder or a consistency check.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Messages on topics that name no node (not counted per node).</summary>
    public long Unroutable => Interlocked.Read(ref _unroutable);

    /// <summary>Transactions committed by the ingest path.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Bridge messages (acks, host state) whose encoder refused them, so they were not published.</summary>
    public long EncodesRefused => Interlocked.Read(ref _encodesRefused);

    internal void CountEncodeRefused() => Interlocked.Increment(ref _encodesRefused);

    internal void AddBatch(long messages, long frames, long samples, long events, long rejected, long unroutable)
    {
        Interlocked.Add(ref _messages, messages);
        Interlocked.Add(ref _framesStored, frames);
        Interlocked.Add(ref _samplesStored, samples);
        Interlocked.Add(ref _eventsStored, events);
        Interlocked.Add(ref _rejected, rejected);
        Interlocked.Add(ref _unroutable, unroutable);
        Interlocked.Increment(ref _batches);
    }
}
