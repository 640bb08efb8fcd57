using Jidoka.Node.Hardware;

namespace Jidoka.Node.Store
{
    /// <summary>
    /// Reads and writes framed records on the board's <see cref="IPersistentStore"/>: paired records
    /// (newest valid copy wins, writes alternate) and single journal slots. Used at boot and by the
    /// communication side only; owns one scratch buffer, so calls must not overlap.
    /// </summary>
    public sealed class RecordStore
    {
        private const int PairCount = 6;

        private readonly IPersistentStore _store;
        private readonly byte[] _buffer;
        private readonly uint[] _sequence = new uint[PairCount];
        private readonly int[] _nextSlot = new int[PairCount];

        /// <summary>Wraps <paramref name="store"/>, which must have the slots and slot size the layout needs.</summary>
        public RecordStore(IPersistentStore store, int journalCapacity)
        {
            Invariant.Require(store.SlotCount >= StoreLayout.SlotsRequired(journalCapacity), "store has too few slots for the journal");
            Invariant.Require(store.SlotSizeBytes >= StoreLayout.SlotSizeBytesMin, "store slots too small for an event");
            _store = store;
            // The store may copy up to a whole slot, so the scratch buffer is a whole slot.
            _buffer = new byte[store.SlotSizeBytes];
            for (int i = 0; i < PairCount; i++)
            {
                _nextSlot[i] = i * 2;
            }
        }

        /// <summary>Payload area of the scratch buffer: callers write payloads at offset <see cref="PayloadOffset"/>.</summary>
        public byte[] Buffer => _buffer;

        /// <summary>Offset of the payload in <see cref="Buffer"/>.</summary>
        public const int PayloadOffset = 8;

        /// <summary>Records that failed their check when read (torn or foreign writes), since boot.</summary>
        public uint BadRecords { get; private set; }

        /// <summary>
        /// Loads the newest valid copy of the pair at <paramref name="firstSlot"/> into <see cref="Buffer"/>;
        /// returns its payload length, or -1 when neither copy is valid.
        /// </summary>
        public int LoadPair(int firstSlot, StoreRecordKind kind)
        {
            int pair = firstSlot / 2;
            int bestSlot = -1;
            uint bestSeq = 0;
            for (int s = firstSlot; s < firstSlot + 2; s++)
            {
                if (TryLoad(s, kind, out uint seq, out int _) && (bestSlot < 0 || (int)(seq - bestSeq) > 0))
                {
                    bestSlot = s;
                    bestSeq = seq;
                }
            }

            if (bestSlot < 0)
            {
                return -1;
            }

            _sequence[pair] = bestSeq;
            _nextSlot[pair] = bestSlot == firstSlot ? firstSlot + 1 : firstSlot;
            TryLoad(bestSlot, kind, out uint _, out int length);
            return length;
        }

        /// <summary>
        /// Writes the <paramref name="payloadLength"/> bytes at <see cref="PayloadOffset"/> of
        /// <see cref="Buffer"/> as the next copy of the pair at <paramref name="firstSlot"/>, over the
        /// older copy. May throw on an I/O error.
        /// </summary>
        public void WritePair(int firstSlot, StoreRecordKind kind, int payloadLength)
        {
            int pair = firstSlot / 2;
            uint seq = _sequence[pair] + 1;
            int length = StoreRecord.Seal(_buffer, kind, seq, payloadLength);
            int slot = _nextSlot[pair];
            _store.Write(slot, _buffer, 0, length);
            _sequence[pair] = seq;
            _nextSlot[pair] = slot == firstSlot ? firstSlot + 1 : firstSlot;
        }

        /// <summary>Loads journal slot <paramref name="index"/>; returns the event's byte length at <see cref="PayloadOffset"/>, or -1.</summary>
        public int LoadJournal(int index) =>
            TryLoad(StoreLayout.FirstJournalSlot + index, StoreRecordKind.Event, out uint _, out int length) ? length : -1;

        /// <summary>Writes the payload in <see cref="Buffer"/> to journal slot <paramref name="index"/>. May throw.</summary>
        public void WriteJournal(int index, int payloadLength)
        {
            int length = StoreRecord.Seal(_buffer, StoreRecordKind.Event, 0, payloadLength);
            _store.Write(StoreLayout.FirstJournalSlot + index, _buffer, 0, length);
        }

        /// <summary>Erases journal slot <paramref name="index"/>. May throw.</summary>
        public void EraseJournal(int index) => _store.Erase(StoreLayout.FirstJournalSlot + index);

        private bool TryLoad(int slot, StoreRecordKind kind, out uint sequence, out int payloadLength)
        {
            sequence = 0;
            payloadLength = 0;
            if (!_store.TryRead(slot, _buffer, 0, out int length))
            {
                return false;
            }

            if (length > _buffer.Length || !StoreRecord.TryOpen(_buffer, length, kind, out sequence, out payloadLength))
            {
                BadRecords++;
                return false;
            }

            return true;
        }
    }
}
