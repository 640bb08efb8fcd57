using System.IO;
using Jidoka.Boards.Logic.Store;

namespace Jidoka.Boards.Adapters.Store
{
    /// <summary>
    /// <see cref="ISlotFileSystem"/> over nanoFramework.System.IO.FileSystem (on the ESP32, the littlefs
    /// volume I:). Whole-file reads and writes only; the slot format and its checks are in
    /// <see cref="SlotFileStore"/>. Called from the communication thread and at boot, never from the loop.
    /// </summary>
    public sealed class FileSlotFiles : ISlotFileSystem
    {
        /// <inheritdoc/>
        public bool TryReadFile(string path, byte[] buffer, out int fileLength)
        {
            fileLength = 0;
            if (!File.Exists(path))
            {
                return false;
            }

            using (FileStream file = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                long length = file.Length;
                fileLength = length > int.MaxValue ? int.MaxValue : (int)length;
                int wanted = fileLength < buffer.Length ? fileLength : buffer.Length;
                int total = 0;
                while (total < wanted)
                {
                    int read = file.Read(buffer, total, wanted - total);
                    if (read <= 0)
                    {
                        // Shorter than its directory entry claimed: report what is there, the format check refuses it.
                        fileLength = total;
                        break;
                    }

                    total += read;
                }
            }

            return true;
        }

        /// <inheritdoc/>
        public void WriteFile(string path, byte[] buffer, int length)
        {
            using (FileStream file = new FileStream(path, FileMode.Create, FileAccess.Write))
            {
                file.Write(buffer, 0, length);
                file.Flush();
            }
        }

        /// <inheritdoc/>
        public void DeleteFile(string path)
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
