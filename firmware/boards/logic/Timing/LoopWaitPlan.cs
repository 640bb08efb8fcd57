namespace Jidoka.Boards.Logic.Timing
{
    /// <summary>
    /// How a board's loop waiter splits a wait into a blocking part and the rest. Blocking (a timer event,
    /// Thread.Sleep) lets the communication thread run; spinning is accurate but holds the interpreter,
    /// whose managed thread quantum is 20 ms, so spins stay short.
    /// </summary>
    public static class LoopWaitPlan
    {
        /// <summary>
        /// ESP32: the HighResTimer one-shot to arm, µs, or 0 to only spin. The last
        /// <paramref name="spinUs"/> before the target are spun, because the timer's managed callback
        /// arrives through the native event queue with a latency the loop should not add to.
        /// </summary>
        public static ulong TimerDelayUs(ulong nowUs, ulong targetUs, ulong spinUs)
        {
            if (targetUs <= nowUs)
            {
                return 0;
            }

            ulong remaining = targetUs - nowUs;
            return remaining > spinUs ? remaining - spinUs : 0;
        }

        /// <summary>
        /// Targets without a microsecond timer: milliseconds to sleep, rounded to the nearest
        /// millisecond, 0 to return at once. Never spins: a step that starts up to half a millisecond early
        /// or late keeps the scheduler's fixed grid, while a spin at loop priority would starve the
        /// communication thread for a whole quantum.
        /// </summary>
        public static int SleepMs(ulong nowUs, ulong targetUs)
        {
            if (targetUs <= nowUs)
            {
                return 0;
            }

            ulong ms = (targetUs - nowUs + 500) / 1000;
            return ms > int.MaxValue ? int.MaxValue : (int)ms;
        }
    }
}
