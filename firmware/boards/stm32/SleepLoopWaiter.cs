using System.Threading;
using Jidoka.Boards.Logic.Timing;
using Jidoka.Node.Hardware;

namespace Jidoka.Boards.Stm32
{
    /// <summary>
    /// Paces the trip loop with Thread.Sleep, rounded to the nearest millisecond (the ChibiOS system timer
    /// runs at 10 kHz, so a 1 ms sleep is honoured to about 100 µs). It never spins: a spin at loop
    /// priority would hold the interpreter for a whole 20 ms thread quantum.
    /// </summary>
    internal sealed class SleepLoopWaiter : ILoopWaiter
    {
        private readonly IMonotonicClock _clock;

        /// <summary>Creates the waiter on the node's clock.</summary>
        public SleepLoopWaiter(IMonotonicClock clock)
        {
            _clock = clock;
        }

        /// <inheritdoc/>
        public void WaitUntil(ulong monoUs)
        {
            int sleepMs = LoopWaitPlan.SleepMs(_clock.NowUs, monoUs);
            if (sleepMs > 0)
            {
                Thread.Sleep(sleepMs);
            }
        }
    }
}
