// Mirrors: nanoFramework.System.IO.FileSystem 1.1.93
// Signatures read from nanoframework/System.IO.FileSystem, tag v1.1.93: FileStream.cs, File.cs, FileMode.cs,
// FileAccess.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
// Exactly the members the board apps call (Jidoka.BoardApps.Gate.Tests checks it).
//
// Why this package for the persistent store (journal, boot and event-id counters, policy, calibration):
// on ESP32_REV3 the firmware mounts a littlefs partition as drive "I:" (nf-interpreter
// targets/ESP32/ESP32/target_FileSystem.cpp; partitions_nanoclr_4mb.csv "config" partition). littlefs is
// copy-on-write with power-loss resilience and wear levelling, which a journal that must survive a
// power cut needs. nanoFramework.ResourceManager is read-only and the STM32 backup SRAM is not
// flash (it loses its content without VBAT), so neither is a store.

using System;

namespace System.IO
{
    /// <summary>A file on a mounted volume (ESP32: "I:\").</summary>
    public class FileStream : Stream
    {
        /// <summary>Opens <paramref name="path"/>.</summary>
        public FileStream(string path, FileMode mode, FileAccess access) => throw new NotImplementedException();

        /// <inheritdoc/>
        public override long Length => throw new NotImplementedException();

        /// <inheritdoc/>
        public override void Flush() => throw new NotImplementedException();

        /// <inheritdoc/>
        public override int Read(byte[] buffer, int offset, int count) => throw new NotImplementedException();

        /// <inheritdoc/>
        public override void Write(byte[] buffer, int offset, int count) => throw new NotImplementedException();
    }

    /// <summary>Whole-file operations.</summary>
    public static class File
    {
        /// <summary>True when the file exists.</summary>
        public static bool Exists(string path) => throw new NotImplementedException();

        /// <summary>Deletes the file.</summary>
        public static void Delete(string path) => throw new NotImplementedException();
    }

    /// <summary>How to open a file.</summary>
    public enum FileMode
    {
        /// <summary>Create; fail if it exists.</summary>
        CreateNew = 1,

        /// <summary>Create or truncate.</summary>
        Create = 2,

        /// <summary>Open; fail if missing.</summary>
        Open = 3,

        /// <summary>Open or create.</summary>
        OpenOrCreate = 4,

        /// <summary>Open and truncate.</summary>
        Truncate = 5,

        /// <summary>Open at the end, or create.</summary>
        Append = 6,
    }

    /// <summary>Access requested.</summary>
    public enum FileAccess
    {
        /// <summary>Read.</summary>
        Read = 1,

        /// <summary>Write.</summary>
        Write = 2,

        /// <summary>Read and write.</summary>
        ReadWrite = 3,
    }
}
