namespace Jidoka.Boards.Logic.Timing
{
    /// <summary>Lets an expensive action run at most once per interval (for example a stop-the-world GC to measure free memory).</summary>
    public sealed class MinimumInterval
    {
        private readonly ulong _intervalUs;
        private bool _ran;
        private ulong _lastUs;

        /// <summary>Creates the gate; the first <see cref="TryEnter"/> always succeeds.</summary>
        public MinimumInterval(ulong intervalUs)
        {
            _intervalUs = intervalUs;
        }

        /// <summary>True (and the interval restarts) when the action may run at <paramref name="nowUs"/>.</summary>
        public bool TryEnter(ulong nowUs)
        {
            if (_ran && nowUs - _lastUs < _intervalUs)
            {
                return false;
            }

            _ran = true;
            _lastUs = nowUs;
            return true;
        }
    }
}
