// Mirrors: nanoFramework.System.IO.FileSystem 1.1.93
// Signatures read from nanoframework/System.IO.FileSystem, tag v1.1.93: FileStream.cs, File.cs, FileMode.cs,
// FileAccess.cs, FileShare.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
//
// Why this package for the persistent store (journal, boot and event-id counters, policy, calibration):
// on ESP32_REV3 the firmware mounts a littlefs partition as drive "I:" (nf-interpreter
// targets/ESP32/ESP32/target_FileSystem.cpp; partitions_nanoclr_4mb.csv "config" partition). littlefs is
// copy-on-write with power-loss resilience and wear levelling, which a journal that must survive a
// power cut needs. nanoFramework.ResourceManager is read-only and the STM32 backup SRAM is not
// flash (it loses its content without VBAT), so neither is a store.

using System;

// SpanByte is marked [Obsolete] in mscorlib 1.17.11, yet Read(SpanByte) is the package's real signature.
#pragma warning disable CS0618

namespace System.IO
{
    /// <summary>A file on a mounted volume (ESP32: "I:\").</summary>
    public class FileStream : Stream
    {
        /// <summary>Opens <paramref name="path"/>.</summary>
        public FileStream(string path, FileMode mode) => throw new NotImplementedException();

        /// <summary>Opens <paramref name="path"/>.</summary>
        public FileStream(string path, FileMode mode, FileAccess access) => throw new NotImplementedException();

        /// <summary>Opens <paramref name="path"/>.</summary>
        public FileStream(string path, FileMode mode, FileAccess access, FileShare share) => throw new NotImplementedException();

        /// <summary>Opens <paramref name="path"/> with a buffer of <paramref name="bufferSize"/> bytes.</summary>
        public FileStream(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize) => throw new NotImplementedException();

        /// <summary>The file's path.</summary>
        public string Name => throw new NotImplementedException();

        /// <inheritdoc/>
        public override bool CanRead => throw new NotImplementedException();

        /// <inheritdoc/>
        public override bool CanSeek => throw new NotImplementedException();

        /// <inheritdoc/>
        public override bool CanWrite => throw new NotImplementedException();

        /// <inheritdoc/>
        public override long Length => throw new NotImplementedException();

        /// <inheritdoc/>
        public override long Position
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        /// <inheritdoc/>
        public override void Close() => throw new NotImplementedException();

        /// <inheritdoc/>
        public override void Flush() => throw new NotImplementedException();

        /// <inheritdoc/>
        public override int Read(byte[] buffer, int offset, int count) => throw new NotImplementedException();

        /// <inheritdoc/>
        public override int Read(SpanByte buffer) => throw new NotImplementedException();

        /// <inheritdoc/>
        public override int ReadByte() => throw new NotImplementedException();

        /// <inheritdoc/>
        public override long Seek(long offset, SeekOrigin origin) => throw new NotImplementedException();

        /// <inheritdoc/>
        public override void SetLength(long value) => throw new NotImplementedException();

        /// <inheritdoc/>
        public override void Write(byte[] buffer, int offset, int count) => throw new NotImplementedException();

        /// <inheritdoc/>
        public override void WriteByte(byte value) => throw new NotImplementedException();
    }

    /// <summary>Whole-file operations.</summary>
    public static class File
    {
        /// <summary>True when the file exists.</summary>
        public static bool Exists(string path) => throw new NotImplementedException();

        /// <summary>Deletes the file.</summary>
        public static void Delete(string path) => throw new NotImplementedException();

        /// <summary>Renames or moves the file (how a store replaces a record atomically: write aside, then move).</summary>
        public static void Move(string sourceFileName, string destFileName) => throw new NotImplementedException();

        /// <summary>Opens the file.</summary>
        public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share) => throw new NotImplementedException();

        /// <summary>Reads the whole file (allocates: boot and command side only).</summary>
        public static byte[] ReadAllBytes(string path) => throw new NotImplementedException();

        /// <summary>Replaces the file's content.</summary>
        public static void WriteAllBytes(string path, byte[] bytes) => throw new NotImplementedException();
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

    /// <summary>Sharing allowed.</summary>
    public enum FileShare
    {
        /// <summary>No sharing.</summary>
        None = 0,

        /// <summary>Others may read.</summary>
        Read = 1,

        /// <summary>Others may write.</summary>
        Write = 2,

        /// <summary>Others may read and write.</summary>
        ReadWrite = 3,
    }
}
