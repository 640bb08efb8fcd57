using Jidoka.Node.Hardware;
using nanoFramework.Hardware.Esp32;

namespace Jidoka.Boards.Esp32DevKitC
{
    /// <summary>
    /// The node's monotonic clock: esp_timer microseconds since boot through HighResTimer.GetCurrent. The
    /// FreeRTOS tick on this target is 10 ms, far too coarse for a 1 ms loop and its 800 µs deadline.
    /// </summary>
    internal sealed class HighResTimerClock : IMonotonicClock
    {
        /// <inheritdoc/>
        public ulong NowUs => HighResTimer.GetCurrent();
    }
}
