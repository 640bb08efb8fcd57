namespace Jidoka.Node.Hardware
{
    /// <summary>
    /// Byte-oriented persistent storage organised as numbered slots of equal size: the journal, the boot
    /// and event-id counters, the policy, the calibrations and the trip latch each live in slots whose
    /// numbers <see cref="Store.StoreLayout"/> fixes. The core frames every record with a magic byte,
    /// a sequence number and a CRC-32, so a torn write (power lost mid-write) reads back as a bad record
    /// and the core falls back to the other copy. A board implements this over flash or a file system;
    /// the simulator over files it can tear on purpose.
    /// </summary>
    /// <remarks>Called only from the communication side and at boot, never from the trip loop.</remarks>
    public interface IPersistentStore
    {
        /// <summary>Number of slots, numbered 0..SlotCount-1.</summary>
        int SlotCount { get; }

        /// <summary>Bytes each slot can hold.</summary>
        int SlotSizeBytes { get; }

        /// <summary>
        /// Copies the bytes last written to <paramref name="slot"/> into <paramref name="buffer"/> at
        /// <paramref name="offset"/>. False when the slot is empty or cannot be read; then
        /// <paramref name="length"/> is 0.
        /// </summary>
        bool TryRead(int slot, byte[] buffer, int offset, out int length);

        /// <summary>
        /// Replaces the contents of <paramref name="slot"/> with <paramref name="length"/> bytes. May
        /// throw on an I/O error; the core counts it and retries later.
        /// </summary>
        void Write(int slot, byte[] buffer, int offset, int length);

        /// <summary>Empties <paramref name="slot"/>. May throw on an I/O error.</summary>
        void Erase(int slot);
    }
}
