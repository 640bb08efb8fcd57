using System;
using Jidoka.Boards.Logic.Timing;
using Jidoka.Node.Hardware;

namespace Jidoka.Boards.NucleoF767zi
{
    /// <summary>
    /// The node's monotonic clock on STM32, which has no HighResTimer: uptime milliseconds
    /// (Environment.TickCount64, nanoFramework.Runtime.Native) anchor the fine steps of DateTime.UtcNow
    /// (100 µs resolution from the ChibiOS 10 kHz system timer), and a wall-clock step from SNTP is
    /// caught and re-anchored (see <see cref="AnchoredMicrosecondClock"/>). Thread-safe.
    /// </summary>
    internal sealed class UptimeClock : IMonotonicClock
    {
        private readonly object _sync = new object();
        private readonly AnchoredMicrosecondClock _clock = new AnchoredMicrosecondClock();

        /// <inheritdoc/>
        public ulong NowUs
        {
            get
            {
                lock (_sync)
                {
                    return _clock.Update(Environment.TickCount64, DateTime.UtcNow.Ticks);
                }
            }
        }
    }
}
