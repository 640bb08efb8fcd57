using System;

namespace Jidoka.Protocol.Security
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104, FIPS 198-1) under one key, allocation-free after construction. The key's
    /// inner and outer pads are hashed once here and kept as midstates, so each message costs its own
    /// blocks plus two compressions, not four. Tags may be truncated on the wire (RFC 2104 §5: the
    /// leftmost bits); <see cref="Verify"/> compares in time independent of where the first difference is.
    /// </summary>
    /// <remarks>
    /// Not thread-safe: one instance per thread that signs or verifies. The key bytes are not kept
    /// after construction, only the two midstates derived from them.
    /// </remarks>
    public sealed class HmacSha256
    {
        /// <summary>Full tag size, bytes.</summary>
        public const int TagSizeBytes = Sha256.DigestSizeBytes;

        /// <summary>Shortest truncated tag this class verifies, bytes (RFC 2104 §5: at least half the hash, and 80 bits).</summary>
        public const int TruncatedTagSizeBytesMin = 16;

        private const byte InnerPad = 0x36;
        private const byte OuterPad = 0x5c;

        private readonly Sha256 _sha = new Sha256();
        private readonly uint[] _innerState = new uint[Sha256.StateWords];
        private readonly uint[] _outerState = new uint[Sha256.StateWords];
        private readonly byte[] _innerDigest = new byte[Sha256.DigestSizeBytes];
        private readonly byte[] _tag = new byte[TagSizeBytes];
        private bool _started;

        /// <summary>
        /// Prepares the key. A key longer than the 64-byte block is hashed first (RFC 2104 §3); keys
        /// shorter than 32 bytes are accepted (RFC 4231's vectors use them) but provisioning makes 32.
        /// </summary>
        public HmacSha256(byte[] key)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            byte[] block = new byte[Sha256.BlockSizeBytes];
            if (key.Length > Sha256.BlockSizeBytes)
            {
                _sha.Append(key, 0, key.Length);
                _sha.Finish(block, 0);
            }
            else
            {
                Array.Copy(key, block, key.Length);
            }

            PadState(block, InnerPad, _innerState);
            PadState(block, OuterPad, _outerState);
            Array.Clear(block, 0, block.Length);
        }

        /// <summary>Starts a tag over new input, forgetting any started one.</summary>
        public void Begin()
        {
            _sha.RestoreState(_innerState, Sha256.BlockSizeBytes);
            _started = true;
        }

        /// <summary>Feeds message bytes into the tag started by <see cref="Begin"/>.</summary>
        public void Append(byte[] data, int offset, int count)
        {
            if (!_started)
            {
                throw new InvalidOperationException("Begin first");
            }

            _sha.Append(data, offset, count);
        }

        /// <summary>
        /// Finishes the started tag and writes its first <paramref name="tagLength"/> bytes
        /// (16..32) at <paramref name="offset"/>.
        /// </summary>
        public void Finish(byte[] tag, int offset, int tagLength)
        {
            CheckTagLength(tag, offset, tagLength);
            FinishInto(_tag);
            Array.Copy(_tag, 0, tag, offset, tagLength);
        }

        /// <summary>Computes the tag of one contiguous message in a single call.</summary>
        public void Compute(byte[] data, int offset, int count, byte[] tag, int tagOffset, int tagLength)
        {
            Begin();
            Append(data, offset, count);
            Finish(tag, tagOffset, tagLength);
        }

        /// <summary>
        /// Finishes the started tag and says whether its first <paramref name="tagLength"/> bytes equal
        /// those at <paramref name="offset"/> of <paramref name="expected"/>, in constant time.
        /// </summary>
        public bool FinishAndVerify(byte[] expected, int offset, int tagLength)
        {
            CheckTagLength(expected, offset, tagLength);
            FinishInto(_tag);
            return ConstantTime.Equals(_tag, 0, expected, offset, tagLength);
        }

        /// <summary>Says whether <paramref name="expected"/> is the tag of one contiguous message.</summary>
        public bool Verify(byte[] data, int offset, int count, byte[] expected, int tagOffset, int tagLength)
        {
            Begin();
            Append(data, offset, count);
            return FinishAndVerify(expected, tagOffset, tagLength);
        }

        private void FinishInto(byte[] fullTag)
        {
            if (!_started)
            {
                throw new InvalidOperationException("Begin first");
            }

            _started = false;
            _sha.Finish(_innerDigest, 0);
            _sha.RestoreState(_outerState, Sha256.BlockSizeBytes);
            _sha.Append(_innerDigest, 0, Sha256.DigestSizeBytes);
            _sha.Finish(fullTag, 0);
        }

        private void PadState(byte[] keyBlock, byte pad, uint[] state)
        {
            byte[] padded = new byte[Sha256.BlockSizeBytes];
            for (int i = 0; i < padded.Length; i++)
            {
                padded[i] = (byte)(keyBlock[i] ^ pad);
            }

            _sha.Reset();
            _sha.Append(padded, 0, padded.Length);
            _sha.SaveState(state);
            _sha.Reset();
            Array.Clear(padded, 0, padded.Length);
        }

        private static void CheckTagLength(byte[] tag, int offset, int tagLength)
        {
            if (tagLength < TruncatedTagSizeBytesMin || tagLength > TagSizeBytes)
            {
                throw new ArgumentOutOfRangeException(nameof(tagLength));
            }

            if (tag == null || offset < 0 || offset > tag.Length - tagLength)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }
        }
    }
}
