namespace Jidoka.Protocol
{
    /// <summary>What a journaled event records. Byte 3 of an event message.</summary>
    public enum EventType : byte
    {
        /// <summary>Not an event type; never on the wire.</summary>
        None = 0,

        /// <summary>The node booted; argument = reset cause code of the board, related id = last event before the reboot.</summary>
        Boot = 1,

        /// <summary>A rule tripped the stop output; the body is the decision record.</summary>
        Trip = 2,

        /// <summary>A latched trip was reset; reason code = <see cref="ResetSource"/>, operator id set for commands, related id = the trip.</summary>
        Reset = 3,

        /// <summary>A reset was asked for and refused; reason code = <see cref="CommandReason"/>.</summary>
        ResetRefused = 4,

        /// <summary>Force entered the warning band and left it without tripping; observed value = peak.</summary>
        NearMiss = 5,

        /// <summary>Two channels of an interlock disagreed (recorded when first seen, before the discrepancy time).</summary>
        Discrepancy = 6,

        /// <summary>A sensor fault was detected or cleared while a trip was already latched.</summary>
        SensorFault = 7,

        /// <summary>A policy became active; argument = the new policy id.</summary>
        PolicyApplied = 8,

        /// <summary>A policy was received while tripped and staged; argument = the staged policy id.</summary>
        PolicyStaged = 9,

        /// <summary>A policy was rejected; reason code = <see cref="PolicyProblem"/>, argument = its policy id.</summary>
        PolicyRejected = 10,

        /// <summary>A calibration changed; channel set; argument = (calibration id &lt;&lt; 16) | version.</summary>
        CalibrationChanged = 11,

        /// <summary>The force channel was tared; observed value = the new offset in counts.</summary>
        Tare = 12,

        /// <summary>The previous run ended in a watchdog reset (reported at boot).</summary>
        Watchdog = 13,

        /// <summary>The wall-clock offset stepped; observed value = step in µs, limit value = the step threshold.</summary>
        ClockStep = 14,

        /// <summary>The journal was full and dropped events; observed value = events dropped so far.</summary>
        JournalOverflow = 15,

        /// <summary>A loop step overran its deadline; observed value = step µs, limit value = deadline µs.</summary>
        LoopOverrun = 16,

        /// <summary>A command was rejected; reason code = <see cref="CommandReason"/>, argument = command id.</summary>
        CommandRejected = 17,
    }

    /// <summary>Names of <see cref="EventType"/> values as status JSON, cases and logs spell them.</summary>
    public static class EventTypeNames
    {
        private static readonly string[] Names = { "none", "boot", "trip", "reset", "reset-refused", "near-miss", "discrepancy", "sensor-fault", "policy-applied", "policy-staged", "policy-rejected", "calibration-changed", "tare", "watchdog", "clock-step", "journal-overflow", "loop-overrun", "command-rejected" };

        /// <summary>True when <paramref name="value"/> is a defined value.</summary>
        public static bool IsDefined(EventType value) => NameTable.IsDefined(Names, (int)value);

        /// <summary>The name of <paramref name="value"/>.</summary>
        public static string Name(EventType value) => NameTable.Lookup(Names, (int)value);

        /// <summary>Parses a name produced by <see cref="Name"/>.</summary>
        public static bool TryParse(string name, out EventType value)
        {
            int index = NameTable.IndexOf(Names, name);
            value = (EventType)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
