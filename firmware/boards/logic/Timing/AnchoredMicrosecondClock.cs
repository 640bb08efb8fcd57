namespace Jidoka.Boards.Logic.Timing
{
    /// <summary>
    /// A monotonic microsecond clock for a target without a microsecond timer API (the STM32 boards:
    /// nanoFramework has no HighResTimer there). It combines two readings the runtime does offer:
    /// <list type="bullet">
    /// <item><c>Environment.TickCount64</c> (nanoFramework.Runtime.Native): milliseconds of uptime,
    /// monotonic, but only millisecond resolution, which would make every loop step measure 0 or 1000 µs
    /// and a 800 µs deadline meaningless;</item>
    /// <item><c>DateTime.UtcNow.Ticks</c>: 100 ns units at the system timer's resolution (100 µs on the
    /// ChibiOS targets), but a wall clock that SNTP steps when the network comes up.</item>
    /// </list>
    /// The wall clock supplies the fine increments; the uptime anchors them. A wall reading that runs
    /// backwards or more than <see cref="ToleranceUs"/> away from the uptime window is a step: the clock
    /// re-anchors to the uptime instead of following it. The result never goes backwards. Pure
    /// arithmetic: the board adapter feeds it both readings under its own lock.
    /// </summary>
    public sealed class AnchoredMicrosecondClock
    {
        /// <summary>How far the fine clock may drift from the uptime window before it is treated as a step, µs.</summary>
        public const long ToleranceUs = 2000;

        private bool _started;
        private long _lastWallTicks;
        private ulong _lastUs;

        /// <summary>Times the wall clock stepped and the clock re-anchored, since start.</summary>
        public uint Reanchors { get; private set; }

        /// <summary>Updates from one pair of readings and returns the monotonic time, µs.</summary>
        /// <param name="uptimeMs">Milliseconds of uptime (never decreasing).</param>
        /// <param name="wallTicks">Wall clock, 100 ns ticks.</param>
        public ulong Update(long uptimeMs, long wallTicks)
        {
            long anchorUs = uptimeMs * 1000;
            long candidateUs;
            if (!_started)
            {
                candidateUs = anchorUs;
                _started = true;
            }
            else
            {
                long deltaUs = (wallTicks - _lastWallTicks) / 10;
                candidateUs = (long)_lastUs + deltaUs;

                // The true time lies in [anchor, anchor + 1 ms): allow the tolerance on both sides.
                if (deltaUs < 0 || candidateUs < anchorUs - ToleranceUs || candidateUs > anchorUs + 1000 + ToleranceUs)
                {
                    candidateUs = anchorUs;
                    Reanchors++;
                }
            }

            _lastWallTicks = wallTicks;
            ulong result = candidateUs < 0 ? 0 : (ulong)candidateUs;
            if (result < _lastUs)
            {
                result = _lastUs;
            }

            _lastUs = result;
            return result;
        }
    }
}
