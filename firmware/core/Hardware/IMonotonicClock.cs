namespace Jidoka.Node.Hardware
{
    /// <summary>
    /// The node's monotonic clock in microseconds since boot. Every decision, latency and timestamp the
    /// core makes reads this one clock, so a simulator can run the core in virtual time and a test can
    /// replay a run exactly. On ESP32 the board maps it to <c>HighResTimer</c> (the system tick is
    /// 10 ms, far too coarse for a 1 kHz loop); on STM32 to a free-running hardware timer.
    /// </summary>
    public interface IMonotonicClock
    {
        /// <summary>Microseconds since boot. Never goes backwards; safe to call from any thread.</summary>
        ulong NowUs { get; }
    }
}
