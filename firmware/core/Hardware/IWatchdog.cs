namespace Jidoka.Node.Hardware
{
    /// <summary>
    /// The external watchdog that drops the stop output when the loop stops feeding it (a stopped-the-world
    /// GC, a hung driver, a crashed interpreter). The core kicks it only after a step that completed within
    /// its deadline, so a slow loop is not hidden.
    /// </summary>
    public interface IWatchdog
    {
        /// <summary>Feeds the watchdog (toggles the kick pin on the boards).</summary>
        void Kick();
    }
}
