using System;
using Jidoka.Node.Hardware;

namespace Jidoka.Boards.Stm32
{
    /// <summary>
    /// The STM32 boards' monotonic clock: milliseconds of uptime (Environment.TickCount64, nanoFramework.Runtime.Native)
    /// in µs units, so it moves in 1000 µs steps. Nothing finer reaches managed code on this target: the
    /// ChibiOS tick is 100 µs but TickCount64 divides it down to milliseconds, and DateTime.UtcNow reads the
    /// RTC in milliseconds and steps with SNTP. The board file states the 1000 µs resolution, the boot measures
    /// it, and policies whose deadline spans fewer than four steps are refused (see docs/boards.md).
    /// </summary>
    internal sealed class UptimeClock : IMonotonicClock
    {
        /// <summary>The clock's step, µs.</summary>
        public const uint ResolutionUs = 1000;

        /// <inheritdoc/>
        public ulong NowUs
        {
            get
            {
                long ms = Environment.TickCount64;
                return ms < 0 ? 0 : (ulong)ms * ResolutionUs;
            }
        }
    }
}
