using System;
using System.Collections.Generic;

namespace Jidoka.Bridge.Sessions;

/// <summary>
/// Follows one boot's frame sequence: detects gaps, lets late frames fill them within a reorder window,
/// declares what is still missing after the window lost, and recognises duplicates. Sequence numbers
/// are 32-bit and wrap, so comparisons use serial-number arithmetic (RFC 1982).
/// </summary>
/// <remarks>
/// Missing frames are kept as ranges, at most <see cref="MaxRanges"/>; past that the oldest range is
/// forgotten (its frames stay counted lost, and a very late copy of one is then taken for a
/// duplicate). That bounds memory for a node with a badly lossy link.
/// </remarks>
public sealed class FrameSequenceTracker
{
    /// <summary>Most missing-frame ranges remembered.</summary>
    public const int MaxRanges = 256;

    private readonly int _windowFrames;
    private readonly long _windowUs;
    private readonly List<MissingRange> _missing = new();
    private bool _hasHighest;
    private uint _highest;

    /// <summary>Creates a tracker with a reorder window of <paramref name="windowFrames"/> frames or <paramref name="windowUs"/> µs.</summary>
    public FrameSequenceTracker(int windowFrames, long windowUs)
    {
        _windowFrames = windowFrames;
        _windowUs = windowUs;
    }

    /// <summary>Highest sequence seen, when <see cref="HasHighest"/>.</summary>
    public uint Highest => _highest;

    /// <summary>True once a frame has been seen (or a highest sequence restored).</summary>
    public bool HasHighest => _hasHighest;

    /// <summary>Frames currently missing and still inside the reorder window.</summary>
    public long PendingMissing
    {
        get
        {
            long total = 0;
            foreach (MissingRange range in _missing)
            {
                if (!range.Confirmed)
                {
                    total += range.Count;
                }
            }

            return total;
        }
    }

    /// <summary>Continues from a sequence stored before a bridge restart, so frames missed while the bridge was down count as gaps.</summary>
    public void Restore(uint highest)
    {
        _highest = highest;
        _hasHighest = true;
        _missing.Clear();
    }

    /// <summary>Classifies frame <paramref name="sequence"/> received at <paramref name="nowUs"/> and updates the counters.</summary>
    public FrameArrival Observe(uint sequence, long nowUs, NodeCounterSet counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        if (!_hasHighest)
        {
            _hasHighest = true;
            _highest = sequence;
            return FrameArrival.First;
        }

        int ahead = unchecked((int)(sequence - _highest));
        if (ahead == 1)
        {
            _highest = sequence;
            return FrameArrival.InOrder;
        }

        if (ahead > 1)
        {
            AddRange(new MissingRange(unchecked(_highest + 1), (uint)(ahead - 1), nowUs), counters);
            _highest = sequence;
            return FrameArrival.AfterGap;
        }

        for (int i = 0; i < _missing.Count; i++)
        {
            MissingRange range = _missing[i];
            uint offset = unchecked(sequence - range.Start);
            if (offset >= range.Count)
            {
                continue;
            }

            _missing.RemoveAt(i);
            if (offset > 0)
            {
                _missing.Insert(i++, range with { Count = offset });
            }

            if (offset + 1 < range.Count)
            {
                _missing.Insert(i, range with { Start = unchecked(sequence + 1), Count = range.Count - offset - 1 });
            }

            if (range.Confirmed)
            {
                counters.FramesLost--;
                counters.FramesRecovered++;
                return FrameArrival.Recovered;
            }

            counters.FramesReordered++;
            return FrameArrival.Reordered;
        }

        return FrameArrival.Duplicate;
    }

    /// <summary>Declares lost every missing range whose reorder window has passed at <paramref name="nowUs"/>.</summary>
    public void Sweep(long nowUs, NodeCounterSet counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        for (int i = 0; i < _missing.Count; i++)
        {
            MissingRange range = _missing[i];
            if (range.Confirmed)
            {
                continue;
            }

            uint last = unchecked(range.Start + range.Count - 1);
            int behind = unchecked((int)(_highest - last));
            if (behind > _windowFrames || nowUs - range.SeenUs >= _windowUs)
            {
                Confirm(i, counters);
            }
        }
    }

    /// <summary>Declares every missing range lost (the boot ended: those frames will not come live any more).</summary>
    public void ConfirmAll(NodeCounterSet counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        for (int i = 0; i < _missing.Count; i++)
        {
            if (!_missing[i].Confirmed)
            {
                Confirm(i, counters);
            }
        }
    }

    private void Confirm(int index, NodeCounterSet counters)
    {
        MissingRange range = _missing[index];
        _missing[index] = range with { Confirmed = true };
        counters.GapsDetected++;
        counters.FramesLost += range.Count;
    }

    private void AddRange(MissingRange range, NodeCounterSet counters)
    {
        if (_missing.Count >= MaxRanges)
        {
            int drop = _missing.FindIndex(r => r.Confirmed);
            if (drop < 0)
            {
                drop = 0;
                Confirm(0, counters);
            }

            _missing.RemoveAt(drop);
        }

        _missing.Add(range);
    }

    private readonly record struct MissingRange(uint Start, uint Count, long SeenUs)
    {
        public bool Confirmed { get; init; }
    }
}
