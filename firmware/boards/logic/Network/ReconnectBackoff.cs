namespace Jidoka.Boards.Logic.Network
{
    /// <summary>
    /// Delays between broker connection attempts: doubling from <see cref="InitialMs"/> to
    /// <see cref="MaximumMs"/>, plus a per-node spread of up to a quarter of the delay so that a cell's
    /// nodes do not all reconnect in the same millisecond after a broker restart. Deterministic for a
    /// given seed (the node id's hash), so a test or a replay sees the same delays.
    /// </summary>
    public sealed class ReconnectBackoff
    {
        /// <summary>First delay, ms.</summary>
        public const int InitialMs = 1000;

        /// <summary>Longest delay, ms: a broker that comes back is found within half a minute.</summary>
        public const int MaximumMs = 30000;

        private uint _state;
        private int _baseMs = InitialMs;

        /// <summary>Creates the back-off; <paramref name="seed"/> spreads the delays (any value; 0 is replaced).</summary>
        public ReconnectBackoff(uint seed)
        {
            _state = seed == 0 ? 0x9E3779B9u : seed;
        }

        /// <summary>Failed attempts since the last success.</summary>
        public int Failures { get; private set; }

        /// <summary>The delay before the next attempt, ms; each call doubles the base up to the maximum.</summary>
        public int NextDelayMs()
        {
            // xorshift32: cheap, allocation-free, good enough to decorrelate nodes.
            _state ^= _state << 13;
            _state ^= _state >> 17;
            _state ^= _state << 5;
            int spread = (int)(_state % (uint)(_baseMs / 4 + 1));
            int delay = _baseMs + spread;
            Failures++;
            _baseMs = _baseMs >= MaximumMs / 2 ? MaximumMs : _baseMs * 2;
            return delay > MaximumMs ? MaximumMs : delay;
        }

        /// <summary>Starts over after a successful connection.</summary>
        public void Reset()
        {
            _baseMs = InitialMs;
            Failures = 0;
        }
    }
}
