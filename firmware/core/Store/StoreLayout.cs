using Jidoka.Protocol;

namespace Jidoka.Node.Store
{
    /// <summary>
    /// Which store slot holds what. Small records live in pairs written alternately (the newest valid
    /// copy wins), so a torn write leaves the previous copy readable; journal events take one slot each,
    /// and a torn event write loses only an event that was never published (the communication side
    /// publishes an event only after its slot was written).
    /// </summary>
    public static class StoreLayout
    {
        /// <summary>Boot counter and event-id reservation, slots 0 and 1.</summary>
        public const int CountersSlot = 0;

        /// <summary>Active policy, slots 2 and 3.</summary>
        public const int PolicySlot = 2;

        /// <summary>Staged policy (empty payload = none), slots 4 and 5.</summary>
        public const int StagedPolicySlot = 4;

        /// <summary>Force calibration, slots 6 and 7.</summary>
        public const int ForceCalibrationSlot = 6;

        /// <summary>Vision calibration, slots 8 and 9.</summary>
        public const int VisionCalibrationSlot = 8;

        /// <summary>Trip latch, slots 10 and 11.</summary>
        public const int LatchSlot = 10;

        /// <summary>First journal slot; journal slot i is store slot FirstJournalSlot + i.</summary>
        public const int FirstJournalSlot = 12;

        /// <summary>Smallest slot size: one encoded event plus the record framing.</summary>
        public const int SlotSizeBytesMin = StoreRecord.OverheadBytes + EventCodec.EncodedSize;

        /// <summary>Slots a store needs for a journal of <paramref name="journalCapacity"/> events.</summary>
        public static int SlotsRequired(int journalCapacity) => FirstJournalSlot + journalCapacity;
    }
}
