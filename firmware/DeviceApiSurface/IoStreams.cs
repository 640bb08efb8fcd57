// Mirrors: nanoFramework.System.IO.Streams 1.1.96
// Signatures read from nanoframework/System.IO.Streams, tag v1.1.96: Stream.cs, SeekOrigin.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
//
// Needed because FileStream (the persistent store) derives from Stream, which mscorlib 1.17.11 lacks.

using System;

// SpanByte is marked [Obsolete] in mscorlib 1.17.11, yet Read(SpanByte) is the package's real signature.
#pragma warning disable CS0618

namespace System.IO
{
    /// <summary>A sequence of bytes.</summary>
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        /// <summary>Not callable: the surface has no behaviour.</summary>
        protected Stream() => throw new NotImplementedException();

        /// <summary>True when the stream can be read.</summary>
        public abstract bool CanRead { get; }

        /// <summary>True when the stream can seek.</summary>
        public abstract bool CanSeek { get; }

        /// <summary>True when the stream can be written.</summary>
        public abstract bool CanWrite { get; }

        /// <summary>Length, bytes.</summary>
        public abstract long Length { get; }

        /// <summary>Current position, bytes.</summary>
        public abstract long Position { get; set; }

        /// <summary>Flushes and releases the stream.</summary>
        public virtual void Close() => throw new NotImplementedException();

        /// <summary>Flushes and releases the stream.</summary>
        public void Dispose() => throw new NotImplementedException();

        /// <summary>Writes buffered data to the device.</summary>
        public abstract void Flush();

        /// <summary>Moves the position.</summary>
        public abstract long Seek(long offset, SeekOrigin origin);

        /// <summary>Sets the length.</summary>
        public abstract void SetLength(long value);

        /// <summary>Reads into <paramref name="buffer"/>.</summary>
        public abstract int Read(SpanByte buffer);

        /// <summary>Reads up to <paramref name="count"/> bytes; returns how many.</summary>
        public abstract int Read(byte[] buffer, int offset, int count);

        /// <summary>Reads one byte, or -1 at the end.</summary>
        public virtual int ReadByte() => throw new NotImplementedException();

        /// <summary>Writes <paramref name="count"/> bytes.</summary>
        public abstract void Write(byte[] buffer, int offset, int count);

        /// <summary>Writes one byte.</summary>
        public virtual void WriteByte(byte value) => throw new NotImplementedException();
    }

    /// <summary>Reference point of <see cref="Stream.Seek"/>.</summary>
    [Serializable]
    public enum SeekOrigin
    {
        /// <summary>From the start.</summary>
        Begin = 0,

        /// <summary>From the current position.</summary>
        Current = 1,

        /// <summary>From the end.</summary>
        End = 2,
    }
}
