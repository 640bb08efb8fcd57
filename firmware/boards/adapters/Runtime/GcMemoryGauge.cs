using Jidoka.Boards.Logic.Timing;
using Jidoka.Node.Hardware;
using NativeGC = nanoFramework.Runtime.Native.GC;

namespace Jidoka.Boards.Adapters.Runtime
{
    /// <summary>
    /// Free managed heap for the status's "freeBytes". nanoFramework reports it only as the result of a
    /// collection (GC.Run), and a collection stops the world, the trip loop included; so the gauge collects
    /// at most once per <see cref="MeasureIntervalUs"/> and reports the last figure in between. Called
    /// from the communication side only.
    /// </summary>
    public sealed class GcMemoryGauge : IMemoryGauge
    {
        /// <summary>Shortest time between measuring collections, µs (status is published at most once a minute unless something changes).</summary>
        public const ulong MeasureIntervalUs = 60000000;

        private readonly IMonotonicClock _clock;
        private readonly MinimumInterval _interval = new MinimumInterval(MeasureIntervalUs);
        private uint _freeBytes;
        private bool _measured;

        /// <summary>Creates the gauge.</summary>
        public GcMemoryGauge(IMonotonicClock clock)
        {
            _clock = clock;
        }

        /// <inheritdoc/>
        public bool TryReadFreeBytes(out uint freeBytes)
        {
            if (_interval.TryEnter(_clock.NowUs))
            {
                // false: no compaction, which would move every object and take far longer.
                _freeBytes = NativeGC.Run(false);
                _measured = true;
            }

            freeBytes = _freeBytes;
            return _measured;
        }
    }
}
