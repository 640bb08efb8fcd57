using Jidoka.Node.Hardware;

namespace Jidoka.Node.Runtime
{
    /// <summary>
    /// Paces the trip loop: one step per loop period of the active policy, on a fixed time grid. When a
    /// step starts more than a period late (a GC pause, a long interrupt), the missed periods are skipped
    /// and counted rather than run back to back, because a burst of catch-up steps would only re-read
    /// the same inputs.
    /// </summary>
    public sealed class LoopScheduler
    {
        private readonly NodeCore _core;
        private readonly IMonotonicClock _clock;
        private readonly ILoopWaiter _waiter;
        private readonly object _sync = new object();
        private bool _stopRequested;
        private ulong _nextUs;
        private bool _started;

        /// <summary>Creates the scheduler for <paramref name="core"/>.</summary>
        public LoopScheduler(NodeCore core, IMonotonicClock clock, ILoopWaiter waiter)
        {
            _core = core;
            _clock = clock;
            _waiter = waiter;
        }

        /// <summary>Periods skipped because a step started more than one period late, since start.</summary>
        public uint SkippedPeriods { get; private set; }

        /// <summary>Steps run, since start.</summary>
        public uint StepsRun { get; private set; }

        /// <summary>Asks <see cref="Run"/> to return after the current step.</summary>
        public void RequestStop()
        {
            lock (_sync)
            {
                _stopRequested = true;
            }
        }

        /// <summary>Runs steps until <see cref="RequestStop"/>. The loop thread's body.</summary>
        public void Run()
        {
            while (!IsStopRequested())
            {
                RunOne();
            }
        }

        /// <summary>Runs one step and waits for the next grid point (for simulations that interleave other work).</summary>
        public void RunOne()
        {
            if (!_started)
            {
                _started = true;
                _nextUs = _clock.NowUs;
            }

            _core.Step();
            StepsRun++;
            ulong periodUs = _core.LoopPeriodUs;
            _nextUs += periodUs;
            ulong nowUs = _clock.NowUs;
            if (nowUs > _nextUs + periodUs)
            {
                ulong missed = (nowUs - _nextUs) / periodUs;
                SkippedPeriods += missed > uint.MaxValue ? uint.MaxValue : (uint)missed;
                _nextUs += missed * periodUs;
            }

            _waiter.WaitUntil(_nextUs);
        }

        private bool IsStopRequested()
        {
            lock (_sync)
            {
                return _stopRequested;
            }
        }
    }
}
