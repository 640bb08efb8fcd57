using System;
using Jidoka.Protocol;

namespace Jidoka.Node.Frames
{
    /// <summary>
    /// A bounded ring of frames in RAM: the loop fills the frame at the head sample by sample; the
    /// communication side takes committed frames from the tail. While the link or the bridge is down
    /// the ring fills, and when it is full the oldest committed frame is dropped and counted, so the
    /// newest data survives an outage and memory use is fixed at boot. Events never go through here.
    /// </summary>
    /// <remarks>Every call is made under the node's lock. <see cref="TryTakeOldest"/> copies with
    /// <see cref="Array.Copy(Array, int, Array, int, int)"/>, which is native on nanoFramework, so the
    /// loop is held up for microseconds, not for an encode.</remarks>
    public sealed class FrameRing
    {
        private readonly FrameMessage[] _frames;
        private int _head;
        private int _tail;
        private int _committed;
        private uint _nextSequence;

        /// <summary>Creates a ring of <paramref name="capacity"/> frames (one of them is the one being filled).</summary>
        public FrameRing(int capacity, string nodeId)
        {
            Invariant.Require(capacity >= 2, "frame ring capacity");
            _frames = new FrameMessage[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _frames[i] = new FrameMessage();
                _frames[i].NodeId = nodeId;
            }
        }

        /// <summary>Frames the ring can hold committed at once.</summary>
        public int CommittedCapacity => _frames.Length - 1;

        /// <summary>Committed frames waiting to be sent.</summary>
        public int Committed => _committed;

        /// <summary>Frames dropped oldest-first because the ring was full, since boot.</summary>
        public uint Dropped { get; private set; }

        /// <summary>Sequence number the next frame started will carry.</summary>
        public uint NextSequence => _nextSequence;

        /// <summary>True while the head frame has samples.</summary>
        public bool IsOpen => _frames[_head].SampleCount > 0;

        /// <summary>The frame being filled.</summary>
        public FrameMessage Head => _frames[_head];

        /// <summary>Starts the head frame; the caller fills its header fields.</summary>
        public FrameMessage Begin()
        {
            FrameMessage frame = _frames[_head];
            frame.SampleCount = 0;
            frame.Flags = 0;
            frame.FrameSequence = _nextSequence;
            _nextSequence++;
            return frame;
        }

        /// <summary>Commits the head frame, dropping the oldest committed frame when the ring is full.</summary>
        public void Commit()
        {
            Invariant.Require(_frames[_head].SampleCount > 0, "commit of an empty frame");
            if (_committed == CommittedCapacity)
            {
                _tail = (_tail + 1) % _frames.Length;
                _committed--;
                Dropped++;
            }

            _head = (_head + 1) % _frames.Length;
            _committed++;
            _frames[_head].SampleCount = 0;
            Invariant.Require(_committed <= CommittedCapacity, "frame ring bound");
        }

        /// <summary>Copies the oldest committed frame into <paramref name="into"/> and removes it. False when none.</summary>
        public bool TryTakeOldest(FrameMessage into)
        {
            if (_committed == 0)
            {
                return false;
            }

            FrameMessage f = _frames[_tail];
            int n = f.SampleCount;
            into.Flags = f.Flags;
            into.SampleCount = n;
            into.NodeId = f.NodeId;
            into.BootId = f.BootId;
            into.FrameSequence = f.FrameSequence;
            into.FirstSampleMonoUs = f.FirstSampleMonoUs;
            into.SamplePeriodUs = f.SamplePeriodUs;
            into.Provenance.CopyFrom(f.Provenance);
            Array.Copy(f.ForceMilliNewtons, into.ForceMilliNewtons, n);
            Array.Copy(f.VisionConfidence, into.VisionConfidence, n);
            Array.Copy(f.VisionAgeMs, into.VisionAgeMs, n);
            Array.Copy(f.InterlockBits, into.InterlockBits, n);
            Array.Copy(f.SampleFlags, into.SampleFlags, n);
            _tail = (_tail + 1) % _frames.Length;
            _committed--;
            return true;
        }

        /// <summary>Counts a frame lost after it was taken (the publish failed).</summary>
        public void CountLost() => Dropped++;
    }
}
