using System;
using System.IO;
using System.Linq;
using Jidoka.Boards.Logic.Store;
using Jidoka.Node.Store;
using Xunit;

namespace Jidoka.Boards.Logic.Tests;

public sealed class SlotFileStoreTests
{
    private const int SlotSize = StoreLayout.SlotSizeBytesMin;

    private static byte[] Payload(int length, byte seed) => Enumerable.Range(0, length).Select(i => (byte)(seed + (i * 7))).ToArray();

    [Fact]
    public void Slot_files_are_named_by_three_digit_slot_number_under_the_root()
    {
        Assert.Equal(@"I:\jidoka-000.slot", SlotFileStore.PathOf(@"I:\", 0));
        Assert.Equal(@"I:\jidoka-075.slot", SlotFileStore.PathOf(@"I:\", 75));
        Assert.Equal("sim-store/jidoka-999.slot", SlotFileStore.PathOf("sim-store/", 999));
    }

    [Fact]
    public void A_written_slot_reads_back_exactly_and_other_slots_stay_empty()
    {
        var fs = new MemoryFileSystem();
        var store = new SlotFileStore(fs, @"I:\", 76, SlotSize);
        byte[] payload = Payload(SlotSize, 3);
        store.Write(12, payload, 0, payload.Length);

        var into = new byte[SlotSize + 5];
        Assert.True(store.TryRead(12, into, 5, out int length));
        Assert.Equal(payload.Length, length);
        Assert.Equal(payload, into.Skip(5).ToArray());
        Assert.False(store.TryRead(13, into, 0, out length));
        Assert.Equal(0, length);
        Assert.Equal(SlotSize + SlotFileFormat.OverheadBytes, fs.Files[@"I:\jidoka-012.slot"].Length);
    }

    [Fact]
    public void An_empty_payload_is_a_valid_slot()
    {
        var store = new SlotFileStore(new MemoryFileSystem(), "r/", 4, SlotSize);
        store.Write(1, [], 0, 0);
        Assert.True(store.TryRead(1, new byte[SlotSize], 0, out int length));
        Assert.Equal(0, length);
    }

    [Fact]
    public void Erase_empties_the_slot_and_erasing_an_empty_slot_is_harmless()
    {
        var fs = new MemoryFileSystem();
        var store = new SlotFileStore(fs, "r/", 4, SlotSize);
        store.Write(2, Payload(10, 1), 0, 10);
        store.Erase(2);
        store.Erase(3);
        Assert.False(store.TryRead(2, new byte[SlotSize], 0, out _));
        Assert.Empty(fs.Files);
    }

    [Fact]
    public void A_file_torn_at_any_length_reads_as_empty_and_is_counted()
    {
        byte[] payload = Payload(SlotSize, 9);
        int fileLength = SlotSize + SlotFileFormat.OverheadBytes;
        for (int kept = 0; kept < fileLength; kept++)
        {
            var fs = new MemoryFileSystem();
            var store = new SlotFileStore(fs, "r/", 20, SlotSize);
            fs.TearNextWriteAfterBytes = kept;
            Assert.Throws<IOException>(() => store.Write(14, payload, 0, payload.Length));
            Assert.False(store.TryRead(14, new byte[SlotSize], 0, out int length), $"torn after {kept} bytes");
            Assert.Equal(0, length);
            Assert.Equal(1u, store.RejectedFiles);
        }
    }

    [Fact]
    public void Any_single_bit_flip_is_detected()
    {
        var fs = new MemoryFileSystem();
        var store = new SlotFileStore(fs, "r/", 20, SlotSize);
        store.Write(5, Payload(40, 2), 0, 40);
        byte[] original = fs.Files["r/jidoka-005.slot"];
        for (int bit = 0; bit < original.Length * 8; bit++)
        {
            byte[] flipped = (byte[])original.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            fs.Files["r/jidoka-005.slot"] = flipped;
            Assert.False(store.TryRead(5, new byte[SlotSize], 0, out _), $"bit {bit}");
        }
    }

    [Fact]
    public void A_valid_file_of_another_slot_is_refused()
    {
        var fs = new MemoryFileSystem();
        var store = new SlotFileStore(fs, "r/", 20, SlotSize);
        store.Write(4, Payload(30, 4), 0, 30);
        fs.Files["r/jidoka-006.slot"] = fs.Files["r/jidoka-004.slot"];
        Assert.False(store.TryRead(6, new byte[SlotSize], 0, out _));
        Assert.Equal(SlotFileProblem.WrongSlot, SlotFileFormat.TryDecode(fs.Files["r/jidoka-006.slot"], fs.Files["r/jidoka-006.slot"].Length, 6, new byte[SlotSize], 0, out _));
    }

    [Fact]
    public void An_oversized_or_foreign_file_is_refused()
    {
        var fs = new MemoryFileSystem();
        var store = new SlotFileStore(fs, "r/", 20, SlotSize);
        store.Write(1, Payload(SlotSize, 1), 0, SlotSize);
        fs.Files["r/jidoka-001.slot"] = fs.Files["r/jidoka-001.slot"].Concat(new byte[1]).ToArray();
        Assert.False(store.TryRead(1, new byte[SlotSize], 0, out _));
        fs.Files["r/jidoka-002.slot"] = new byte[5000];
        Assert.False(store.TryRead(2, new byte[SlotSize], 0, out _));
        Assert.Equal(2u, store.RejectedFiles);
    }

    [Fact]
    public void Writes_larger_than_a_slot_and_slots_out_of_range_are_refused()
    {
        var store = new SlotFileStore(new MemoryFileSystem(), "r/", 20, SlotSize);
        Assert.Throws<ArgumentException>(() => store.Write(0, new byte[SlotSize + 1], 0, SlotSize + 1));
        Assert.Throws<ArgumentException>(() => store.Write(20, new byte[1], 0, 1));
        Assert.Throws<ArgumentException>(() => store.TryRead(-1, new byte[SlotSize], 0, out _));
        Assert.Throws<ArgumentException>(() => store.Erase(20));
        Assert.Throws<ArgumentException>(() => new SlotFileStore(new MemoryFileSystem(), "r/", 1000, SlotSize));
    }

    [Fact]
    public void A_payload_too_long_for_the_callers_buffer_is_refused_rather_than_overrun()
    {
        var store = new SlotFileStore(new MemoryFileSystem(), "r/", 2, SlotSize);
        store.Write(0, Payload(100, 1), 0, 100);
        Assert.False(store.TryRead(0, new byte[120], 30, out _));
    }
}

public sealed class StoreProbeTests
{
    private sealed class BrokenFileSystem(bool throwOnWrite, bool corrupt) : Jidoka.Boards.Logic.Store.ISlotFileSystem
    {
        private byte[] _content = [];

        public bool TryReadFile(string path, byte[] buffer, out int fileLength)
        {
            Array.Copy(_content, buffer, Math.Min(_content.Length, buffer.Length));
            fileLength = _content.Length;
            return _content.Length > 0;
        }

        public void WriteFile(string path, byte[] buffer, int length)
        {
            if (throwOnWrite)
            {
                throw new IOException("no volume I:");
            }

            _content = buffer.AsSpan(0, length).ToArray();
            if (corrupt)
            {
                _content[3] ^= 0x10;
            }
        }

        public void DeleteFile(string path) => _content = [];
    }

    [Fact]
    public void A_working_volume_passes_and_is_left_clean()
    {
        var fs = new MemoryFileSystem();
        Assert.True(StoreProbe.Check(fs, @"I:\"));
        Assert.Empty(fs.Files);
    }

    [Fact]
    public void A_missing_volume_or_one_that_corrupts_data_fails_without_throwing()
    {
        Assert.False(StoreProbe.Check(new BrokenFileSystem(throwOnWrite: true, corrupt: false), @"I:\"));
        Assert.False(StoreProbe.Check(new BrokenFileSystem(throwOnWrite: false, corrupt: true), @"I:\"));
    }
}
