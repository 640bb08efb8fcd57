using Jidoka.Protocol;

namespace Jidoka.Node.Engine
{
    /// <summary>
    /// Builds events in one reused message and appends them to the journal: provenance and the input
    /// snapshot are filled here so that no event can leave without them. When the journal had to drop
    /// something, a journal-overflow event reports the running count. Allocation-free; under the lock.
    /// </summary>
    public sealed class EventRecorder
    {
        private readonly NodeContext _context;
        private readonly EventMessage _scratch = new EventMessage();
        private readonly EventMessage _overflow = new EventMessage();

        /// <summary>Creates the recorder for <paramref name="context"/>.</summary>
        public EventRecorder(NodeContext context)
        {
            _context = context;
        }

        /// <summary>
        /// Starts an event of <paramref name="type"/> at <paramref name="monoUs"/>; returns its decision
        /// record for the caller to fill, then call <see cref="Commit"/>.
        /// </summary>
        public DecisionRecord Begin(EventType type, ulong monoUs)
        {
            Prepare(_scratch, type, monoUs);
            return _scratch.Record;
        }

        /// <summary>Appends the event begun last; returns its id, or 0 when the journal dropped it.</summary>
        public ulong Commit()
        {
            ulong id = _context.Journal.Append(_scratch);
            if (_context.Journal.OverflowPending)
            {
                Prepare(_overflow, EventType.JournalOverflow, _scratch.MonoUs);
                _context.Journal.ReportOverflow(_overflow);
            }

            return id;
        }

        /// <summary>Reports a drop that could not be reported when it happened (called after acks free slots).</summary>
        public void ReportPendingOverflow(ulong monoUs)
        {
            if (_context.Journal.OverflowPending)
            {
                Prepare(_overflow, EventType.JournalOverflow, monoUs);
                _context.Journal.ReportOverflow(_overflow);
            }
        }

        private void Prepare(EventMessage message, EventType type, ulong monoUs)
        {
            message.Type = type;
            message.Flags = 0;
            message.NodeId = _context.Config.NodeId;
            message.BootId = _context.BootId;
            message.MonoUs = monoUs;
            _context.FillProvenance(message.Provenance, monoUs);
            message.Record.Clear();
            _context.FillSnapshot(message.Record);
        }
    }
}
