using System;
using Jidoka.Node.Hardware;

namespace Jidoka.Node.Config
{
    /// <summary>
    /// The board's implementations of the hardware boundary, handed to the core in one piece. Interlock
    /// channels are indexed in the bit order of <see cref="Jidoka.Protocol.InterlockBits"/>: 0 guard A,
    /// 1 guard B, 2 curtain A, 3 curtain B, 4 e-stop A, 5 e-stop B.
    /// </summary>
    public sealed class NodeHardware
    {
        /// <summary>Number of interlock channels: three interlocks, two channels each.</summary>
        public const int InterlockChannelCount = 6;

        /// <summary>Bundles the boundary implementations; every argument but <paramref name="memory"/> is required.</summary>
        public NodeHardware(
            IMonotonicClock clock,
            IDigitalInput[] interlockChannels,
            IDigitalInput resetButton,
            IDigitalOutput stopOutput,
            IDigitalOutput andon,
            IForceSource force,
            IVisionSource vision,
            IWatchdog watchdog,
            IPersistentStore store,
            IMqttLink link,
            IMemoryGauge? memory)
        {
            if (clock == null || interlockChannels == null || resetButton == null || stopOutput == null || andon == null
                || force == null || vision == null || watchdog == null || store == null || link == null)
            {
                throw new ArgumentNullException("hardware");
            }

            if (interlockChannels.Length != InterlockChannelCount)
            {
                throw new ArgumentException("six interlock channels are required");
            }

            for (int i = 0; i < interlockChannels.Length; i++)
            {
                if (interlockChannels[i] == null)
                {
                    throw new ArgumentNullException("interlockChannels");
                }
            }

            Clock = clock;
            InterlockChannels = interlockChannels;
            ResetButton = resetButton;
            StopOutput = stopOutput;
            Andon = andon;
            Force = force;
            Vision = vision;
            Watchdog = watchdog;
            Store = store;
            Link = link;
            Memory = memory;
        }

        /// <summary>Monotonic µs clock.</summary>
        public IMonotonicClock Clock { get; }

        /// <summary>The six interlock channel pins, in <see cref="Jidoka.Protocol.InterlockBits"/> bit order.</summary>
        public IDigitalInput[] InterlockChannels { get; }

        /// <summary>The local reset button.</summary>
        public IDigitalInput ResetButton { get; }

        /// <summary>The stop output, de-energize to trip.</summary>
        public IDigitalOutput StopOutput { get; }

        /// <summary>The andon light.</summary>
        public IDigitalOutput Andon { get; }

        /// <summary>The force front end.</summary>
        public IForceSource Force { get; }

        /// <summary>The vision confidence link.</summary>
        public IVisionSource Vision { get; }

        /// <summary>The external watchdog.</summary>
        public IWatchdog Watchdog { get; }

        /// <summary>Persistent storage.</summary>
        public IPersistentStore Store { get; }

        /// <summary>The MQTT client.</summary>
        public IMqttLink Link { get; }

        /// <summary>Free-memory gauge, or null when the board has none.</summary>
        public IMemoryGauge? Memory { get; }
    }
}
