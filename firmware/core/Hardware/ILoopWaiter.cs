namespace Jidoka.Node.Hardware
{
    /// <summary>
    /// Waits until a monotonic time: what paces the trip loop. On ESP32 the board implements it with
    /// <c>HighResTimer</c> and an <c>AutoResetEvent</c>, because <c>Thread.Sleep</c> rounds to the
    /// 10 ms system tick; the simulator advances virtual time.
    /// </summary>
    public interface ILoopWaiter
    {
        /// <summary>Returns at or soon after <paramref name="monoUs"/>; returns at once if it has passed.</summary>
        void WaitUntil(ulong monoUs);
    }
}
