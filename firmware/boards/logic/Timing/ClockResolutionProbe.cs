using Jidoka.Node.Config;
using Jidoka.Node.Hardware;

namespace Jidoka.Boards.Logic.Timing
{
    /// <summary>
    /// Measures at boot how coarsely the board's clock really moves, and refuses to start a node whose loop
    /// deadline that clock cannot measure: a deadline under <see cref="NodeConfig.DeadlineClockStepsMin"/>
    /// steps reads every step as 0 or one tick (on a millisecond clock an 800 µs deadline trips on the first
    /// tick a step straddles). The stated resolution in the board file is checked by the board tests; this
    /// checks the firmware actually flashed.
    /// </summary>
    public static class ClockResolutionProbe
    {
        /// <summary>Clock readings the probe takes at most (bounded: it runs before the watchdog is kicked).</summary>
        public const int MaxReads = 200000;

        /// <summary>Clock moves the probe waits for; the smallest of them is the step.</summary>
        public const int Moves = 8;

        /// <summary>Smallest non-zero increment of <paramref name="clock"/> seen over <see cref="Moves"/> moves, µs; 0 if it never moved.</summary>
        public static ulong MeasureStepUs(IMonotonicClock clock)
        {
            ulong last = clock.NowUs;
            ulong smallest = 0;
            int moves = 0;
            for (int i = 0; i < MaxReads && moves < Moves; i++)
            {
                ulong now = clock.NowUs;
                if (now > last)
                {
                    ulong step = now - last;
                    if (smallest == 0 || step < smallest)
                    {
                        smallest = step;
                    }

                    moves++;
                    last = now;
                }
            }

            return smallest;
        }

        /// <summary>Why a node with this clock step and deadline must not start; null when it may.</summary>
        public static string? Refusal(ulong measuredStepUs, uint deadlineUs)
        {
            if (measuredStepUs == 0)
            {
                return "clock did not move in " + MaxReads.ToString() + " reads";
            }

            ulong neededUs = measuredStepUs * NodeConfig.DeadlineClockStepsMin;
            if (neededUs > deadlineUs)
            {
                return "clock moves in " + measuredStepUs.ToString() + " us steps; the policy's " + deadlineUs.ToString()
                    + " us loop deadline needs at least " + NodeConfig.DeadlineClockStepsMin.ToString() + " steps ("
                    + neededUs.ToString() + " us): raise the loop period and deadline";
            }

            return null;
        }
    }
}
