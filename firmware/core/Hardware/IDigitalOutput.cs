namespace Jidoka.Node.Hardware
{
    /// <summary>
    /// One digital output pin: the stop output or the andon light. The stop output is wired
    /// de-energize-to-trip, so a broken wire, a reset MCU or a dead board all read as "stop".
    /// </summary>
    public interface IDigitalOutput
    {
        /// <summary>Drives the output: true energizes it, false de-energizes it. Safe to repeat.</summary>
        void Write(bool energized);
    }
}
