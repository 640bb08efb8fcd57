using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.Time;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Ingest;

/// <summary>
/// Frames: decode, follow the boot and the frame sequence (repeats dropped, gaps counted), map the first
/// sample to wall time, and build the <see cref="FrameRecord"/>. Live frames also update the node's
/// time quality and the clock-skew check; frames of an ended boot are settled against the store.
/// </summary>
internal sealed class FrameMessageHandler
{
    private readonly FrameMessage _frame = new();
    private readonly IBridgeStore _store;
    private readonly BootObserver _boots;
    private readonly ClockSkewMonitor _skew;

    public FrameMessageHandler(IBridgeStore store, BootObserver boots, ClockSkewMonitor skew)
    {
        _store = store;
        _boots = boots;
        _skew = skew;
    }

    public DecodeResult Handle(NodeSession session, byte[] payload, long receivedUs, WriteBatch batch, BatchWork work)
    {
        FrameMessage frame = _frame;
        DecodeResult result = FrameCodec.TryDecode(payload, 0, payload.Length, frame);
        if (!result.IsAccepted)
        {
            return result;
        }

        if (!string.Equals(frame.NodeId, session.NodeId, StringComparison.Ordinal))
        {
            return DecodeResult.Reject(RejectReason.ImpossibleValue, "nodeId");
        }

        NodeCounterSet counters = session.Counters;
        counters.FramesReceived++;
        BootObservation boot = _boots.Observe(session, frame.BootId);
        bool historical = (frame.Flags & FrameFlags.Replayed) != 0 || boot == BootObservation.EarlierBoot;
        if (boot != BootObservation.EarlierBoot && session.Frames.Observe(frame.FrameSequence, receivedUs, counters) == FrameArrival.Duplicate)
        {
            counters.FramesDuplicate++;
            return result;
        }

        int count = frame.SampleCount;
        long spanUs = (long)(count - 1) * frame.SamplePeriodUs;
        long wallStart = WallClockMapper.Map(frame.FirstSampleMonoUs, frame.Provenance, receivedUs - spanUs, out WallTimeSource source);
        FrameRecord record = ToRecord(session.NodeId, frame, payload, wallStart, source, historical, receivedUs);
        if (boot == BootObservation.EarlierBoot)
        {
            // No sequence tracker follows an ended boot, so the store says whether it is a repeat.
            work.EarlierBootFrames.Add(record);
            return result;
        }

        batch.Frames.Add(record);
        counters.FramesStored++;
        if (historical)
        {
            counters.FramesHistorical++;
            return result;
        }

        LiveProvenance.Observe(session, frame.Provenance);
        if (source != WallTimeSource.BridgeReceipt)
        {
            _skew.Check(session, receivedUs - (wallStart + spanUs), frame.Provenance.TimeUncertaintyUs, spanUs + frame.SamplePeriodUs);
        }

        return result;
    }

    /// <summary>Stores the frames of ended boots that the store does not hold yet (once each), counts the rest as duplicates.</summary>
    public async Task SettleEarlierBootFramesAsync(NodeSessions sessions, WriteBatch batch, BatchWork work, CancellationToken cancellationToken)
    {
        var inBatch = new HashSet<(string, uint, uint)>();
        foreach (IGrouping<(string NodeId, uint BootId), FrameRecord> group in work.EarlierBootFrames.GroupBy(f => (f.NodeId, f.BootId)))
        {
            IReadOnlySet<uint> stored = await _store.FindStoredFrameSequencesAsync(group.Key.NodeId, group.Key.BootId, group.Select(f => f.FrameSequence).Distinct().ToArray(), cancellationToken).ConfigureAwait(false);
            NodeCounterSet counters = sessions[group.Key.NodeId].Counters;
            foreach (FrameRecord frame in group)
            {
                if (stored.Contains(frame.FrameSequence) || !inBatch.Add((frame.NodeId, frame.BootId, frame.FrameSequence)))
                {
                    counters.FramesDuplicate++;
                    continue;
                }

                batch.Frames.Add(frame);
                counters.FramesStored++;
                counters.FramesHistorical++;
            }
        }
    }

    private static FrameRecord ToRecord(string nodeId, FrameMessage frame, byte[] payload, long wallStart, WallTimeSource source, bool historical, long receivedUs)
    {
        int count = frame.SampleCount;
        byte[] samples = new byte[count * SampleCodec.SizeBytes];
        Buffer.BlockCopy(payload, FrameCodec.HeaderBytes, samples, 0, samples.Length);
        return new FrameRecord
        {
            NodeId = nodeId,
            BootId = frame.BootId,
            FrameSequence = frame.FrameSequence,
            Flags = frame.Flags,
            FirstSampleMonoUs = frame.FirstSampleMonoUs,
            SamplePeriodUs = frame.SamplePeriodUs,
            SampleCount = count,
            WallStartUnixUs = wallStart,
            WallSource = source,
            Provenance = ProvenanceMapper.From(frame.Provenance),
            Historical = historical,
            ReceivedUnixUs = receivedUs,
            Samples = samples,
        };
    }
}
