namespace Jidoka.Boards.Logic.Store
{
    /// <summary>Why a slot file was not accepted.</summary>
    public enum SlotFileProblem : byte
    {
        /// <summary>Accepted.</summary>
        None = 0,

        /// <summary>Shorter than a header and CRC, longer than any slot, or not the length its header declares (a torn write).</summary>
        BadLength = 1,

        /// <summary>Wrong magic, version or reserved byte: not a slot file.</summary>
        BadHeader = 2,

        /// <summary>CRC mismatch: corrupted or torn.</summary>
        BadCrc = 3,

        /// <summary>A valid file of another slot (renamed or copied by hand).</summary>
        WrongSlot = 4,
    }
}
