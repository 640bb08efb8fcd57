using System;
using Jidoka.Node.Engine;
using Jidoka.Protocol;

namespace Jidoka.Node.Store
{
    /// <summary>
    /// Moves the node's durable state between RAM and the store: everything at boot, and afterwards
    /// whatever changed, on the communication side. Records are snapshotted into the scratch buffer
    /// under the node's lock (a memory copy) and written outside it, so a slow flash write never holds
    /// up the loop. Event ids are handed out from a persisted reservation: an event is published only
    /// when its id is covered by a reservation already in the store, so no id the bridge has seen can be
    /// handed out again after a reboot, whichever write a power cut tears.
    /// </summary>
    public sealed class NodePersistence
    {
        private const int CountersBytes = 12;
        private const int LatchBytes = 12;

        private readonly NodeContext _c;
        private readonly RecordStore _store;
        private readonly EventMessage _event = new EventMessage();
        private readonly EventMessage _latchEvent = new EventMessage();

        /// <summary>Creates the persistence over the board's store.</summary>
        public NodePersistence(NodeContext context)
        {
            _c = context;
            _store = new RecordStore(context.Hardware.Store, context.Config.JournalCapacity);
        }

        /// <summary>Highest event id covered by a reservation known to be in the store.</summary>
        public ulong PersistedReservedUpTo { get; private set; }

        /// <summary>Store writes or erases that threw, since boot (retried on the next service call).</summary>
        public uint WriteErrors { get; private set; }

        /// <summary>Events that could not be encoded and were dropped (a bug if ever non-zero).</summary>
        public uint EncodeFailures { get; private set; }

        /// <summary>Store records that failed their checks (torn or foreign writes) since boot.</summary>
        public uint BadRecords => _store.BadRecords;

        /// <summary>Trip events put back into the journal at boot from the latch record's copy (their own write was lost).</summary>
        public uint RecoveredTripEvents { get; private set; }

        /// <summary>Highest event id found in the store at boot (the last event before the reboot), or 0.</summary>
        public ulong LastStoredEventId { get; private set; }

        /// <summary>
        /// Loads everything at boot (before the loop runs, so no lock is needed) and reserves the first
        /// block of event ids. Missing or invalid records fall back to the configuration's defaults.
        /// </summary>
        public void Load()
        {
            NodeContext c = _c;
            byte[] b = _store.Buffer;
            const int p = RecordStore.PayloadOffset;

            uint lastBoot = 0;
            ulong reserved = 0;
            if (_store.LoadPair(StoreLayout.CountersSlot, StoreRecordKind.Counters) == CountersBytes)
            {
                lastBoot = LittleEndian.ReadUInt32(b, p);
                reserved = LittleEndian.ReadUInt64(b, p + 4);
            }

            ulong maxStored = 0;
            for (int i = 0; i < c.Journal.Capacity; i++)
            {
                int length = _store.LoadJournal(i);
                if (length > 0 && EventCodec.TryDecode(b, p, length, _event).IsAccepted)
                {
                    _event.Flags = 0;
                    c.Journal.Restore(i, _event);
                    if (_event.EventId > maxStored)
                    {
                        maxStored = _event.EventId;
                    }
                }
            }

            LastStoredEventId = maxStored;
            ulong next = (reserved > maxStored ? reserved : maxStored) + 1;
            c.Journal.SetNextEventId(next);
            c.BootId = lastBoot == uint.MaxValue ? 1 : lastBoot + 1;
            PersistedReservedUpTo = reserved;
            try
            {
                WriteCounters();
            }
            catch (Exception)
            {
                // Publishing waits until a reservation is in the store; Flush retries it.
                WriteErrors++;
            }

            LoadPolicy();
            LoadCalibration(StoreLayout.ForceCalibrationSlot, InputChannel.Force, c.Force.Calibration, c.Config.DefaultForceCalibration);
            LoadCalibration(StoreLayout.VisionCalibrationSlot, InputChannel.Vision, c.Vision.Calibration, c.Config.DefaultVisionCalibration);
            LoadLatch();
        }

        /// <summary>
        /// Writes whatever changed: the latch first when it is being set (a trip must survive a power cut
        /// before anything else), journal events, then the latch when it is being cleared (a reset's
        /// event must be durable before the latch is gone), policies, calibrations and the id reservation.
        /// Returns false when a write failed (the rest is retried next call).
        /// </summary>
        public bool Flush()
        {
            try
            {
                bool latched;
                lock (_c.Sync)
                {
                    latched = _c.Latch.IsTripped;
                }

                if (latched)
                {
                    SaveItem(PersistItems.Latch);
                }

                FlushJournal();
                SaveItem(PersistItems.Latch);
                SaveItem(PersistItems.Policy);
                SaveItem(PersistItems.StagedPolicy);
                SaveItem(PersistItems.ForceCalibration);
                SaveItem(PersistItems.VisionCalibration);
                ulong next;
                lock (_c.Sync)
                {
                    next = _c.Journal.NextEventId;
                }

                if (next + (_c.Config.EventIdBlockSize / 2) > PersistedReservedUpTo)
                {
                    WriteCounters();
                }

                return true;
            }
            catch (Exception)
            {
                WriteErrors++;
                return false;
            }
        }

        private void FlushJournal()
        {
            byte[] b = _store.Buffer;
            for (int guard = 0; guard < _c.Journal.Capacity; guard++)
            {
                int slot;
                uint version;
                lock (_c.Sync)
                {
                    slot = _c.Journal.NextDirty();
                    if (slot < 0)
                    {
                        break;
                    }

                    version = _c.Journal.VersionOf(slot);
                    _event.CopyFrom(_c.Journal.At(slot));
                }

                _event.Flags = 0;
                EncodeResult encoded = EventCodec.TryEncode(_event, b, RecordStore.PayloadOffset);
                if (!encoded.IsWritten)
                {
                    // An event the protocol would reject can never be delivered; keeping it would block the journal.
                    lock (_c.Sync)
                    {
                        EncodeFailures++;
                        _c.Journal.Acknowledge(_event.EventId);
                    }

                    continue;
                }

                _store.WriteJournal(slot, encoded.BytesWritten);
                lock (_c.Sync)
                {
                    _c.Journal.MarkPersisted(slot, version);
                }
            }

            for (int guard = 0; guard < _c.Journal.Capacity; guard++)
            {
                int slot;
                uint version;
                lock (_c.Sync)
                {
                    slot = _c.Journal.NextToErase();
                    if (slot < 0)
                    {
                        break;
                    }

                    version = _c.Journal.VersionOf(slot);
                }

                _store.EraseJournal(slot);
                lock (_c.Sync)
                {
                    _c.Journal.MarkErased(slot, version);
                }
            }
        }

        private void SaveItem(int item)
        {
            byte[] b = _store.Buffer;
            const int p = RecordStore.PayloadOffset;
            int slot;
            StoreRecordKind kind;
            int length;
            uint generation;
            lock (_c.Sync)
            {
                if (!_c.Persist.IsDirty(item))
                {
                    return;
                }

                generation = _c.Persist.Generation(item);
                switch (item)
                {
                    case PersistItems.Latch:
                        slot = StoreLayout.LatchSlot;
                        kind = StoreRecordKind.Latch;
                        length = WriteLatch(b, p);
                        break;
                    case PersistItems.Policy:
                        slot = StoreLayout.PolicySlot;
                        kind = StoreRecordKind.Policy;
                        length = PolicyRecord.SizeBytes;
                        _c.Policy.Write(b, p);
                        break;
                    case PersistItems.StagedPolicy:
                        slot = StoreLayout.StagedPolicySlot;
                        kind = StoreRecordKind.StagedPolicy;
                        length = _c.HasStagedPolicy ? PolicyRecord.SizeBytes : 0;
                        if (_c.HasStagedPolicy)
                        {
                            _c.StagedPolicy.Write(b, p);
                        }

                        break;
                    case PersistItems.ForceCalibration:
                        slot = StoreLayout.ForceCalibrationSlot;
                        kind = StoreRecordKind.Calibration;
                        length = CalibrationRecord.SizeBytes;
                        _c.Force.Calibration.Write(b, p);
                        break;
                    default:
                        slot = StoreLayout.VisionCalibrationSlot;
                        kind = StoreRecordKind.Calibration;
                        length = CalibrationRecord.SizeBytes;
                        _c.Vision.Calibration.Write(b, p);
                        break;
                }
            }

            _store.WritePair(slot, kind, length);
            lock (_c.Sync)
            {
                _c.Persist.MarkSaved(item, generation);
            }
        }

        private void WriteCounters()
        {
            ulong next;
            lock (_c.Sync)
            {
                next = _c.Journal.NextEventId;
            }

            ulong reserve = next - 1 + _c.Config.EventIdBlockSize;
            byte[] b = _store.Buffer;
            LittleEndian.WriteUInt32(b, RecordStore.PayloadOffset, _c.BootId);
            LittleEndian.WriteUInt64(b, RecordStore.PayloadOffset + 4, reserve);
            _store.WritePair(StoreLayout.CountersSlot, StoreRecordKind.Counters, CountersBytes);
            PersistedReservedUpTo = reserve;
        }

        private void LoadPolicy()
        {
            NodeContext c = _c;
            PolicyRecord candidate = c.StagedPolicy;
            if (_store.LoadPair(StoreLayout.PolicySlot, StoreRecordKind.Policy) == PolicyRecord.SizeBytes)
            {
                candidate.Read(_store.Buffer, RecordStore.PayloadOffset);
            }
            else
            {
                candidate.PolicyId = 0;
            }

            c.ActivatePolicy(c.Config.CheckPolicy(candidate) == PolicyProblem.None ? candidate : c.Config.DefaultPolicy);
            c.Persist.MarkSaved(PersistItems.Policy, c.Persist.Generation(PersistItems.Policy));
            c.HasStagedPolicy = false;
            if (_store.LoadPair(StoreLayout.StagedPolicySlot, StoreRecordKind.StagedPolicy) == PolicyRecord.SizeBytes)
            {
                c.StagedPolicy.Read(_store.Buffer, RecordStore.PayloadOffset);
                c.HasStagedPolicy = c.Config.CheckPolicy(c.StagedPolicy) == PolicyProblem.None;
            }
        }

        private void LoadCalibration(int slot, InputChannel channel, CalibrationRecord into, CalibrationRecord fallback)
        {
            if (_store.LoadPair(slot, StoreRecordKind.Calibration) == CalibrationRecord.SizeBytes
                && into.Read(_store.Buffer, RecordStore.PayloadOffset).Length == 0
                && into.Validate() == CalibrationProblem.None
                && into.Channel == channel)
            {
                return;
            }

            into.CopyFrom(fallback);
        }

        // The latch record is written before the journal when a trip is set, so a power cut between the two
        // writes must not lose the trip's decision record: while the trip event is still held, the latch
        // record carries a full copy of it (161 bytes, the encoded event). Once the bridge has acknowledged
        // it, the short form (state, rule, response, channel, event id) is enough.
        private int WriteLatch(byte[] b, int p)
        {
            int slot = _c.Latch.IsTripped ? _c.Journal.FindSlot(_c.Latch.TripEventId) : -1;
            if (slot >= 0)
            {
                _latchEvent.CopyFrom(_c.Journal.At(slot));
                _latchEvent.Flags = 0;
                EncodeResult encoded = EventCodec.TryEncode(_latchEvent, b, p);
                if (encoded.IsWritten)
                {
                    return encoded.BytesWritten;
                }
            }

            b[p] = _c.Latch.IsTripped ? (byte)1 : (byte)0;
            b[p + 1] = (byte)_c.Latch.Rule;
            b[p + 2] = (byte)_c.Latch.Response;
            b[p + 3] = (byte)_c.Latch.Channel;
            LittleEndian.WriteUInt64(b, p + 4, _c.Latch.TripEventId);
            return LatchBytes;
        }

        private void LoadLatch()
        {
            byte[] b = _store.Buffer;
            const int p = RecordStore.PayloadOffset;
            int length = _store.LoadPair(StoreLayout.LatchSlot, StoreRecordKind.Latch);
            if (length == EventCodec.EncodedSize
                && EventCodec.TryDecode(b, p, length, _latchEvent).IsAccepted
                && _latchEvent.Type == EventType.Trip)
            {
                DecisionRecord r = _latchEvent.Record;
                _c.Latch.Latch(r.Rule, r.Response, r.Channel);
                _c.Latch.TripEventId = _latchEvent.EventId;
                if (_c.Journal.FindSlot(_latchEvent.EventId) < 0 && _c.Journal.Recover(_latchEvent))
                {
                    RecoveredTripEvents++;
                }

                return;
            }

            if (length != LatchBytes || b[p] != 1)
            {
                return;
            }

            TripRule rule = (TripRule)b[p + 1];
            ResponseClass response = (ResponseClass)b[p + 2];
            InputChannel channel = (InputChannel)b[p + 3];
            if (!TripRuleNames.IsDefined(rule) || rule == TripRule.None || rule == TripRule.ForceNearMiss
                || !ResponseClassNames.IsDefined(response) || response == ResponseClass.None || !InputChannelNames.IsDefined(channel))
            {
                // A latch record that says "tripped" but cannot say why is still a stop.
                rule = TripRule.SensorFault;
                response = ResponseClass.Maintenance;
                channel = InputChannel.None;
            }

            _c.Latch.Latch(rule, response, channel);
            _c.Latch.TripEventId = LittleEndian.ReadUInt64(b, p + 4);
        }
    }
}
