using System;
using System.IO;
using Jidoka.Node.Hardware;

namespace Jidoka.Node.TestKit;

/// <summary>A store in memory that survives "reboots" (the rig reuses it) and can tear a write.</summary>
public sealed class MemoryStore : IPersistentStore
{
    private readonly byte[][] _slots;
    private readonly int[] _lengths;

    public MemoryStore(int slots, int slotSize)
    {
        _slots = new byte[slots][];
        _lengths = new int[slots];
        for (int i = 0; i < slots; i++)
        {
            _slots[i] = new byte[slotSize];
        }

        SlotSizeBytes = slotSize;
    }

    public int SlotCount => _slots.Length;

    public int SlotSizeBytes { get; }

    public int Writes;

    // When >= 0, the next write to a slot in [TearFromSlot, TearToSlot] stores only this many bytes and then
    // "loses power" (throws), as a flash page write cut short does.
    public int TearNextWriteAfterBytes = -1;
    public int TearFromSlot;
    public int TearToSlot = int.MaxValue;

    public bool FailWrites;
    public int FailFromSlot;
    public int FailToSlot = int.MaxValue;

    public bool TryRead(int slot, byte[] buffer, int offset, out int length)
    {
        length = _lengths[slot];
        if (length == 0)
        {
            return false;
        }

        Array.Copy(_slots[slot], 0, buffer, offset, length);
        return true;
    }

    public void Write(int slot, byte[] buffer, int offset, int length)
    {
        if (FailWrites && slot >= FailFromSlot && slot <= FailToSlot)
        {
            throw new IOException("flash write failed");
        }

        if (TearNextWriteAfterBytes >= 0 && slot >= TearFromSlot && slot <= TearToSlot)
        {
            int n = Math.Min(TearNextWriteAfterBytes, length);
            TearNextWriteAfterBytes = -1;
            Array.Copy(buffer, offset, _slots[slot], 0, n);
            _lengths[slot] = Math.Max(_lengths[slot], n);
            throw new IOException("power lost mid-write");
        }

        Writes++;
        Array.Copy(buffer, offset, _slots[slot], 0, length);
        _lengths[slot] = length;
    }

    public void Erase(int slot)
    {
        if (FailWrites)
        {
            throw new IOException("flash erase failed");
        }

        _lengths[slot] = 0;
    }

    public int LengthOf(int slot) => _lengths[slot];

    public byte[] Raw(int slot) => _slots[slot];
}
