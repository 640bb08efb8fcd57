using System;

namespace Jidoka.Boards.Logic.Network
{
    /// <summary>
    /// Preallocated buffers for QoS 0 publishes (the frames), so a frame at 20 frames/s leaves no garbage.
    /// nanoFramework.M2Mqtt 5.1.218 keeps a reference to the array it is given (MqttMsgPublish.Message)
    /// and copies it into the wire buffer only when its send thread sends the message, so the caller's
    /// reused encode buffer cannot be handed over; one of these slots can, because a slot is reused only
    /// after enough later QoS 0 publishes that M2Mqtt has sent its message. M2Mqtt refuses a publish when
    /// its inflight queue holds InflightQueueSize messages; its one send thread sends them in order and
    /// never requeues a QoS 0 message; the link enqueues (publish, subscribe) from one lock, and the
    /// receive thread may add one acknowledgement past the limit
    /// between its check and its enqueue. So once InflightQueueSize + 2 later QoS 0 messages were
    /// accepted, a slot's message has left the queue and its send has returned; the ring has one slot
    /// more than that. A slot's array has exactly the message's length (M2Mqtt sends Message.Length
    /// bytes) and is reallocated only when the length changes, which a steady frame size does not.
    /// </summary>
    public sealed class PublishBufferRing
    {
        private readonly byte[][] _slots;
        private int _next;

        /// <summary>A ring for a client whose inflight queue holds <paramref name="inflightQueueSize"/> messages.</summary>
        public PublishBufferRing(int inflightQueueSize)
        {
            if (inflightQueueSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(inflightQueueSize));
            }

            _slots = new byte[inflightQueueSize + 3][];
            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i] = new byte[0];
            }
        }

        /// <summary>Slots in the ring.</summary>
        public int SlotCount => _slots.Length;

        /// <summary>Arrays allocated because a slot's length did not match (0 once the frame size is steady).</summary>
        public uint Reallocations { get; private set; }

        /// <summary>
        /// The next slot, holding a copy of <paramref name="payload"/>[0, <paramref name="length"/>). It stays
        /// the next slot until <see cref="Accepted"/>: a publish that M2Mqtt refused left nothing in its queue.
        /// </summary>
        public byte[] Fill(byte[] payload, int length)
        {
            if (length < 0 || length > payload.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            byte[] slot = _slots[_next];
            if (slot.Length != length)
            {
                slot = new byte[length];
                _slots[_next] = slot;
                Reallocations++;
            }

            Array.Copy(payload, slot, length);
            return slot;
        }

        /// <summary>M2Mqtt accepted the slot from the last <see cref="Fill"/>: the next Fill uses the next slot.</summary>
        public void Accepted()
        {
            _next++;
            if (_next == _slots.Length)
            {
                _next = 0;
            }
        }
    }
}
