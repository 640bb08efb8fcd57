using Jidoka.Node.Config;
using Jidoka.Node.Store;

namespace Jidoka.Boards.Logic.Profile
{
    /// <summary>
    /// Turns a board profile plus the node's identity into the core's <see cref="NodeConfig"/>. The same
    /// code runs on the device (from the generated board file) and on the host (from the board JSON, see
    /// Jidoka.BoardConfigs' NodeConfigFactory), so "each board file converts to a node configuration" is
    /// tested on the path the node takes.
    /// </summary>
    public static class NodeConfigBuilder
    {
        /// <summary>
        /// Events the journal holds. 64 events need 76 store slots of 185-byte files: about 14 KB, well
        /// inside the ESP32's 256 KiB littlefs partition, and enough for a shift of trips and resets
        /// while the bridge is away.
        /// </summary>
        public const int JournalCapacity = 64;

        /// <summary>Slots the persistent store must offer for <see cref="JournalCapacity"/>.</summary>
        public const int StoreSlotCount = StoreLayout.FirstJournalSlot + JournalCapacity;

        /// <summary>
        /// Builds the configuration. Throws <see cref="System.ArgumentException"/> (from
        /// <see cref="NodeConfig.Validate"/> or <see cref="BoardProfile.Validate"/>) when the result could
        /// not run, so a bad profile or id stops the node with its stop output off.
        /// </summary>
        public static NodeConfig Build(BoardProfile board, string cellId, string nodeId, string firmwareVersion)
        {
            board.Validate();
            NodeConfig config = new NodeConfig();
            config.CellId = cellId;
            config.NodeId = nodeId;
            config.FirmwareVersion = firmwareVersion;
            config.Board = board.BoardId;
            config.JournalCapacity = JournalCapacity;

            // An HX711 at 10 samples/s is silent for 100 ms between readings by design; allow two periods
            // before the force channel counts the converter as not answering. The ADC answers every step. The
            // force windows are counted in its readings, so the node needs their interval too.
            if (board.ForceSource == ForceSourceKind.Hx711 && board.Hx711 != null && board.Hx711.DataRateSamplesPerSecond > 0)
            {
                uint periodUs = (uint)(1000000 / board.Hx711.DataRateSamplesPerSecond);
                config.ForceReadingIntervalUs = periodUs;
                uint limitUs = 2 * periodUs;
                if (limitUs > config.ForceSilenceLimitUs)
                {
                    config.ForceSilenceLimitUs = limitUs;
                }
            }

            config.ClockResolutionUs = board.ClockResolutionUs;
            config.LoopPeriodUsMin = board.LoopPeriodUsMin;
            config.DefaultPolicy.CopyFrom(board.DefaultPolicy);
            config.DefaultForceCalibration.CopyFrom(board.DefaultForceCalibration);
            config.DefaultVisionCalibration.CopyFrom(board.DefaultVisionCalibration);
            config.Validate();
            return config;
        }
    }
}
