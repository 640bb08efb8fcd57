using Jidoka.Node.Comms;
using Jidoka.Node.Config;
using Jidoka.Node.Engine;
using Jidoka.Node.Store;
using Jidoka.Protocol;

namespace Jidoka.Node
{
    /// <summary>
    /// The node core: what a board app or the simulator builds once and drives. Construct it with the
    /// configuration and the hardware boundary, call <see cref="Boot"/> once, then call
    /// <see cref="Step"/> every loop period (see <see cref="Runtime.LoopScheduler"/>) and
    /// <see cref="ServiceComms"/> from the communication thread; wire interlock pin-change handlers to
    /// <see cref="OnInterlockEdge(int, bool)"/> and the MQTT receive handler to <see cref="Inbox"/>.
    /// </summary>
    public sealed class NodeCore
    {
        private readonly NodeContext _context;
        private readonly NodeActions _actions;
        private readonly TripLoop _loop;
        private readonly NodePersistence _persistence;
        private readonly CommsService _comms;

        /// <summary>
        /// Validates <paramref name="config"/> and allocates everything the node will ever use. De-energizes
        /// the stop output first, so a bad configuration leaves the cell stopped.
        /// </summary>
        public NodeCore(NodeConfig config, NodeHardware hardware)
        {
            Invariant.Require(hardware != null, "hardware");
            hardware!.StopOutput.Write(false);
            Invariant.Require(config != null, "config");
            config!.Validate();
            _context = new NodeContext(config, hardware);
            _actions = new NodeActions(_context);
            _loop = new TripLoop(_context, _actions);
            _persistence = new NodePersistence(_context);
            _comms = new CommsService(_context, new CommandProcessor(_context, _actions), _persistence);
            _context.Stop.DeEnergize();
        }

        /// <summary>Where the board's MQTT receive handler posts incoming messages (thread-safe).</summary>
        public MessageInbox Inbox => _comms.Inbox;

        /// <summary>The node's state, for status, the simulator's probes and tests. Read it under <see cref="Sync"/>.</summary>
        public NodeContext Context => _context;

        /// <summary>The communication side (counters for diagnostics).</summary>
        public CommsService Comms => _comms;

        /// <summary>The persistence (counters for diagnostics).</summary>
        public NodePersistence Persistence => _persistence;

        /// <summary>The node's lock.</summary>
        public object Sync => _context.Sync;

        /// <summary>Loop period of the active policy, µs.</summary>
        public uint LoopPeriodUs
        {
            get
            {
                lock (_context.Sync)
                {
                    return _context.Policy.LoopPeriodUs;
                }
            }
        }

        /// <summary>Trip state.</summary>
        public TripState State
        {
            get
            {
                lock (_context.Sync)
                {
                    return _context.Latch.State;
                }
            }
        }

        /// <summary>True while the stop output is energized.</summary>
        public bool StopEnergized
        {
            get
            {
                lock (_context.Sync)
                {
                    return _context.Stop.IsEnergized;
                }
            }
        }

        /// <summary>Topic of the last will the board gives its MQTT client.</summary>
        public string LastWillTopic => LastWill.Topic(_context.Config.CellId, _context.Config.NodeId);

        /// <summary>Payload of the last will (offline status JSON).</summary>
        public byte[] LastWillPayload() => LastWill.Payload(_context.Config.CellId, _context.Config.NodeId);

        /// <summary>
        /// Loads the store (policy, calibrations, latch, unacknowledged events, counters), journals the boot
        /// (and a watchdog event when the board says the last reset was the watchdog), and leaves the stop
        /// output off: it is energized by the first good cycle, or stays off until reset if a trip was
        /// latched before the reboot. A watchdog reset latches a loop-overrun trip (reason
        /// <see cref="Engine.TripLoop.ReasonWatchdogReset"/>) unless a trip was already latched: a hung loop must
        /// not restart the cell by itself. Call once, before the loop starts.
        /// </summary>
        /// <param name="resetCauseCode">The board's reset-cause code, recorded in the boot event.</param>
        /// <param name="watchdogReset">True when the previous run ended in a watchdog reset.</param>
        public void Boot(uint resetCauseCode, bool watchdogReset)
        {
            lock (_context.Sync)
            {
                Invariant.Require(!_context.Booted, "boot once");
                _context.Stop.DeEnergize();
                _persistence.Load();
                ulong nowUs = _context.Hardware.Clock.NowUs;
                DecisionRecord r = _context.Recorder.Begin(EventType.Boot, nowUs);
                r.Argument = resetCauseCode;
                r.RelatedEventId = _persistence.LastStoredEventId;
                _context.Recorder.Commit();
                if (watchdogReset)
                {
                    r = _context.Recorder.Begin(EventType.Watchdog, nowUs);
                    r.Channel = InputChannel.Loop;
                    r.Argument = resetCauseCode;
                    r.RelatedEventId = _persistence.LastStoredEventId;
                    _context.Recorder.Commit();
                    _loop.LatchWatchdogReset(resetCauseCode, nowUs);
                }

                _context.StatusGeneration++;
                _context.Booted = true;
            }

            _persistence.Flush();
        }

        /// <summary>One trip-loop step. Call every loop period from the loop thread. Never throws.</summary>
        public void Step() => _loop.Step();

        /// <summary>
        /// Pin-change entry for interlock channel <paramref name="channelIndex"/> (0..5, in
        /// <see cref="InterlockBits"/> order): call it from the GPIO change handler. Trips at once when both
        /// channels of that interlock are open. Reads levels only; prefer the overload with the edge's
        /// direction, which a bouncing contact cannot hide. Thread-safe; never throws.
        /// </summary>
        public void OnInterlockEdge(int channelIndex) => _loop.OnInterlockEdge(channelIndex, false);

        /// <summary>
        /// Pin-change entry with the edge's direction, as GPIO change events report it (nanoFramework's
        /// <c>PinValueChangedEventArgs.ChangeType</c>, mapped through the board's polarity):
        /// <paramref name="contactOpened"/> true for an edge to "contact open". The handler runs some
        /// hundred µs after the edge; a bouncing contact may read closed again by then, so an opening edge
        /// counts that channel open at once (the safe direction), and only a close held for the debounce
        /// time counts it closed again. Without this a bouncing interlock tripped only once the bounce had
        /// settled (found by the HIL rig's bouncing-input scenario). Thread-safe; never throws.
        /// </summary>
        public void OnInterlockEdge(int channelIndex, bool contactOpened) => _loop.OnInterlockEdge(channelIndex, contactOpened);

        /// <summary>One bounded round of communication and persistence work. Call from the communication thread. Never throws.</summary>
        public void ServiceComms() => _comms.Service();
    }
}
