using System;
using System.Threading;
using Jidoka.Boards.Logic.Timing;
using Jidoka.Node.Hardware;
using nanoFramework.Hardware.Esp32;

namespace Jidoka.Boards.Esp32DevKitC
{
    /// <summary>
    /// Paces the trip loop with an esp_timer one-shot: the loop thread blocks on an event the timer's
    /// callback sets (so the communication thread runs meanwhile), then spins the last
    /// <see cref="SpinUs"/> µs, because the callback reaches managed code through the native event queue
    /// with a latency that would otherwise make every step late. StartOneShot stops a timer still
    /// pending from a previous wait before re-arming it (esp_timer_stop, then esp_timer_start_once, in
    /// nf-interpreter's native HighResTimer), so a wait that timed out leaves nothing behind. A wait
    /// never throws: an exception here would end the loop thread, so it falls back to spinning.
    /// </summary>
    internal sealed class HighResTimerLoopWaiter : ILoopWaiter
    {
        /// <summary>Final part of each wait that is spun rather than slept, µs.</summary>
        public const ulong SpinUs = 150;

        /// <summary>Slack on the event wait beyond the timer's delay, ms: a lost callback costs one late step, not a hung loop.</summary>
        public const int LostCallbackSlackMs = 20;

        private readonly HighResTimer _timer = new HighResTimer();
        private readonly AutoResetEvent _expired = new AutoResetEvent(false);

        /// <summary>Creates the timer and hooks its callback.</summary>
        public HighResTimerLoopWaiter()
        {
            _timer.OnHighResTimerExpired += OnExpired;
        }

        /// <inheritdoc/>
        public void WaitUntil(ulong monoUs)
        {
            ulong delayUs = LoopWaitPlan.TimerDelayUs(HighResTimer.GetCurrent(), monoUs, SpinUs);
            if (delayUs > 0)
            {
                try
                {
                    _expired.Reset();
                    _timer.StartOneShot(delayUs);
                    _expired.WaitOne((int)(delayUs / 1000) + LostCallbackSlackMs, false);
                }
                catch (Exception)
                {
                    // Spin the whole wait instead: late is better than a dead loop thread.
                }
            }

            while (HighResTimer.GetCurrent() < monoUs)
            {
                // Spin: at most SpinUs.
            }
        }

        private void OnExpired(HighResTimer sender, object e) => _expired.Set();
    }
}
