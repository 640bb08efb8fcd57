namespace Jidoka.Protocol
{
    /// <summary>
    /// The status JSON's keys, in the order the node writes them. This one table drives
    /// <see cref="StatusMessage"/>'s encoder, decoder, checks and field list; a new key is one line here
    /// and one property there. Meanings: docs/protocol.md §Status.
    /// </summary>
    public static class StatusKeys
    {
        private const StatusKeyPresence Always = StatusKeyPresence.Always;
        private const StatusKeyPresence Online = StatusKeyPresence.WhenOnline;

        /// <summary>"v": format version.</summary>
        public static readonly StatusKey Version = new StatusKey("v", StatusValueKind.Version, Always, null, false);

        /// <summary>"cell": cell id.</summary>
        public static readonly StatusKey Cell = new StatusKey("cell", StatusValueKind.Id, Always, null, false);

        /// <summary>"node": node id.</summary>
        public static readonly StatusKey Node = new StatusKey("node", StatusValueKind.Id, Always, null, false);

        /// <summary>"online": false in the last will.</summary>
        public static readonly StatusKey IsOnline = new StatusKey("online", StatusValueKind.Boolean, Always, null, false);

        /// <summary>"fw": firmware version.</summary>
        public static readonly StatusKey Firmware = new StatusKey("fw", StatusValueKind.StatusText, Online, null, false);

        /// <summary>"board": board name.</summary>
        public static readonly StatusKey Board = new StatusKey("board", StatusValueKind.StatusText, Online, null, false);

        /// <summary>"uptimeS": seconds since boot.</summary>
        public static readonly StatusKey Uptime = new StatusKey("uptimeS", StatusValueKind.NonNegative, Online, null, false);

        /// <summary>"bootId": boot counter.</summary>
        public static readonly StatusKey BootId = new StatusKey("bootId", StatusValueKind.Counter, Online, null, false);

        /// <summary>"policyId": active policy id.</summary>
        public static readonly StatusKey PolicyId = new StatusKey("policyId", StatusValueKind.Counter, Online, null, false);

        /// <summary>"policyHash": active policy hash.</summary>
        public static readonly StatusKey PolicyHash = new StatusKey("policyHash", StatusValueKind.Hex32, Online, null, false);

        /// <summary>"stagedPolicyId": policy staged until reset, 0 for none.</summary>
        public static readonly StatusKey StagedPolicyId = new StatusKey("stagedPolicyId", StatusValueKind.Counter, Online, null, false);

        /// <summary>"forceCal": force calibration tag.</summary>
        public static readonly StatusKey ForceCalibration = new StatusKey("forceCal", StatusValueKind.CalibrationTag, Online, null, false);

        /// <summary>"visionCal": vision calibration tag.</summary>
        public static readonly StatusKey VisionCalibration = new StatusKey("visionCal", StatusValueKind.CalibrationTag, Online, null, false);

        /// <summary>"trip": trip state.</summary>
        public static readonly StatusKey Trip = new StatusKey("trip", StatusValueKind.Name, Online, TripStateNames.Names, false);

        /// <summary>"cause": rule of the latched trip.</summary>
        public static readonly StatusKey Cause = new StatusKey("cause", StatusValueKind.Name, Online, TripRuleNames.Names, true);

        /// <summary>"response": response class of the latched trip.</summary>
        public static readonly StatusKey Response = new StatusKey("response", StatusValueKind.Name, Online, ResponseClassNames.Names, true);

        /// <summary>"tripEventId": event id of the latched trip.</summary>
        public static readonly StatusKey TripEventId = new StatusKey("tripEventId", StatusValueKind.NonNegative, Online, null, false);

        /// <summary>"loopPeriodUs": configured loop period.</summary>
        public static readonly StatusKey LoopPeriod = new StatusKey("loopPeriodUs", StatusValueKind.Counter, Online, null, false);

        /// <summary>"maxStepUs": longest loop step since boot.</summary>
        public static readonly StatusKey MaxStep = new StatusKey("maxStepUs", StatusValueKind.Counter, Online, null, false);

        /// <summary>"overruns": loop overruns since boot.</summary>
        public static readonly StatusKey Overruns = new StatusKey("overruns", StatusValueKind.Counter, Online, null, false);

        /// <summary>"journalDepth": events journaled and not yet acknowledged.</summary>
        public static readonly StatusKey JournalDepth = new StatusKey("journalDepth", StatusValueKind.Counter, Online, null, false);

        /// <summary>"journalDropped": events the journal dropped since boot.</summary>
        public static readonly StatusKey JournalDropped = new StatusKey("journalDropped", StatusValueKind.Counter, Online, null, false);

        /// <summary>"framesDropped": frames dropped from the outage ring since boot.</summary>
        public static readonly StatusKey FramesDropped = new StatusKey("framesDropped", StatusValueKind.Counter, Online, null, false);

        /// <summary>"reconnects": MQTT reconnects since boot.</summary>
        public static readonly StatusKey Reconnects = new StatusKey("reconnects", StatusValueKind.Counter, Online, null, false);

        /// <summary>"hostOnline": whether the node sees the bridge online.</summary>
        public static readonly StatusKey HostOnline = new StatusKey("hostOnline", StatusValueKind.Boolean, Online, null, false);

        /// <summary>"timeQuality": time quality.</summary>
        public static readonly StatusKey TimeQuality = new StatusKey("timeQuality", StatusValueKind.Name, Online, TimeQualityNames.Names, false);

        /// <summary>"timeUncertaintyUs": time uncertainty.</summary>
        public static readonly StatusKey TimeUncertainty = new StatusKey("timeUncertaintyUs", StatusValueKind.Counter, Online, null, false);

        /// <summary>"freeBytes": free managed memory, when the board reports it.</summary>
        public static readonly StatusKey FreeBytes = new StatusKey("freeBytes", StatusValueKind.Counter, StatusKeyPresence.WhenOnlineOptional, null, false);

        /// <summary>Every key in write order; a key's <see cref="StatusKey.Index"/> is its position here.</summary>
        public static readonly StatusKey[] All =
        {
            Version, Cell, Node, IsOnline, Firmware, Board, Uptime, BootId, PolicyId, PolicyHash, StagedPolicyId,
            ForceCalibration, VisionCalibration, Trip, Cause, Response, TripEventId, LoopPeriod, MaxStep, Overruns,
            JournalDepth, JournalDropped, FramesDropped, Reconnects, HostOnline, TimeQuality, TimeUncertainty, FreeBytes,
        };

        /// <summary>Keys every status must carry.</summary>
        public static readonly long RequiredOffline;

        /// <summary>Keys every online status must carry.</summary>
        public static readonly long RequiredOnline;

        static StatusKeys()
        {
            for (int i = 0; i < All.Length; i++)
            {
                StatusKey key = All[i];
                key.Index = i;
                if (key.Presence == StatusKeyPresence.Always)
                {
                    RequiredOffline |= key.Bit;
                }

                if (key.Presence != StatusKeyPresence.WhenOnlineOptional)
                {
                    RequiredOnline |= key.Bit;
                }
            }
        }

        /// <summary>The key named <paramref name="name"/>, or null when the status has no such key.</summary>
        public static StatusKey? Find(string name)
        {
            for (int i = 0; i < All.Length; i++)
            {
                if (All[i].Name == name)
                {
                    return All[i];
                }
            }

            return null;
        }
    }
}
