// Mirrors: nanoFramework.System.IO.Streams 1.1.96
// Signatures read from nanoframework/System.IO.Streams, tag v1.1.96: Stream.cs.
// Declarations only: every body throws. Never deployed; see Jidoka.DeviceApiSurface.csproj.
// Exactly the members the board apps call (Jidoka.BoardApps.Gate.Tests checks it).
//
// Needed because FileStream (the persistent store) derives from Stream, which mscorlib 1.17.11 lacks;
// C# calls Length, Read, Write and Flush through their declarations here.

using System;

namespace System.IO
{
    /// <summary>A sequence of bytes.</summary>
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        /// <summary>Not callable: the surface has no behaviour.</summary>
        protected Stream() => throw new NotImplementedException();

        /// <summary>Length, bytes.</summary>
        public abstract long Length { get; }

        /// <summary>Flushes and releases the stream.</summary>
        public void Dispose() => throw new NotImplementedException();

        /// <summary>Writes buffered data to the device.</summary>
        public abstract void Flush();

        /// <summary>Reads up to <paramref name="count"/> bytes; returns how many.</summary>
        public abstract int Read(byte[] buffer, int offset, int count);

        /// <summary>Writes <paramref name="count"/> bytes.</summary>
        public abstract void Write(byte[] buffer, int offset, int count);
    }
}
