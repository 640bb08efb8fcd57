using System;
using Jidoka.Node.Hardware;

namespace Jidoka.Boards.Logic.Store
{
    /// <summary>
    /// The core's persistent store as one small file per slot (<c>jidoka-NNN.slot</c> under the board's
    /// storage root). On the ESP32 the root is the littlefs volume I:, where a file written and closed
    /// replaces the old one atomically (littlefs is copy-on-write and commits on close) and files this
    /// small live inline in directory metadata, so a write appends to a metadata log instead of erasing a
    /// 4 KiB sector. On a file system without that guarantee a torn write leaves a file that fails
    /// <see cref="SlotFileFormat"/>'s checks and reads as empty; the core's paired records and per-record
    /// CRCs are built for exactly that case. Not thread-safe by itself; the core calls it from the
    /// communication thread and at boot.
    /// </summary>
    public sealed class SlotFileStore : IPersistentStore
    {
        private readonly ISlotFileSystem _files;
        private readonly string[] _paths;
        private readonly byte[] _image;

        /// <summary>Creates a store of <paramref name="slotCount"/> slots of <paramref name="slotSizeBytes"/> under <paramref name="root"/> (for example "I:\").</summary>
        public SlotFileStore(ISlotFileSystem files, string root, int slotCount, int slotSizeBytes)
        {
            if (files == null || root == null || slotCount < 1 || slotCount > 999 || slotSizeBytes < 1 || slotSizeBytes > ushort.MaxValue)
            {
                throw new ArgumentException("slot file store");
            }

            _files = files;
            SlotSizeBytes = slotSizeBytes;
            _paths = new string[slotCount];
            for (int i = 0; i < slotCount; i++)
            {
                _paths[i] = PathOf(root, i);
            }

            // One image buffer, one byte larger than any valid file, so an oversized file is detected.
            _image = new byte[slotSizeBytes + SlotFileFormat.OverheadBytes + 1];
        }

        /// <inheritdoc/>
        public int SlotCount => _paths.Length;

        /// <inheritdoc/>
        public int SlotSizeBytes { get; }

        /// <summary>Slot files found but rejected (torn, corrupted, misplaced), since boot.</summary>
        public uint RejectedFiles { get; private set; }

        /// <summary>The file name of <paramref name="slot"/> under <paramref name="root"/>: "I:\jidoka-007.slot".</summary>
        public static string PathOf(string root, int slot)
        {
            char[] digits = new char[3];
            digits[0] = (char)('0' + ((slot / 100) % 10));
            digits[1] = (char)('0' + ((slot / 10) % 10));
            digits[2] = (char)('0' + (slot % 10));
            return root + "jidoka-" + new string(digits) + ".slot";
        }

        /// <inheritdoc/>
        public bool TryRead(int slot, byte[] buffer, int offset, out int length)
        {
            length = 0;
            CheckSlot(slot);
            if (!_files.TryReadFile(_paths[slot], _image, out int fileLength))
            {
                return false;
            }

            SlotFileProblem problem = SlotFileFormat.TryDecode(_image, fileLength, slot, buffer, offset, out length);
            if (problem != SlotFileProblem.None)
            {
                RejectedFiles++;
                return false;
            }

            return true;
        }

        /// <inheritdoc/>
        public void Write(int slot, byte[] buffer, int offset, int length)
        {
            CheckSlot(slot);
            if (length < 0 || length > SlotSizeBytes)
            {
                throw new ArgumentException("slot write length");
            }

            int fileLength = SlotFileFormat.Encode(slot, buffer, offset, length, _image);
            _files.WriteFile(_paths[slot], _image, fileLength);
        }

        /// <inheritdoc/>
        public void Erase(int slot)
        {
            CheckSlot(slot);
            _files.DeleteFile(_paths[slot]);
        }

        private void CheckSlot(int slot)
        {
            if (slot < 0 || slot >= _paths.Length)
            {
                throw new ArgumentException("slot number");
            }
        }
    }
}
