using Jidoka.Protocol;

namespace Jidoka.Node.Channels
{
    /// <summary>
    /// One two-channel interlock (guard door, light curtain or e-stop status contact). Each channel is
    /// debounced in the closing direction only: a contact that opens counts as open at once (the safe
    /// direction is never delayed, and it is what lets the pin-change path trip immediately), while a
    /// contact that closes must stay closed for the policy's debounce time before it counts. The pair
    /// is open when both channels count as open; the channels disagree when exactly one does, and a
    /// disagreement that lasts longer than the discrepancy time is a fault in the wiring or the switch.
    /// </summary>
    public sealed class InterlockPair
    {
        private readonly int _indexA;
        private bool _rawA;
        private bool _rawB;
        private ulong _rawChangeA;
        private ulong _rawChangeB;
        private bool _seen;

        /// <summary>Creates the pair for interlock channels <paramref name="indexA"/> and indexA+1.</summary>
        public InterlockPair(InputChannel channel, int indexA)
        {
            Channel = channel;
            _indexA = indexA;
        }

        /// <summary>Which interlock this is.</summary>
        public InputChannel Channel { get; }

        /// <summary>Index of channel A in the interlock channel array; channel B is the next one.</summary>
        public int IndexA => _indexA;

        /// <summary>Debounced level of channel A: true = closed.</summary>
        public bool ClosedA { get; private set; }

        /// <summary>Debounced level of channel B: true = closed.</summary>
        public bool ClosedB { get; private set; }

        /// <summary>True when both channels count as open.</summary>
        public bool IsOpen => !ClosedA && !ClosedB;

        /// <summary>True when the channels disagree.</summary>
        public bool IsDisagreeing { get; private set; }

        /// <summary>Monotonic µs at which the current disagreement began.</summary>
        public ulong DisagreeSinceUs { get; private set; }

        /// <summary>
        /// True from the update that first saw the current disagreement until the trip loop has journaled it
        /// (<see cref="MarkDisagreementRecorded"/>) or the channels agree again. It must outlive one update:
        /// the pin-change path updates the pair between steps, and the step that journals the discrepancy
        /// event would otherwise never see it begin.
        /// </summary>
        public bool DisagreementBegan { get; private set; }

        /// <summary>The trip loop has journaled the discrepancy event of the current disagreement.</summary>
        public void MarkDisagreementRecorded()
        {
            DisagreementBegan = false;
        }

        /// <summary>The two bits of this pair in the interlock byte.</summary>
        public byte Bits => (byte)((ClosedA ? 1 << _indexA : 0) | (ClosedB ? 1 << (_indexA + 1) : 0));

        /// <summary>How long the channels have disagreed at <paramref name="nowUs"/>, µs; 0 when they agree.</summary>
        public ulong DisagreementUs(ulong nowUs) => IsDisagreeing && nowUs > DisagreeSinceUs ? nowUs - DisagreeSinceUs : 0;

        /// <summary>True when the disagreement has lasted longer than <paramref name="discrepancyUs"/>.</summary>
        public bool IsDiscrepant(ulong nowUs, ulong discrepancyUs) => IsDisagreeing && DisagreementUs(nowUs) > discrepancyUs;

        /// <summary>Updates both channels from their raw levels (true = closed) read at <paramref name="nowUs"/>.</summary>
        public void Update(bool rawClosedA, bool rawClosedB, ulong nowUs, ulong debounceUs)
        {
            if (!_seen)
            {
                // At boot the first reading is taken as it is: nothing to debounce against yet.
                _seen = true;
                _rawA = rawClosedA;
                _rawB = rawClosedB;
                _rawChangeA = nowUs;
                _rawChangeB = nowUs;
                ClosedA = rawClosedA && debounceUs == 0;
                ClosedB = rawClosedB && debounceUs == 0;
            }

            if (rawClosedA != _rawA)
            {
                _rawA = rawClosedA;
                _rawChangeA = nowUs;
            }

            if (rawClosedB != _rawB)
            {
                _rawB = rawClosedB;
                _rawChangeB = nowUs;
            }

            ClosedA = Debounce(ClosedA, _rawA, _rawChangeA, nowUs, debounceUs);
            ClosedB = Debounce(ClosedB, _rawB, _rawChangeB, nowUs, debounceUs);
            bool disagree = ClosedA != ClosedB;
            if (disagree && !IsDisagreeing)
            {
                DisagreementBegan = true;
                DisagreeSinceUs = nowUs;
            }
            else if (!disagree)
            {
                DisagreementBegan = false;
            }

            IsDisagreeing = disagree;
        }

        /// <summary>
        /// An edge to "contact open" was reported on channel B (<paramref name="channelB"/>) or A at
        /// <paramref name="nowUs"/>: that channel counts open now, whatever it reads by the time the handler
        /// runs; a bounce back to closed must then hold for the debounce time before it counts closed.
        /// </summary>
        public void NoteOpened(bool channelB, ulong nowUs)
        {
            if (!_seen)
            {
                return;
            }

            if (channelB)
            {
                _rawB = false;
                _rawChangeB = nowUs;
                ClosedB = false;
            }
            else
            {
                _rawA = false;
                _rawChangeA = nowUs;
                ClosedA = false;
            }
        }

        private static bool Debounce(bool counted, bool raw, ulong rawChangeUs, ulong nowUs, ulong debounceUs)
        {
            if (!raw)
            {
                return false;
            }

            if (counted)
            {
                return true;
            }

            return nowUs >= rawChangeUs && nowUs - rawChangeUs >= debounceUs;
        }
    }
}
