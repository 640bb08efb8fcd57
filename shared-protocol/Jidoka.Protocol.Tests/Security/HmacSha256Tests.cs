using System;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Jidoka.Protocol.Security;
using Xunit;

namespace Jidoka.Protocol.Tests.Security;

/// <summary>
/// The node signs and verifies with the shared-source <see cref="HmacSha256"/>; the bridge with .NET's.
/// These prove the two agree: on RFC 4231's published vectors, and on random keys, messages and
/// chunkings against <see cref="HMACSHA256"/> and <see cref="SHA256"/>.
/// </summary>
public sealed class HmacSha256Tests
{
    public static TheoryData<string, string, string> Rfc4231Vectors() => new()
    {
        // RFC 4231 §4.2-4.8, test cases 1-7 (key hex, data hex, HMAC-SHA-256 hex; case 5 truncated to 128 bits).
        { Repeat("0b", 20), Hex("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
        { Hex("Jefe"), Hex("what do ya want for nothing?"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
        { Repeat("aa", 20), Repeat("dd", 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
        { "0102030405060708090a0b0c0d0e0f10111213141516171819", Repeat("cd", 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b" },
        { Repeat("0c", 20), Hex("Test With Truncation"), "a3b6167473100ee06e0c796c2955552b" },
        { Repeat("aa", 131), Hex("Test Using Larger Than Block-Size Key - Hash Key First"), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
        {
            Repeat("aa", 131),
            Hex("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc4231Vectors))]
    public void Rfc4231_vectors_match(string keyHex, string dataHex, string expectedHex)
    {
        byte[] key = Convert.FromHexString(keyHex);
        byte[] data = Convert.FromHexString(dataHex);
        byte[] expected = Convert.FromHexString(expectedHex);
        var hmac = new HmacSha256(key);
        byte[] tag = new byte[expected.Length];

        hmac.Compute(data, 0, data.Length, tag, 0, tag.Length);

        Assert.Equal(expectedHex, Convert.ToHexString(tag).ToLowerInvariant());
        Assert.True(hmac.Verify(data, 0, data.Length, expected, 0, expected.Length));
    }

    [Property(MaxTest = 300)]
    public Property Agrees_with_dotnet_for_any_key_message_and_chunking() =>
        Prop.ForAll(
            Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>()).Where(k => k.Length <= 200).ToArbitrary(),
            Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>()).Where(m => m.Length <= 400).ToArbitrary(),
            Gen.Choose(1, 130).ToArbitrary(),
            (key, message, chunk) =>
            {
                var hmac = new HmacSha256(key);
                hmac.Begin();
                for (int at = 0; at < message.Length; at += chunk)
                {
                    hmac.Append(message, at, Math.Min(chunk, message.Length - at));
                }

                byte[] tag = new byte[32];
                hmac.Finish(tag, 0, 32);
                return tag.AsSpan().SequenceEqual(HMACSHA256.HashData(key, message));
            });

    [Theory]
    [InlineData(0)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(119)]
    [InlineData(120)]
    [InlineData(1000)]
    public void Sha256_agrees_with_dotnet_at_every_padding_boundary(int length)
    {
        byte[] data = new byte[length];
        new Random(length).NextBytes(data);
        var sha = new Sha256();
        byte[] digest = new byte[32];

        sha.Append(data, 0, data.Length);
        sha.Finish(digest, 0);

        Assert.Equal(SHA256.HashData(data), digest);
    }

    [Fact]
    public void A_tag_with_any_single_bit_flipped_is_refused()
    {
        byte[] key = Convert.FromHexString(Repeat("42", 32));
        byte[] message = Encoding.ASCII.GetBytes("reset node press-3 by operator 17");
        var hmac = new HmacSha256(key);
        byte[] tag = new byte[16];
        hmac.Compute(message, 0, message.Length, tag, 0, 16);

        for (int bit = 0; bit < 16 * 8; bit++)
        {
            tag[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(hmac.Verify(message, 0, message.Length, tag, 0, 16), $"bit {bit}");
            tag[bit / 8] ^= (byte)(1 << (bit % 8));
        }

        Assert.True(hmac.Verify(message, 0, message.Length, tag, 0, 16));
    }

    [Fact]
    public void Tags_shorter_than_128_bits_are_refused_as_arguments()
    {
        var hmac = new HmacSha256(new byte[32]);
        byte[] tag = new byte[32];
        Assert.Throws<ArgumentOutOfRangeException>(() => hmac.Compute(tag, 0, 4, tag, 0, 15));
        Assert.Throws<ArgumentOutOfRangeException>(() => hmac.Compute(tag, 0, 4, tag, 0, 33));
    }

    [Fact]
    public void Signing_and_verifying_allocate_nothing_after_construction()
    {
        var hmac = new HmacSha256(new byte[32]);
        byte[] message = new byte[161];
        byte[] tag = new byte[16];
        hmac.Compute(message, 0, message.Length, tag, 0, 16); // warm up: JIT and static tables

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            message[0] = (byte)i;
            hmac.Compute(message, 0, message.Length, tag, 0, 16);
            _ = hmac.Verify(message, 0, message.Length, tag, 0, 16);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static string Hex(string ascii) => Convert.ToHexString(Encoding.ASCII.GetBytes(ascii));

    private static string Repeat(string hexByte, int count) => string.Concat(System.Linq.Enumerable.Repeat(hexByte, count));
}
