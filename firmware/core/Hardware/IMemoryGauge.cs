namespace Jidoka.Node.Hardware
{
    /// <summary>Free managed memory where the board can tell (nanoFramework's native GC info); optional.</summary>
    public interface IMemoryGauge
    {
        /// <summary>Free managed heap in bytes; false when unknown. Called from the communication side only.</summary>
        bool TryReadFreeBytes(out uint freeBytes);
    }
}
