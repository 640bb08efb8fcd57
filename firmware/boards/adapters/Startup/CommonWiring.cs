using System;
using System.Device.Adc;
using System.Device.Gpio;
using Jidoka.Boards.Adapters.Force;
using Jidoka.Boards.Adapters.Gpio;
using Jidoka.Boards.Adapters.Network;
using Jidoka.Boards.Adapters.Store;
using Jidoka.Boards.Logic.Profile;
using Jidoka.Boards.Logic.Store;
using Jidoka.Node;
using Jidoka.Node.Comms;
using Jidoka.Node.Config;
using Jidoka.Node.Hardware;
using Jidoka.Node.Store;
using Jidoka.Protocol;

namespace Jidoka.Boards.Adapters.Startup
{
    /// <summary>
    /// The wiring steps both board apps share, in the order Program calls them. Each step opens one part
    /// of the board from its profile; none decides anything about tripping.
    /// </summary>
    public static class CommonWiring
    {
        /// <summary>Pause between communication rounds, ms (NodeRuntime's second thread).</summary>
        public const int CommsPeriodMs = 5;

        /// <summary>
        /// Reset cause recorded in the boot event. The pinned nanoFramework packages expose no reset-reason
        /// API on either target, so the node records 0 (unknown) and cannot tell a watchdog reset from a
        /// power cycle; the external watchdog's own fault output, if wired, is the evidence for that.
        /// </summary>
        public const uint ResetCauseUnknown = 0;

        /// <summary>Opens the six interlock channel inputs in the core's channel order.</summary>
        public static GpioContactInput[] OpenInterlocks(GpioController gpio, BoardProfile board)
        {
            GpioContactInput[] inputs = new GpioContactInput[BoardProfile.InterlockChannelCount];
            for (int i = 0; i < inputs.Length; i++)
            {
                inputs[i] = new GpioContactInput(gpio, board.InterlockChannels[i]);
            }

            return inputs;
        }

        /// <summary>The inputs as the core's interface type (NodeHardware takes <see cref="IDigitalInput"/>[]; arrays are not covariant on nanoFramework).</summary>
        public static IDigitalInput[] AsInputs(GpioContactInput[] pins)
        {
            IDigitalInput[] inputs = new IDigitalInput[pins.Length];
            for (int i = 0; i < pins.Length; i++)
            {
                inputs[i] = pins[i];
            }

            return inputs;
        }

        /// <summary>Seed of the node's reconnect back-off: the CRC-32 of its id, so a cell's nodes spread out after a broker restart.</summary>
        public static uint BackoffSeed(string nodeId)
        {
            byte[] bytes = new byte[nodeId.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)nodeId[i];
            }

            return Crc32.Compute(bytes, 0, bytes.Length);
        }

        /// <summary>Opens the converter the board file names as the force source. ESP32 SPI pins must be routed first.</summary>
        public static IForceSource OpenForce(BoardProfile board)
        {
            if (board.ForceSource == ForceSourceKind.Hx711)
            {
                return new Hx711SpiForceSource(board.Hx711!);
            }

            return new AdcForceSource(new AdcController(), board.ForceAdc!);
        }

        /// <summary>Opens the slot store on the board's volume; throws when the volume cannot be written and read back.</summary>
        public static SlotFileStore OpenStore(BoardProfile board)
        {
            FileSlotFiles files = new FileSlotFiles();
            if (!StoreProbe.Check(files, board.StorageRoot))
            {
                throw new InvalidOperationException("no writable file system at " + board.StorageRoot
                    + (board.StorageInStockFirmware ? "" : " (the stock firmware for this target has none: flash a build with littlefs, see docs/boards.md)"));
            }

            return new SlotFileStore(files, board.StorageRoot, NodeConfigBuilder.StoreSlotCount, StoreLayout.SlotSizeBytesMin);
        }

        /// <summary>
        /// Creates the core (which de-energizes the stop output again), gives the MQTT link the core's last
        /// will and inbox, forwards each interlock pin's edges to the core, and boots it.
        /// </summary>
        public static NodeCore BootCore(NodeConfig config, NodeHardware hardware, GpioContactInput[] interlocks, M2MqttLink mqtt)
        {
            NodeCore core = new NodeCore(config, hardware);
            mqtt.SetLastWill(core.LastWillTopic, LastWill.PayloadText(config.CellId, config.NodeId));
            mqtt.DeliverTo(core.Inbox);
            for (int i = 0; i < interlocks.Length; i++)
            {
                interlocks[i].ForwardEdgesTo(core, i);
            }

            core.Boot(ResetCauseUnknown, false);
            return core;
        }
    }
}
