using System;
using System.Collections.Generic;
using System.IO;
using Jidoka.Boards.Logic.Store;

namespace Jidoka.Boards.Logic.Tests;

/// <summary>
/// Files in memory with the failure a flash file system without atomic replace shows: power lost in the
/// middle of a write leaves the first bytes of the new content and nothing after them.
/// </summary>
internal sealed class MemoryFileSystem : ISlotFileSystem
{
    public readonly Dictionary<string, byte[]> Files = new(StringComparer.Ordinal);

    /// <summary>When >= 0, the next write keeps only this many bytes and then throws, as a power cut would.</summary>
    public int TearNextWriteAfterBytes = -1;

    public int Writes;

    /// <summary>True when the last torn write kept fewer bytes than it was given (a truly partial file).</summary>
    public bool LastTearWasPartial;

    public bool TryReadFile(string path, byte[] buffer, out int fileLength)
    {
        if (!Files.TryGetValue(path, out byte[]? content))
        {
            fileLength = 0;
            return false;
        }

        Array.Copy(content, buffer, Math.Min(content.Length, buffer.Length));
        fileLength = content.Length;
        return true;
    }

    public void WriteFile(string path, byte[] buffer, int length)
    {
        if (TearNextWriteAfterBytes >= 0)
        {
            int kept = Math.Min(TearNextWriteAfterBytes, length);
            TearNextWriteAfterBytes = -1;
            LastTearWasPartial = kept < length;
            Files[path] = buffer.AsSpan(0, kept).ToArray();
            throw new IOException("power lost mid-write");
        }

        Writes++;
        Files[path] = buffer.AsSpan(0, length).ToArray();
    }

    public void DeleteFile(string path) => Files.Remove(path);
}
