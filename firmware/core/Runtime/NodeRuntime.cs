using System.Threading;
using Jidoka.Node.Hardware;

namespace Jidoka.Node.Runtime
{
    /// <summary>
    /// Runs a booted node on two threads: the trip loop at the highest priority, paced by the board's
    /// <see cref="ILoopWaiter"/>, and the communication side, which services MQTT and the store every
    /// few milliseconds. The two meet only through the node's bounded, preallocated structures.
    /// </summary>
    public sealed class NodeRuntime
    {
        private readonly NodeCore _core;
        private readonly LoopScheduler _scheduler;
        private readonly int _commsPeriodMs;
        private readonly object _sync = new object();
        private Thread? _loopThread;
        private Thread? _commsThread;
        private bool _stopRequested;

        /// <summary>Creates the runtime; <paramref name="commsPeriodMs"/> is the pause between communication rounds.</summary>
        public NodeRuntime(NodeCore core, IMonotonicClock clock, ILoopWaiter waiter, int commsPeriodMs)
        {
            Invariant.Require(commsPeriodMs >= 1 && commsPeriodMs <= 1000, "comms period");
            _core = core;
            _scheduler = new LoopScheduler(core, clock, waiter);
            _commsPeriodMs = commsPeriodMs;
        }

        /// <summary>The loop scheduler (counters).</summary>
        public LoopScheduler Scheduler => _scheduler;

        /// <summary>Starts both threads.</summary>
        public void Start()
        {
            _loopThread = new Thread(_scheduler.Run);
            _loopThread.Priority = ThreadPriority.Highest;
            _commsThread = new Thread(RunComms);
            _loopThread.Start();
            _commsThread.Start();
        }

        /// <summary>Stops both threads and waits for them (tests and simulator shutdown; a node never stops).</summary>
        public void Stop()
        {
            lock (_sync)
            {
                _stopRequested = true;
            }

            _scheduler.RequestStop();
            _loopThread?.Join();
            _commsThread?.Join();
        }

        private void RunComms()
        {
            while (true)
            {
                lock (_sync)
                {
                    if (_stopRequested)
                    {
                        return;
                    }
                }

                _core.ServiceComms();
                Thread.Sleep(_commsPeriodMs);
            }
        }
    }
}
