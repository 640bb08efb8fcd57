namespace Jidoka.Protocol
{
    /// <summary>The status values, each kept in its key's slot (see <see cref="StatusKeys"/>).</summary>
    public sealed partial class StatusMessage
    {
        /// <summary>Cell id.</summary>
        public string CellId
        {
            get => _texts[StatusKeys.Cell.Index];
            set => _texts[StatusKeys.Cell.Index] = value;
        }

        /// <summary>Node id.</summary>
        public string NodeId
        {
            get => _texts[StatusKeys.Node.Index];
            set => _texts[StatusKeys.Node.Index] = value;
        }

        /// <summary>False in the last-will form; then only cell and node are meaningful.</summary>
        public bool Online
        {
            get => _numbers[StatusKeys.IsOnline.Index] != 0;
            set => _numbers[StatusKeys.IsOnline.Index] = value ? 1 : 0;
        }

        /// <summary>Firmware version, for example "1.4.0".</summary>
        public string FirmwareVersion
        {
            get => _texts[StatusKeys.Firmware.Index];
            set => _texts[StatusKeys.Firmware.Index] = value;
        }

        /// <summary>Board name, as in board-configs/.</summary>
        public string Board
        {
            get => _texts[StatusKeys.Board.Index];
            set => _texts[StatusKeys.Board.Index] = value;
        }

        /// <summary>Seconds since boot.</summary>
        public long UptimeSeconds
        {
            get => _numbers[StatusKeys.Uptime.Index];
            set => _numbers[StatusKeys.Uptime.Index] = value;
        }

        /// <summary>Boot counter.</summary>
        public uint BootId
        {
            get => (uint)_numbers[StatusKeys.BootId.Index];
            set => _numbers[StatusKeys.BootId.Index] = value;
        }

        /// <summary>Active policy id.</summary>
        public uint PolicyId
        {
            get => (uint)_numbers[StatusKeys.PolicyId.Index];
            set => _numbers[StatusKeys.PolicyId.Index] = value;
        }

        /// <summary>Active policy hash.</summary>
        public uint PolicyHash
        {
            get => (uint)_numbers[StatusKeys.PolicyHash.Index];
            set => _numbers[StatusKeys.PolicyHash.Index] = value;
        }

        /// <summary>Id of a policy staged until the trip is reset, 0 for none.</summary>
        public uint StagedPolicyId
        {
            get => (uint)_numbers[StatusKeys.StagedPolicyId.Index];
            set => _numbers[StatusKeys.StagedPolicyId.Index] = value;
        }

        /// <summary>Force calibration id.</summary>
        public ushort ForceCalibrationId
        {
            get => StatusFieldCodec.TagId(_numbers[StatusKeys.ForceCalibration.Index]);
            set => _numbers[StatusKeys.ForceCalibration.Index] = StatusFieldCodec.Tag(value, ForceCalibrationVersion);
        }

        /// <summary>Force calibration version.</summary>
        public ushort ForceCalibrationVersion
        {
            get => StatusFieldCodec.TagVersion(_numbers[StatusKeys.ForceCalibration.Index]);
            set => _numbers[StatusKeys.ForceCalibration.Index] = StatusFieldCodec.Tag(ForceCalibrationId, value);
        }

        /// <summary>Vision calibration id.</summary>
        public ushort VisionCalibrationId
        {
            get => StatusFieldCodec.TagId(_numbers[StatusKeys.VisionCalibration.Index]);
            set => _numbers[StatusKeys.VisionCalibration.Index] = StatusFieldCodec.Tag(value, VisionCalibrationVersion);
        }

        /// <summary>Vision calibration version.</summary>
        public ushort VisionCalibrationVersion
        {
            get => StatusFieldCodec.TagVersion(_numbers[StatusKeys.VisionCalibration.Index]);
            set => _numbers[StatusKeys.VisionCalibration.Index] = StatusFieldCodec.Tag(VisionCalibrationId, value);
        }

        /// <summary>Booting, armed or tripped.</summary>
        public TripState TripState
        {
            get => (TripState)_numbers[StatusKeys.Trip.Index];
            set => _numbers[StatusKeys.Trip.Index] = (long)value;
        }

        /// <summary>Rule that caused the latched trip, <see cref="TripRule.None"/> when not tripped.</summary>
        public TripRule TripCause
        {
            get => (TripRule)_numbers[StatusKeys.Cause.Index];
            set => _numbers[StatusKeys.Cause.Index] = (long)value;
        }

        /// <summary>Response class of the latched trip, <see cref="ResponseClass.None"/> when not tripped.</summary>
        public ResponseClass Response
        {
            get => (ResponseClass)_numbers[StatusKeys.Response.Index];
            set => _numbers[StatusKeys.Response.Index] = (long)value;
        }

        /// <summary>Event id of the latched trip, 0 when not tripped.</summary>
        public ulong TripEventId
        {
            get => (ulong)_numbers[StatusKeys.TripEventId.Index];
            set => _numbers[StatusKeys.TripEventId.Index] = (long)value;
        }

        /// <summary>Configured loop period, µs.</summary>
        public uint LoopPeriodUs
        {
            get => (uint)_numbers[StatusKeys.LoopPeriod.Index];
            set => _numbers[StatusKeys.LoopPeriod.Index] = value;
        }

        /// <summary>Longest loop step since boot, µs.</summary>
        public uint MaxStepUs
        {
            get => (uint)_numbers[StatusKeys.MaxStep.Index];
            set => _numbers[StatusKeys.MaxStep.Index] = value;
        }

        /// <summary>Loop overruns since boot.</summary>
        public uint Overruns
        {
            get => (uint)_numbers[StatusKeys.Overruns.Index];
            set => _numbers[StatusKeys.Overruns.Index] = value;
        }

        /// <summary>Events journaled and not yet acknowledged.</summary>
        public uint JournalDepth
        {
            get => (uint)_numbers[StatusKeys.JournalDepth.Index];
            set => _numbers[StatusKeys.JournalDepth.Index] = value;
        }

        /// <summary>Events the journal had to drop since boot (never trips or resets).</summary>
        public uint JournalDropped
        {
            get => (uint)_numbers[StatusKeys.JournalDropped.Index];
            set => _numbers[StatusKeys.JournalDropped.Index] = value;
        }

        /// <summary>Frames dropped from the outage ring since boot.</summary>
        public uint FramesDropped
        {
            get => (uint)_numbers[StatusKeys.FramesDropped.Index];
            set => _numbers[StatusKeys.FramesDropped.Index] = value;
        }

        /// <summary>MQTT reconnects since boot.</summary>
        public uint Reconnects
        {
            get => (uint)_numbers[StatusKeys.Reconnects.Index];
            set => _numbers[StatusKeys.Reconnects.Index] = value;
        }

        /// <summary>Whether the node currently sees the bridge online.</summary>
        public bool HostOnline
        {
            get => _numbers[StatusKeys.HostOnline.Index] != 0;
            set => _numbers[StatusKeys.HostOnline.Index] = value ? 1 : 0;
        }

        /// <summary>Time quality.</summary>
        public TimeQuality TimeQuality
        {
            get => (TimeQuality)_numbers[StatusKeys.TimeQuality.Index];
            set => _numbers[StatusKeys.TimeQuality.Index] = (long)value;
        }

        /// <summary>Time uncertainty, µs.</summary>
        public uint TimeUncertaintyUs
        {
            get => (uint)_numbers[StatusKeys.TimeUncertainty.Index];
            set => _numbers[StatusKeys.TimeUncertainty.Index] = value;
        }

        /// <summary>True when the board reports free memory.</summary>
        public bool HasFreeBytes
        {
            get => (_optionalPresent & StatusKeys.FreeBytes.Bit) != 0;
            set => SetPresent(StatusKeys.FreeBytes, value);
        }

        /// <summary>Free managed memory, bytes, when <see cref="HasFreeBytes"/>.</summary>
        public uint FreeBytes
        {
            get => (uint)_numbers[StatusKeys.FreeBytes.Index];
            set => _numbers[StatusKeys.FreeBytes.Index] = value;
        }
    }
}
