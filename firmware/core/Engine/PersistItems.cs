namespace Jidoka.Node.Engine
{
    /// <summary>
    /// The small persisted records, each with a generation counter: the node bumps it on every change
    /// (under the lock) and the communication side writes the record when its saved generation is
    /// behind, so a change made while a write is in flight is written again.
    /// </summary>
    public sealed class PersistItems
    {
        /// <summary>The trip latch.</summary>
        public const int Latch = 0;

        /// <summary>The active policy.</summary>
        public const int Policy = 1;

        /// <summary>The staged policy.</summary>
        public const int StagedPolicy = 2;

        /// <summary>The force calibration.</summary>
        public const int ForceCalibration = 3;

        /// <summary>The vision calibration.</summary>
        public const int VisionCalibration = 4;

        /// <summary>Number of items.</summary>
        public const int Count = 5;

        private readonly uint[] _generation = new uint[Count];
        private readonly uint[] _saved = new uint[Count];

        /// <summary>Notes a change of <paramref name="item"/>.</summary>
        public void Touch(int item) => _generation[item]++;

        /// <summary>Current generation of <paramref name="item"/>.</summary>
        public uint Generation(int item) => _generation[item];

        /// <summary>True when <paramref name="item"/> changed since it was last saved.</summary>
        public bool IsDirty(int item) => _generation[item] != _saved[item];

        /// <summary>Records that generation <paramref name="generation"/> of <paramref name="item"/> is in the store.</summary>
        public void MarkSaved(int item, uint generation) => _saved[item] = generation;

        /// <summary>True when any item is unsaved.</summary>
        public bool AnyDirty()
        {
            for (int i = 0; i < Count; i++)
            {
                if (IsDirty(i))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
