namespace Jidoka.Boards.Logic.Store
{
    /// <summary>
    /// The three whole-file operations the slot store needs, at bus level in the embedded-hal sense: the
    /// board implements them over nanoFramework.System.IO.FileSystem, tests over memory that can lose
    /// power mid-write. Called from the communication side and at boot only.
    /// </summary>
    public interface ISlotFileSystem
    {
        /// <summary>
        /// Reads up to <paramref name="buffer"/>'s length from the start of <paramref name="path"/>.
        /// False when the file does not exist. <paramref name="fileLength"/> is the file's full length,
        /// which may exceed what was copied.
        /// </summary>
        bool TryReadFile(string path, byte[] buffer, out int fileLength);

        /// <summary>Creates or replaces <paramref name="path"/> with the first <paramref name="length"/> bytes of <paramref name="buffer"/>. May throw on an I/O error.</summary>
        void WriteFile(string path, byte[] buffer, int length);

        /// <summary>Deletes <paramref name="path"/> if it exists. May throw on an I/O error.</summary>
        void DeleteFile(string path);
    }
}
