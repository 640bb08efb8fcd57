namespace Jidoka.Node.Store
{
    /// <summary>What a store record holds (byte 1 of its framing), so a record read from the wrong slot is rejected.</summary>
    public enum StoreRecordKind : byte
    {
        /// <summary>Not a record.</summary>
        None = 0,

        /// <summary>Boot counter u32, reserved event ids up to u64.</summary>
        Counters = 1,

        /// <summary>A 47-byte policy record.</summary>
        Policy = 2,

        /// <summary>A staged policy record, or an empty payload for none.</summary>
        StagedPolicy = 3,

        /// <summary>A 53-byte calibration record.</summary>
        Calibration = 4,

        /// <summary>Trip latch: latched u8, rule u8, response u8, trip event id u64.</summary>
        Latch = 5,

        /// <summary>One encoded event message, exactly as it goes on the wire (flags 0).</summary>
        Event = 6,
    }
}
