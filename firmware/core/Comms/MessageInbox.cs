using System;
using Jidoka.Node.Hardware;

namespace Jidoka.Node.Comms
{
    /// <summary>
    /// A bounded queue of incoming MQTT messages between the board's receive handler and the
    /// communication side. The board calls <see cref="TryPost"/> from its client's receive event; the
    /// payload is copied into a preallocated entry with the receive time (the t4 of a time-sync answer),
    /// so nothing waits on the node's main lock. When full, new messages are refused and counted: the
    /// bridge repeats unacknowledged commands and acks, and a lost time-sync answer only delays a sync.
    /// </summary>
    public sealed class MessageInbox
    {
        /// <summary>
        /// Largest payload kept: an event ack with 32 ids (279 bytes) is the largest message a node
        /// subscribes to; commands are at most 121 bytes.
        /// </summary>
        public const int EntryBytesMax = 288;

        private readonly object _sync = new object();
        private readonly IMonotonicClock _clock;
        private readonly string[] _topics;
        private readonly byte[][] _payloads;
        private readonly int[] _lengths;
        private readonly ulong[] _receivedUs;
        private int _head;
        private int _count;

        /// <summary>Creates an inbox of <paramref name="capacity"/> entries.</summary>
        public MessageInbox(int capacity, IMonotonicClock clock)
        {
            Invariant.Require(capacity >= 1, "inbox capacity");
            _clock = clock;
            _topics = new string[capacity];
            _payloads = new byte[capacity][];
            for (int i = 0; i < capacity; i++)
            {
                _topics[i] = "";
                _payloads[i] = new byte[EntryBytesMax];
            }

            _lengths = new int[capacity];
            _receivedUs = new ulong[capacity];
        }

        /// <summary>Messages refused because the inbox was full or the payload too long, since boot.</summary>
        public uint Refused { get; private set; }

        /// <summary>Messages waiting.</summary>
        public int Count
        {
            get
            {
                lock (_sync)
                {
                    return _count;
                }
            }
        }

        /// <summary>
        /// Queues a received message. Safe from any thread. False (and counted) when the inbox is full or
        /// the payload longer than <see cref="EntryBytesMax"/>.
        /// </summary>
        public bool TryPost(string topic, byte[] payload, int offset, int length)
        {
            ulong nowUs = _clock.NowUs;
            lock (_sync)
            {
                if (topic == null || payload == null || offset < 0 || length < 0 || offset > payload.Length - length
                    || length > EntryBytesMax || _count == _topics.Length)
                {
                    Refused++;
                    return false;
                }

                int slot = (_head + _count) % _topics.Length;
                _topics[slot] = topic;
                Array.Copy(payload, offset, _payloads[slot], 0, length);
                _lengths[slot] = length;
                _receivedUs[slot] = nowUs;
                _count++;
                return true;
            }
        }

        /// <summary>Takes the oldest message, copying its payload into <paramref name="into"/> (at least <see cref="EntryBytesMax"/> bytes).</summary>
        public bool TryTake(byte[] into, out string topic, out int length, out ulong receivedUs)
        {
            lock (_sync)
            {
                if (_count == 0)
                {
                    topic = "";
                    length = 0;
                    receivedUs = 0;
                    return false;
                }

                topic = _topics[_head];
                length = _lengths[_head];
                receivedUs = _receivedUs[_head];
                Array.Copy(_payloads[_head], 0, into, 0, length);
                _topics[_head] = "";
                _head = (_head + 1) % _topics.Length;
                _count--;
                return true;
            }
        }
    }
}
