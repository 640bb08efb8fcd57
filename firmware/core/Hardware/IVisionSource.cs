namespace Jidoka.Node.Hardware
{
    /// <summary>
    /// The latest confidence score the vision system sent (over UART on the boards), with the monotonic
    /// time it was produced, so the core can judge its age. The board's receive handler parses lines
    /// and keeps only the newest value; this call just returns it.
    /// </summary>
    public interface IVisionSource
    {
        /// <summary>
        /// The newest score and the node monotonic µs at which it was received or stamped. False when no
        /// score has arrived since boot. The raw score goes through the vision calibration (unity by
        /// default) to become confidence in 1/10 000.
        /// </summary>
        bool TryReadLatest(out int rawScore, out ulong producedMonoUs);
    }
}
