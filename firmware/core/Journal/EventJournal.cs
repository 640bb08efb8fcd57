using Jidoka.Protocol;

namespace Jidoka.Node.Journal
{
    /// <summary>
    /// The bounded event journal in RAM, mirrored slot for slot into the persistent store by the
    /// communication side. The trip loop appends (allocation-free: events are copied into preallocated
    /// <see cref="EventMessage"/> slots); the communication side persists dirty slots, publishes
    /// persisted ones in id order and drops a slot only when the bridge acknowledges its id.
    /// </summary>
    /// <remarks>
    /// Not thread-safe by itself: every call is made under the node's lock. Store writes and publishes
    /// happen outside the lock on copies; per-slot versions tell the communication side whether the slot
    /// changed while it was writing.
    /// </remarks>
    public sealed class EventJournal
    {
        private readonly EventMessage[] _events;
        private readonly bool[] _used;
        private readonly bool[] _dirty;
        private readonly bool[] _erase;
        private readonly bool[] _published;
        private readonly bool[] _replay;
        private readonly ulong[] _publishedAtUs;
        private readonly uint[] _version;
        private ulong _nextId;
        private int _count;
        private int _protectedCount;

        /// <summary>Creates an empty journal of <paramref name="capacity"/> slots.</summary>
        public EventJournal(int capacity)
        {
            Invariant.Require(capacity >= 2, "journal capacity");
            Capacity = capacity;
            _events = new EventMessage[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _events[i] = new EventMessage();
            }

            _used = new bool[capacity];
            _dirty = new bool[capacity];
            _erase = new bool[capacity];
            _published = new bool[capacity];
            _replay = new bool[capacity];
            _publishedAtUs = new ulong[capacity];
            _version = new uint[capacity];
            _nextId = 1;
        }

        /// <summary>Number of slots.</summary>
        public int Capacity { get; }

        /// <summary>Events held (not yet acknowledged).</summary>
        public int Count => _count;

        /// <summary>Events held that are never dropped.</summary>
        public int ProtectedCount => _protectedCount;

        /// <summary>The id the next appended event gets.</summary>
        public ulong NextEventId => _nextId;

        /// <summary>Events dropped because the journal was full, since boot.</summary>
        public uint DroppedTotal { get; private set; }

        /// <summary>Protected events that could not be stored (an invariant violation; should stay 0).</summary>
        public uint ProtectedLost { get; private set; }

        /// <summary>True when a drop has not yet been reported by a journal-overflow event.</summary>
        public bool OverflowPending { get; private set; }

        /// <summary>Acknowledgements for ids the journal does not hold (duplicates, late acks), since boot.</summary>
        public uint UnknownAcks { get; private set; }

        /// <summary>Sets the next id at boot, from the persisted reservation and the stored events.</summary>
        public void SetNextEventId(ulong nextId)
        {
            Invariant.Require(nextId >= 1 && nextId >= _nextId, "event ids only increase");
            _nextId = nextId;
        }

        /// <summary>
        /// True when <paramref name="events"/> protected events can be stored without dropping another
        /// protected one. The node asks before arming, resetting or changing configuration, so a trip
        /// always finds room.
        /// </summary>
        public bool HasRoomForProtected(int events) => Capacity - _protectedCount >= events;

        /// <summary>
        /// Appends a copy of <paramref name="message"/> with the next id; returns the id, or 0 when the
        /// event was dropped because the journal is full of events it may not drop for it.
        /// </summary>
        public ulong Append(EventMessage message)
        {
            int tier = EventTier.Of(message.Type);
            int slot = FindFree();
            if (slot < 0)
            {
                slot = Evict(tier);
            }

            if (slot < 0)
            {
                NoteDrop();
                if (tier == EventTier.Protected)
                {
                    ProtectedLost++;
                }

                return 0;
            }

            return Place(slot, message, tier);
        }

        /// <summary>
        /// Records the drop count: updates the pending overflow event in place if it has not been
        /// published yet, else appends one into a free slot or over a near-miss. Never evicts an
        /// informational event, so reporting an overflow cannot cascade. Returns the id used, or 0 when
        /// there is still no room (the report stays pending until an ack frees a slot).
        /// </summary>
        public ulong ReportOverflow(EventMessage overflowEvent)
        {
            Invariant.Require(overflowEvent.Type == EventType.JournalOverflow, "overflow event type");
            for (int i = 0; i < Capacity; i++)
            {
                if (_used[i] && !_published[i] && _events[i].Type == EventType.JournalOverflow)
                {
                    _events[i].Record.ObservedValue = DroppedTotal;
                    Touch(i);
                    OverflowPending = false;
                    return _events[i].EventId;
                }
            }

            int slot = FindFree();
            if (slot < 0)
            {
                slot = EvictOldest(EventTier.NearMiss);
            }

            if (slot < 0)
            {
                return 0;
            }

            overflowEvent.Record.ObservedValue = DroppedTotal;
            OverflowPending = false;
            return Place(slot, overflowEvent, EventTier.Informational);
        }

        /// <summary>Drops the event with <paramref name="eventId"/> because the bridge stored it. False when not held.</summary>
        public bool Acknowledge(ulong eventId)
        {
            for (int i = 0; i < Capacity; i++)
            {
                if (_used[i] && _events[i].EventId == eventId)
                {
                    Free(i);
                    return true;
                }
            }

            UnknownAcks++;
            return false;
        }

        /// <summary>
        /// Puts an event read back from the store at boot into its slot: persisted, not yet published in
        /// this boot, and flagged replayed when it is sent.
        /// </summary>
        public void Restore(int slot, EventMessage stored)
        {
            Invariant.Require(slot >= 0 && slot < Capacity && !_used[slot], "restore slot");
            _events[slot].CopyFrom(stored);
            _used[slot] = true;
            _dirty[slot] = false;
            _erase[slot] = false;
            _published[slot] = false;
            _replay[slot] = true;
            _version[slot]++;
            _count++;
            if (EventTier.Of(stored.Type) == EventTier.Protected)
            {
                _protectedCount++;
            }
        }

        /// <summary>Slot holding the event with <paramref name="eventId"/>, or -1 when it is not held.</summary>
        public int FindSlot(ulong eventId)
        {
            for (int i = 0; i < Capacity; i++)
            {
                if (_used[i] && _events[i].EventId == eventId)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Puts back, at boot, a protected event whose journal write was lost (power cut between the trip
        /// latch's write, which carries a copy of the trip event, and the journal's). It keeps its id, is
        /// written to the store again and is sent flagged replayed; a bridge that already stored it counts a
        /// duplicate. False when there is no room even after evicting informational events.
        /// </summary>
        public bool Recover(EventMessage lost)
        {
            int tier = EventTier.Of(lost.Type);
            int slot = FindFree();
            if (slot < 0)
            {
                slot = Evict(tier);
            }

            if (slot < 0)
            {
                return false;
            }

            Restore(slot, lost);
            Touch(slot);
            if (lost.EventId >= _nextId)
            {
                _nextId = lost.EventId + 1;
            }

            return true;
        }

        /// <summary>Marks every held event to be sent again, flagged replayed (after a reconnect or a bridge restart).</summary>
        public void MarkAllForReplay()
        {
            for (int i = 0; i < Capacity; i++)
            {
                if (_used[i])
                {
                    _replay[i] = true;
                    _published[i] = false;
                }
            }
        }

        /// <summary>Marks held events as held over an outage, so their first send carries the replayed flag.</summary>
        public void MarkHeldOverOutage()
        {
            for (int i = 0; i < Capacity; i++)
            {
                if (_used[i])
                {
                    _replay[i] = true;
                }
            }
        }

        /// <summary>Slot of a held event whose store copy is stale, or -1.</summary>
        public int NextDirty()
        {
            int best = -1;
            for (int i = 0; i < Capacity; i++)
            {
                if (_used[i] && _dirty[i] && (best < 0 || _events[i].EventId < _events[best].EventId))
                {
                    best = i;
                }
            }

            return best;
        }

        /// <summary>Slot freed since it was persisted whose store copy must be erased, or -1.</summary>
        public int NextToErase()
        {
            for (int i = 0; i < Capacity; i++)
            {
                if (_erase[i])
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Slot of the persisted event with the smallest id that is due to be sent (never sent, or sent
        /// longer than <paramref name="ackTimeoutUs"/> ago without an ack) and whose id is at most
        /// <paramref name="maxId"/> (the persisted id reservation), or -1.
        /// </summary>
        public int NextToPublish(ulong nowUs, ulong ackTimeoutUs, ulong maxId)
        {
            int best = -1;
            for (int i = 0; i < Capacity; i++)
            {
                if (!_used[i] || _dirty[i] || _events[i].EventId > maxId)
                {
                    continue;
                }

                bool due = !_published[i] || (nowUs >= _publishedAtUs[i] && nowUs - _publishedAtUs[i] >= ackTimeoutUs);
                if (due && (best < 0 || _events[i].EventId < _events[best].EventId))
                {
                    best = i;
                }
            }

            return best;
        }

        /// <summary>The event in <paramref name="slot"/> (read under the node's lock only).</summary>
        public EventMessage At(int slot) => _events[slot];

        /// <summary>Version of <paramref name="slot"/>; changes whenever its contents or state change.</summary>
        public uint VersionOf(int slot) => _version[slot];

        /// <summary>True when the next send of <paramref name="slot"/> must carry the replayed flag.</summary>
        public bool IsReplay(int slot) => _replay[slot];

        /// <summary>True when <paramref name="slot"/> holds an event.</summary>
        public bool IsUsed(int slot) => _used[slot];

        /// <summary>True when <paramref name="slot"/>'s store copy is stale.</summary>
        public bool IsDirty(int slot) => _dirty[slot];

        /// <summary>Records that <paramref name="slot"/> was written to the store at <paramref name="version"/>.</summary>
        public void MarkPersisted(int slot, uint version)
        {
            if (_version[slot] == version)
            {
                _dirty[slot] = false;
            }
        }

        /// <summary>Records that <paramref name="slot"/>'s store copy was erased at <paramref name="version"/>.</summary>
        public void MarkErased(int slot, uint version)
        {
            if (_version[slot] == version)
            {
                _erase[slot] = false;
            }
        }

        /// <summary>Records that the event with <paramref name="eventId"/> in <paramref name="slot"/> was handed to the broker.</summary>
        public void MarkPublished(int slot, ulong eventId, ulong nowUs)
        {
            if (_used[slot] && _events[slot].EventId == eventId)
            {
                _published[slot] = true;
                _publishedAtUs[slot] = nowUs;

                // Any later send of the same id is a resend.
                _replay[slot] = true;
            }
        }

        /// <summary>The largest id held, or 0.</summary>
        public ulong MaxHeldId()
        {
            ulong max = 0;
            for (int i = 0; i < Capacity; i++)
            {
                if (_used[i] && _events[i].EventId > max)
                {
                    max = _events[i].EventId;
                }
            }

            return max;
        }

        /// <summary>Counts held events of <paramref name="type"/> (diagnostics and tests).</summary>
        public int CountOf(EventType type)
        {
            int n = 0;
            for (int i = 0; i < Capacity; i++)
            {
                if (_used[i] && _events[i].Type == type)
                {
                    n++;
                }
            }

            return n;
        }

        private ulong Place(int slot, EventMessage message, int tier)
        {
            EventMessage target = _events[slot];
            target.CopyFrom(message);
            target.EventId = _nextId;
            target.Flags = 0;
            _nextId++;
            _used[slot] = true;
            _published[slot] = false;
            _replay[slot] = false;
            _erase[slot] = false;
            Touch(slot);
            _count++;
            if (tier == EventTier.Protected)
            {
                _protectedCount++;
            }

            Invariant.Require(_count <= Capacity && _protectedCount <= _count, "journal counts");
            return target.EventId;
        }

        private void Touch(int slot)
        {
            _dirty[slot] = true;
            _version[slot]++;
        }

        private int FindFree()
        {
            for (int i = 0; i < Capacity; i++)
            {
                if (!_used[i])
                {
                    return i;
                }
            }

            return -1;
        }

        private int Evict(int newTier)
        {
            int slot = EvictOldest(EventTier.NearMiss);
            if (slot < 0 && newTier >= EventTier.Informational)
            {
                slot = EvictOldest(EventTier.Informational);
            }

            return slot;
        }

        private int EvictOldest(int tier)
        {
            int oldest = -1;
            for (int i = 0; i < Capacity; i++)
            {
                if (_used[i] && EventTier.Of(_events[i].Type) == tier && (oldest < 0 || _events[i].EventId < _events[oldest].EventId))
                {
                    oldest = i;
                }
            }

            if (oldest >= 0)
            {
                Free(oldest);
                NoteDrop();
            }

            return oldest;
        }

        private void NoteDrop()
        {
            DroppedTotal++;
            OverflowPending = true;
        }

        private void Free(int slot)
        {
            if (EventTier.Of(_events[slot].Type) == EventTier.Protected)
            {
                _protectedCount--;
            }

            _used[slot] = false;
            _dirty[slot] = false;
            _published[slot] = false;
            _erase[slot] = true;
            _version[slot]++;
            _count--;
            Invariant.Require(_count >= 0 && _protectedCount >= 0, "journal counts");
        }
    }
}
