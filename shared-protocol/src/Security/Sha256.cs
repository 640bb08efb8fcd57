using System;

namespace Jidoka.Protocol.Security
{
    /// <summary>
    /// SHA-256 (FIPS 180-4) in the nanoFramework subset, incremental and allocation-free after
    /// construction: every buffer it needs is allocated once here, so a node can hash on its
    /// communication thread without feeding the garbage collector (a GC stops the world, trip loop
    /// included). It exists because the device's native HMACSHA256 (package
    /// nanoFramework.System.Security.Cryptography) returns a new array per call and cannot hash
    /// incrementally; the host tests prove this class bit-identical to .NET's SHA256 and HMACSHA256.
    /// </summary>
    /// <remarks>
    /// Not thread-safe: one instance per thread that hashes. The state can be saved and restored
    /// (<see cref="SaveState"/>, <see cref="RestoreState"/>) so HMAC can keep the key's inner and
    /// outer midstates and spend two compressions fewer per message.
    /// </remarks>
    public sealed class Sha256
    {
        /// <summary>Digest size, bytes.</summary>
        public const int DigestSizeBytes = 32;

        /// <summary>Input block size, bytes (also the HMAC block size).</summary>
        public const int BlockSizeBytes = 64;

        /// <summary>Words in a saved state (<see cref="SaveState"/>): eight hash words.</summary>
        public const int StateWords = 8;

        // FIPS 180-4 §4.2.2: first 32 bits of the fractional parts of the cube roots of the first 64 primes.
        private static readonly uint[] RoundConstants =
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        // FIPS 180-4 §5.3.3: first 32 bits of the fractional parts of the square roots of the first 8 primes.
        private static readonly uint[] InitialState =
        {
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
        };

        private readonly uint[] _state = new uint[StateWords];
        private readonly uint[] _schedule = new uint[64];
        private readonly byte[] _block = new byte[BlockSizeBytes];
        private int _blockFillBytes;
        private long _totalBytes;

        /// <summary>Creates a hasher ready for input.</summary>
        public Sha256()
        {
            Reset();
        }

        /// <summary>Starts a new digest, forgetting any input so far.</summary>
        public void Reset()
        {
            Array.Copy(InitialState, _state, StateWords);
            _blockFillBytes = 0;
            _totalBytes = 0;
        }

        /// <summary>Feeds <paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
        public void Append(byte[] data, int offset, int count)
        {
            if (data == null || offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            _totalBytes += count;
            if (_blockFillBytes > 0)
            {
                int take = BlockSizeBytes - _blockFillBytes;
                if (take > count)
                {
                    take = count;
                }

                Array.Copy(data, offset, _block, _blockFillBytes, take);
                _blockFillBytes += take;
                offset += take;
                count -= take;
                if (_blockFillBytes < BlockSizeBytes)
                {
                    return;
                }

                Compress(_block, 0);
                _blockFillBytes = 0;
            }

            while (count >= BlockSizeBytes)
            {
                Compress(data, offset);
                offset += BlockSizeBytes;
                count -= BlockSizeBytes;
            }

            if (count > 0)
            {
                Array.Copy(data, offset, _block, 0, count);
                _blockFillBytes = count;
            }
        }

        /// <summary>
        /// Pads, writes the 32-byte digest at <paramref name="offset"/> and resets for the next digest.
        /// </summary>
        public void Finish(byte[] digest, int offset)
        {
            if (digest == null || offset < 0 || offset > digest.Length - DigestSizeBytes)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            long bitLength = _totalBytes * 8;
            _block[_blockFillBytes++] = 0x80;
            if (_blockFillBytes > BlockSizeBytes - 8)
            {
                Array.Clear(_block, _blockFillBytes, BlockSizeBytes - _blockFillBytes);
                Compress(_block, 0);
                _blockFillBytes = 0;
            }

            Array.Clear(_block, _blockFillBytes, BlockSizeBytes - 8 - _blockFillBytes);
            for (int i = 0; i < 8; i++)
            {
                _block[BlockSizeBytes - 1 - i] = (byte)(bitLength >> (8 * i));
            }

            Compress(_block, 0);
            for (int i = 0; i < StateWords; i++)
            {
                uint word = _state[i];
                digest[offset + (4 * i)] = (byte)(word >> 24);
                digest[offset + (4 * i) + 1] = (byte)(word >> 16);
                digest[offset + (4 * i) + 2] = (byte)(word >> 8);
                digest[offset + (4 * i) + 3] = (byte)word;
            }

            Reset();
        }

        /// <summary>
        /// Copies the hash words into <paramref name="words"/> (8 words). Only valid on a block boundary
        /// (input so far a multiple of 64 bytes), which is where HMAC saves its key midstates.
        /// </summary>
        public void SaveState(uint[] words)
        {
            if (_blockFillBytes != 0)
            {
                throw new InvalidOperationException("state saved off a block boundary");
            }

            Array.Copy(_state, words, StateWords);
        }

        /// <summary>
        /// Continues from a state saved by <see cref="SaveState"/> after <paramref name="bytesSoFar"/>
        /// bytes of input (a multiple of 64).
        /// </summary>
        public void RestoreState(uint[] words, long bytesSoFar)
        {
            Array.Copy(words, _state, StateWords);
            _blockFillBytes = 0;
            _totalBytes = bytesSoFar;
        }

        private void Compress(byte[] data, int offset)
        {
            uint[] w = _schedule;
            uint[] k = RoundConstants;
            for (int t = 0; t < 16; t++)
            {
                int at = offset + (4 * t);
                w[t] = ((uint)data[at] << 24) | ((uint)data[at + 1] << 16) | ((uint)data[at + 2] << 8) | data[at + 3];
            }

            for (int t = 16; t < 64; t++)
            {
                uint x = w[t - 15];
                uint y = w[t - 2];
                uint sigma0 = ((x >> 7) | (x << 25)) ^ ((x >> 18) | (x << 14)) ^ (x >> 3);
                uint sigma1 = ((y >> 17) | (y << 15)) ^ ((y >> 19) | (y << 13)) ^ (y >> 10);
                w[t] = unchecked(w[t - 16] + sigma0 + w[t - 7] + sigma1);
            }

            uint a = _state[0], b = _state[1], c = _state[2], d = _state[3];
            uint e = _state[4], f = _state[5], g = _state[6], h = _state[7];
            for (int t = 0; t < 64; t++)
            {
                uint bigSigma1 = ((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7));
                uint choose = (e & f) ^ (~e & g);
                uint t1 = unchecked(h + bigSigma1 + choose + k[t] + w[t]);
                uint bigSigma0 = ((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10));
                uint majority = (a & b) ^ (a & c) ^ (b & c);
                uint t2 = unchecked(bigSigma0 + majority);
                h = g;
                g = f;
                f = e;
                e = unchecked(d + t1);
                d = c;
                c = b;
                b = a;
                a = unchecked(t1 + t2);
            }

            unchecked
            {
                _state[0] += a;
                _state[1] += b;
                _state[2] += c;
                _state[3] += d;
                _state[4] += e;
                _state[5] += f;
                _state[6] += g;
                _state[7] += h;
            }
        }
    }
}
