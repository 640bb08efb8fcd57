using System;
using System.Device.Gpio;
using Jidoka.Boards.Adapters.Gpio;
using Jidoka.Boards.Adapters.Network;
using Jidoka.Boards.Adapters.Runtime;
using Jidoka.Boards.Adapters.Startup;
using Jidoka.Boards.Adapters.Vision;
using Jidoka.Boards.Logic.Network;
using Jidoka.Boards.Logic.Profile;
using Jidoka.Boards.Logic.Store;
using Jidoka.Boards.Logic.Timing;
using Jidoka.Boards.Logic.Vision;
using Jidoka.Boards.Stm32;
using Jidoka.Node;
using Jidoka.Node.Config;
using Jidoka.Node.Hardware;
using Jidoka.Node.Runtime;
using nanoFramework.Hardware.Stm32;
using nanoFramework.Runtime.Native;

namespace Jidoka.Boards.Stm32F769iDisco
{
    /// <summary>
    /// The STM32F769I-DISCO node (board-configs/stm32f769i-disco.json, stock firmware target
    /// ST_STM32F769I_DISCOVERY; see docs/boards.md): this file is the wiring diagram from the board's pins
    /// to the node core. Every decision is the core's. SPI2 and COM6 have fixed pins on this target, so
    /// nothing is routed; the store is the FatFS volume the firmware mounts on the microSD card (D:).
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            // The board file is compiled in (no I/O, nothing to parse), so the first thing the app does to
            // the hardware is drive the run permit off. The interface board's pull-down has held it off
            // while every STM32 pin sat in analog mode after reset; from here the pin agrees.
            BoardProfile board = BoardFile.Create();
            GpioController gpio = new GpioController();
            if (board.StopOutput == null)
            {
                BootFailure.Hold("board file has no stop output");
                return;
            }

            GpioOutput stop = new GpioOutput(gpio, board.StopOutput);
            try
            {
                Run(board, gpio, stop);
            }
            catch (Exception e)
            {
                stop.Write(false);
                BootFailure.Hold(e.Message);
            }
        }

        private static void Run(BoardProfile board, GpioController gpio, GpioOutput stop)
        {
            board.Validate();
            if (SystemInfo.TargetName != board.Target)
            {
                throw new InvalidOperationException("firmware target " + SystemInfo.TargetName + " but the board file was checked for " + board.Target);
            }

            GpioOutput andon = new GpioOutput(gpio, board.AndonOutput!);
            GpioWatchdogKick watchdog = new GpioWatchdogKick(gpio, board.WatchdogKickPin);

            // The Ethernet MAC of a stock nanoFramework STM32 image is the same on every board; the
            // 96-bit factory unique id is not.
            string nodeId = NodeIdentity.FromUniqueId(Site.NodeIdPrefix, Utilities.UniqueDeviceId);
            NodeConfig config = NodeConfigBuilder.Build(board, Site.CellId, nodeId, FirmwareInfo.Version);

            UptimeClock clock = new UptimeClock();
            string? clockRefusal = ClockResolutionProbe.Refusal(ClockResolutionProbe.MeasureStepUs(clock), config.DefaultPolicy.LoopDeadlineUs);
            if (clockRefusal != null)
            {
                throw new InvalidOperationException(clockRefusal);
            }

            GpioContactInput[] interlocks = CommonWiring.OpenInterlocks(gpio, board);
            GpioContactInput resetButton = new GpioContactInput(gpio, board.ResetButton!);
            IForceSource force = CommonWiring.OpenForce(board);
            VisionFeed vision = new VisionFeed();
            UartVisionLink visionLink = new UartVisionLink(board.VisionLink, vision, clock);
            SlotFileStore store = CommonWiring.OpenStore(board);
            string? brokerRefusal = BrokerAddress.Refusal(Site.BrokerHost);
            if (brokerRefusal != null)
            {
                throw new InvalidOperationException(brokerRefusal);
            }

            M2MqttLink mqtt = new M2MqttLink(Site.BrokerHost, Site.BrokerPort, nodeId);

            NodeHardware hardware = new NodeHardware(
                clock, CommonWiring.AsInputs(interlocks), resetButton, stop, andon, force, vision, watchdog, store, mqtt, new GcMemoryGauge(clock));
            NodeCore core = CommonWiring.BootCore(config, hardware, interlocks, mqtt);

            if (EthernetMac.EnsureUnique(Utilities.UniqueDeviceId))
            {
                // The stored MAC was the shared stock one; it is replaced now and used from the next reset.
                System.Diagnostics.Debug.WriteLine("jidoka: Ethernet MAC set from the unique id; reset the board once");
            }

            MqttConnector connector = new MqttConnector(mqtt, new EthernetReadiness(), CommonWiring.BackoffSeed(nodeId));
            connector.Start();
            NodeRuntime runtime = new NodeRuntime(core, clock, new SleepLoopWaiter(clock), CommonWiring.CommsPeriodMs);
            runtime.Start();
            new BoardDiagnostics(core, runtime, vision, visionLink, store, mqtt, connector).Run();
        }
    }
}
