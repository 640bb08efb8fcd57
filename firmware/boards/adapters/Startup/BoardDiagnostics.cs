using System.Diagnostics;
using System.Threading;
using Jidoka.Boards.Adapters.Network;
using Jidoka.Boards.Adapters.Vision;
using Jidoka.Boards.Logic.Store;
using Jidoka.Boards.Logic.Vision;
using Jidoka.Node;
using Jidoka.Node.Runtime;

namespace Jidoka.Boards.Adapters.Startup
{
    /// <summary>
    /// The counters a technician looks at on the debug output after first boot, once a minute, from the
    /// app's main thread (this formats strings, so it never runs on the loop). The retained MQTT status
    /// carries the loop health; these are the board-side counters it has no key for.
    /// </summary>
    public sealed class BoardDiagnostics
    {
        /// <summary>Time between lines, ms.</summary>
        public const int PeriodMs = 60000;

        private readonly NodeCore _core;
        private readonly NodeRuntime _runtime;
        private readonly VisionFeed _vision;
        private readonly UartVisionLink _visionLink;
        private readonly SlotFileStore _store;
        private readonly M2MqttLink _mqtt;
        private readonly MqttConnector _connector;

        /// <summary>Collects the parts whose counters are printed.</summary>
        public BoardDiagnostics(NodeCore core, NodeRuntime runtime, VisionFeed vision, UartVisionLink visionLink, SlotFileStore store, M2MqttLink mqtt, MqttConnector connector)
        {
            _core = core;
            _runtime = runtime;
            _vision = vision;
            _visionLink = visionLink;
            _store = store;
            _mqtt = mqtt;
            _connector = connector;
        }

        /// <summary>Prints forever; the main thread's last call.</summary>
        public void Run()
        {
            while (true)
            {
                Thread.Sleep(PeriodMs);
                Debug.WriteLine(
                    "jidoka: steps=" + _runtime.Scheduler.StepsRun.ToString()
                    + " skipped=" + _runtime.Scheduler.SkippedPeriods.ToString()
                    + " mqttUp=" + (_mqtt.IsConnected ? "1" : "0")
                    + " connects=" + _connector.Connections.ToString()
                    + " connectFailures=" + _mqtt.FailedAttempts.ToString()
                    + " publishFailures=" + _core.Comms.PublishFailures.ToString()
                    + " rejectedMsgs=" + _core.Comms.RejectedMessages.ToString()
                    + " visionLines=" + _vision.LinesAccepted.ToString()
                    + " visionMalformed=" + _vision.LinesMalformed.ToString()
                    + " visionChecksum=" + _vision.ChecksumErrors.ToString()
                    + " visionRepeats=" + _vision.LinesRepeated.ToString()
                    + " visionBreaks=" + _vision.SequenceBreaks.ToString()
                    + " uartFaults=" + _visionLink.ReceiveFaults.ToString()
                    + " storeRejected=" + _store.RejectedFiles.ToString());
            }
        }
    }
}
