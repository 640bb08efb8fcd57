using System.Diagnostics;
using System.Threading;

namespace Jidoka.Boards.Adapters.Startup
{
    /// <summary>
    /// Where a board app goes when it cannot start a node (bad board file, wrong firmware target, no
    /// store volume, a peripheral that would not open): the stop output has already been driven off and
    /// is never touched again, the watchdog is never kicked, and the reason is repeated on the debug
    /// output (Visual Studio's Output window, or the serial console) for the technician.
    /// </summary>
    public static class BootFailure
    {
        /// <summary>How often the reason is repeated, ms.</summary>
        public const int RepeatMs = 10000;

        /// <summary>Never returns.</summary>
        public static void Hold(string reason)
        {
            while (true)
            {
                Debug.WriteLine("JIDOKA NODE NOT STARTED (stop output held off): " + reason);
                Thread.Sleep(RepeatMs);
            }
        }
    }
}
