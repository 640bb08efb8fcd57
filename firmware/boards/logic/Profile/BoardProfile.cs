using System;
using Jidoka.Node.Config;
using Jidoka.Protocol;

namespace Jidoka.Boards.Logic.Profile
{
    /// <summary>
    /// A board file as the node needs it on the device: pin numbers, levels, buses and the default limits
    /// and calibrations, with no JSON left. Each board app compiles a generated <c>BoardFile.g.cs</c>
    /// that builds one of these (parsing JSON on an MCU costs RAM and milliseconds and could fail at
    /// boot; a compiled profile cannot), and <c>Jidoka.BoardConfigs</c> builds the same from the JSON on
    /// the host, so a test can prove the two agree.
    /// </summary>
    public sealed class BoardProfile
    {
        /// <summary>Number of interlock channels, in <see cref="InterlockBits"/> order.</summary>
        public const int InterlockChannelCount = NodeHardware.InterlockChannelCount;

        /// <summary>Creates an empty profile; the generated board file or the host conversion fills it in.</summary>
        public BoardProfile()
        {
            BoardId = "";
            Target = "";
            InterlockChannels = new InputPinProfile[InterlockChannelCount];
            VisionLink = new VisionUartProfile("", 0, 0, 0, 8, UartParityKind.None, 1);
            StorageRoot = "";
            ClockResolutionUs = 1;
            LoopPeriodUsMin = PolicyRecord.LoopPeriodUsMin;
            DefaultPolicy = new PolicyRecord();
            DefaultForceCalibration = new CalibrationRecord();
            DefaultVisionCalibration = new CalibrationRecord();
        }

        /// <summary>Board id, as the board file's name (reported in status as "board").</summary>
        public string BoardId { get; set; }

        /// <summary>nanoFramework firmware target the pins were checked against ("ESP32_REV3").</summary>
        public string Target { get; set; }

        /// <summary>The six interlock channels: guard A, guard B, curtain A, curtain B, e-stop A, e-stop B.</summary>
        public InputPinProfile[] InterlockChannels { get; }

        /// <summary>The local reset button.</summary>
        public InputPinProfile? ResetButton { get; set; }

        /// <summary>The run-permit output (de-energize to trip).</summary>
        public OutputPinProfile? StopOutput { get; set; }

        /// <summary>The andon light.</summary>
        public OutputPinProfile? AndonOutput { get; set; }

        /// <summary>The external watchdog's kick line; toggled once per completed loop step.</summary>
        public int WatchdogKickPin { get; set; }

        /// <summary>The external watchdog part's timeout, ms.</summary>
        public int WatchdogTimeoutMs { get; set; }

        /// <summary>The HX711 on SPI.</summary>
        public Hx711Profile? Hx711 { get; set; }

        /// <summary>The MCU ADC force channel.</summary>
        public ForceAdcProfile? ForceAdc { get; set; }

        /// <summary>Which converter feeds the force channel.</summary>
        public ForceSourceKind ForceSource { get; set; }

        /// <summary>The vision confidence UART.</summary>
        public VisionUartProfile VisionLink { get; set; }

        /// <summary>How the node reaches the broker.</summary>
        public NetworkLinkKind Network { get; set; }

        /// <summary>Root of the persistent store's files ("I:\" on the ESP32's littlefs volume).</summary>
        public string StorageRoot { get; set; }

        /// <summary>False when the stock firmware for the target has no file system (a custom build is needed).</summary>
        public bool StorageInStockFirmware { get; set; }

        /// <summary>Step of the board's monotonic clock, µs; the boot measures it and refuses a coarser clock.</summary>
        public uint ClockResolutionUs { get; set; }

        /// <summary>Shortest loop period the runtime holds on this target, µs.</summary>
        public uint LoopPeriodUsMin { get; set; }

        /// <summary>The policy a node starts with when its store holds none.</summary>
        public PolicyRecord DefaultPolicy { get; }

        /// <summary>The force calibration a node starts with when its store holds none.</summary>
        public CalibrationRecord DefaultForceCalibration { get; }

        /// <summary>The vision calibration a node starts with when its store holds none.</summary>
        public CalibrationRecord DefaultVisionCalibration { get; }

        /// <summary>
        /// Throws <see cref="ArgumentException"/> naming the first missing or impossible part. The board
        /// files were checked on the host; this catches a hand-edited generated file at boot, before any
        /// output is energized.
        /// </summary>
        public void Validate()
        {
            Check(BoardId.Length > 0, "BoardId");
            Check(Target.Length > 0, "Target");
            for (int i = 0; i < InterlockChannels.Length; i++)
            {
                Check(InterlockChannels[i] != null, "InterlockChannels");
            }

            Check(ResetButton != null, "ResetButton");
            Check(StopOutput != null, "StopOutput");
            Check(AndonOutput != null, "AndonOutput");
            Check(WatchdogTimeoutMs > 0, "WatchdogTimeoutMs");
            Check(Hx711 != null, "Hx711");
            Check(ForceAdc != null, "ForceAdc");
            Check(VisionLink.PortName.Length > 0 && VisionLink.BaudRate > 0, "VisionLink");
            Check(StorageRoot.Length > 0, "StorageRoot");
            Check(DefaultPolicy.Validate() == PolicyProblem.None, "DefaultPolicy");
            Check(DefaultForceCalibration.Validate() == CalibrationProblem.None && DefaultForceCalibration.Channel == InputChannel.Force, "DefaultForceCalibration");
            Check(DefaultVisionCalibration.Validate() == CalibrationProblem.None && DefaultVisionCalibration.Channel == InputChannel.Vision, "DefaultVisionCalibration");
        }

        private static void Check(bool ok, string part)
        {
            if (!ok)
            {
                throw new ArgumentException("invalid board profile: " + part);
            }
        }
    }
}
