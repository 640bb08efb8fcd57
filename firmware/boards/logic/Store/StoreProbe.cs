namespace Jidoka.Boards.Logic.Store
{
    /// <summary>
    /// Checks at boot that the store's volume can be written and read back, before the node trusts its
    /// latch and journal to it. A board whose firmware has no file system (the stock NUCLEO-F767ZI image)
    /// or whose volume is unformatted fails here, and the app then holds the stop output off instead of
    /// running a node that would forget a latched trip at the next power cut.
    /// </summary>
    public static class StoreProbe
    {
        /// <summary>Name of the probe file under the store root; deleted after the check.</summary>
        public const string FileName = "jidoka-probe.tmp";

        private const int ProbeBytes = 16;

        /// <summary>True when a file written under <paramref name="root"/> reads back intact and can be deleted. Never throws.</summary>
        public static bool Check(ISlotFileSystem files, string root)
        {
            string path = root + FileName;
            byte[] written = new byte[ProbeBytes];
            for (int i = 0; i < written.Length; i++)
            {
                written[i] = (byte)(0xA5 ^ (i * 37));
            }

            try
            {
                files.WriteFile(path, written, written.Length);
                byte[] read = new byte[ProbeBytes + 1];
                if (!files.TryReadFile(path, read, out int length) || length != ProbeBytes)
                {
                    return false;
                }

                for (int i = 0; i < ProbeBytes; i++)
                {
                    if (read[i] != written[i])
                    {
                        return false;
                    }
                }

                files.DeleteFile(path);
                return true;
            }
            catch (System.Exception)
            {
                return false;
            }
        }
    }
}
