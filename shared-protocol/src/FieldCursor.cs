namespace Jidoka.Protocol
{
    /// <summary>
    /// Reads or writes consecutive little-endian fields in a window of a byte array, so a codec lists its
    /// fields in layout order instead of naming absolute offsets. One instance is made with the message
    /// it serves and reset for every encode or decode, so using it allocates nothing.
    /// </summary>
    /// <remarks>
    /// A read or write that would pass the end of the window does nothing (reads return 0) and marks
    /// the cursor overrun; the codec turns that into a <see cref="DecodeResult"/> or
    /// <see cref="EncodeResult"/> with <see cref="DecodeOutcome"/> or <see cref="EncodeOutcome"/>. No
    /// field access throws, whatever window or lengths the caller passes.
    /// </remarks>
    public sealed class FieldCursor
    {
        private static readonly byte[] NoBytes = new byte[0];

        private byte[] _buffer = NoBytes;
        private int _start;
        private int _position;
        private int _end;

        /// <summary>
        /// Starts at <paramref name="offset"/> with a window of <paramref name="length"/> bytes. A window
        /// that does not lie inside <paramref name="buffer"/> leaves the cursor overrun and empty.
        /// </summary>
        public void Reset(byte[] buffer, int offset, int length)
        {
            Overran = false;
            if (buffer == null || offset < 0 || length < 0 || offset > buffer.Length - length)
            {
                _buffer = NoBytes;
                _start = 0;
                _position = 0;
                _end = 0;
                Overran = true;
                return;
            }

            _buffer = buffer;
            _start = offset;
            _position = offset;
            _end = offset + length;
        }

        /// <summary>True once a read or write did not fit in the window; stays set until <see cref="Reset"/>.</summary>
        public bool Overran { get; private set; }

        /// <summary>Bytes read or written since the last reset.</summary>
        public int Position => _position - _start;

        /// <summary>Bytes left in the window.</summary>
        public int Remaining => _end - _position;

        /// <summary>Accepted, or TooShort on "length" when a read passed the end of the input.</summary>
        public DecodeResult DecodeOutcome() =>
            Overran ? DecodeResult.Reject(RejectReason.TooShort, "length") : DecodeResult.Accepted;

        /// <summary>Bytes written so far, or BufferTooSmall on "buffer" when a write did not fit.</summary>
        public EncodeResult EncodeOutcome() =>
            Overran ? EncodeResult.Refuse(EncodeStatus.BufferTooSmall, "buffer") : EncodeResult.Ok(Position);

        /// <summary>
        /// Claims <paramref name="count"/> bytes and returns the index of the first, or -1 (and marks the
        /// cursor overrun) when they do not fit.
        /// </summary>
        private int Claim(int count)
        {
            if (Overran || count < 0 || count > _end - _position)
            {
                Overran = true;
                return -1;
            }

            int at = _position;
            _position += count;
            return at;
        }

        /// <summary>Moves past <paramref name="count"/> bytes without reading them.</summary>
        public void Skip(int count) => Claim(count);

        /// <summary>Reads one byte.</summary>
        public byte ReadUInt8()
        {
            int at = Claim(1);
            return at < 0 ? (byte)0 : _buffer[at];
        }

        /// <summary>Reads a 16-bit value.</summary>
        public ushort ReadUInt16()
        {
            int at = Claim(2);
            return at < 0 ? (ushort)0 : LittleEndian.ReadUInt16(_buffer, at);
        }

        /// <summary>Reads a 32-bit value.</summary>
        public uint ReadUInt32()
        {
            int at = Claim(4);
            return at < 0 ? 0 : LittleEndian.ReadUInt32(_buffer, at);
        }

        /// <summary>Reads a signed 32-bit value.</summary>
        public int ReadInt32() => (int)ReadUInt32();

        /// <summary>Reads a 64-bit value.</summary>
        public ulong ReadUInt64()
        {
            int at = Claim(8);
            return at < 0 ? 0 : LittleEndian.ReadUInt64(_buffer, at);
        }

        /// <summary>Reads a signed 64-bit value.</summary>
        public long ReadInt64() => (long)ReadUInt64();

        /// <summary>Copies <paramref name="count"/> bytes into <paramref name="destination"/>; copies nothing when they do not fit either side.</summary>
        public void ReadBytes(byte[] destination, int destinationOffset, int count)
        {
            if (!Envelope.Fits(destination, destinationOffset, count))
            {
                Overran = true;
                return;
            }

            int at = Claim(count);
            if (at >= 0)
            {
                System.Array.Copy(_buffer, at, destination, destinationOffset, count);
            }
        }

        /// <summary>
        /// Reads a zero-padded id field of <paramref name="fieldBytes"/> bytes (see
        /// <see cref="Identifiers.TryReadFixed"/>). False when the field is malformed or does not fit;
        /// <see cref="Overran"/> tells the two apart.
        /// </summary>
        public bool TryReadFixedId(int fieldBytes, bool person, bool allowEmpty, out string value)
        {
            int at = Claim(fieldBytes);
            if (at < 0)
            {
                value = "";
                return false;
            }

            return Identifiers.TryReadFixed(_buffer, at, fieldBytes, person, allowEmpty, out value);
        }

        /// <summary>Writes one byte.</summary>
        public void WriteUInt8(byte value)
        {
            int at = Claim(1);
            if (at >= 0)
            {
                _buffer[at] = value;
            }
        }

        /// <summary>Writes a 16-bit value.</summary>
        public void WriteUInt16(ushort value)
        {
            int at = Claim(2);
            if (at >= 0)
            {
                LittleEndian.WriteUInt16(_buffer, at, value);
            }
        }

        /// <summary>Writes a 32-bit value.</summary>
        public void WriteUInt32(uint value)
        {
            int at = Claim(4);
            if (at >= 0)
            {
                LittleEndian.WriteUInt32(_buffer, at, value);
            }
        }

        /// <summary>Writes a signed 32-bit value.</summary>
        public void WriteInt32(int value) => WriteUInt32((uint)value);

        /// <summary>Writes a 64-bit value.</summary>
        public void WriteUInt64(ulong value)
        {
            int at = Claim(8);
            if (at >= 0)
            {
                LittleEndian.WriteUInt64(_buffer, at, value);
            }
        }

        /// <summary>Writes a signed 64-bit value.</summary>
        public void WriteInt64(long value) => WriteUInt64((ulong)value);

        /// <summary>Copies <paramref name="count"/> bytes from <paramref name="source"/>; copies nothing when they do not fit either side.</summary>
        public void WriteBytes(byte[] source, int sourceOffset, int count)
        {
            if (!Envelope.Fits(source, sourceOffset, count))
            {
                Overran = true;
                return;
            }

            int at = Claim(count);
            if (at >= 0)
            {
                System.Array.Copy(source, sourceOffset, _buffer, at, count);
            }
        }

        /// <summary>Writes <paramref name="value"/> as a zero-padded id field of <paramref name="fieldBytes"/> bytes.</summary>
        public void WriteFixedId(int fieldBytes, string value)
        {
            int at = Claim(fieldBytes);
            if (at >= 0)
            {
                Identifiers.WriteFixed(_buffer, at, fieldBytes, value);
            }
        }

        /// <summary>Appends the CRC-32 of everything written since the last reset.</summary>
        public void WriteCrc32()
        {
            int at = Claim(Crc32.SizeBytes);
            if (at >= 0)
            {
                LittleEndian.WriteUInt32(_buffer, at, Crc32.Compute(_buffer, _start, at - _start));
            }
        }
    }
}
