using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Jidoka.Protocol.Security;

namespace Jidoka.Protocol.Benchmarks;

/// <summary>
/// What a message tag costs, side by side in one run: the node's shared-source HMAC-SHA256 (the
/// code a board interprets) against .NET's native HMACSHA256 and against the CRC-32 every message
/// already carries, over a 173-byte ten-sample frame and a 161-byte event.
/// </summary>
[MemoryDiagnoser]
public class MessageTagBenchmarks
{
    private readonly byte[] _key = new byte[32];
    private readonly byte[] _frame = new byte[173];
    private readonly byte[] _event = new byte[161];
    private readonly byte[] _tag = new byte[16];
    private readonly byte[] _fullTag = new byte[32];
    private HmacSha256 _shared = null!;
    private HMACSHA256 _native = null!;

    [GlobalSetup]
    public void Setup()
    {
        new System.Random(7).NextBytes(_key);
        new System.Random(8).NextBytes(_frame);
        new System.Random(9).NextBytes(_event);
        _shared = new HmacSha256(_key);
        _native = new HMACSHA256(_key);
    }

    [Benchmark(Baseline = true, Description = "CRC-32, 173-byte frame")]
    public uint Crc32Frame() => Crc32.Compute(_frame, 0, _frame.Length);

    [Benchmark(Description = "shared HMAC-SHA256, 173-byte frame")]
    public byte SharedHmacFrame()
    {
        _shared.Compute(_frame, 0, _frame.Length, _tag, 0, _tag.Length);
        return _tag[0];
    }

    [Benchmark(Description = "shared HMAC-SHA256, 161-byte event")]
    public byte SharedHmacEvent()
    {
        _shared.Compute(_event, 0, _event.Length, _tag, 0, _tag.Length);
        return _tag[0];
    }

    [Benchmark(Description = ".NET HMACSHA256, 173-byte frame")]
    public int NativeHmacFrame() => _native.TryComputeHash(_frame, _fullTag, out int written) ? written : 0;
}
