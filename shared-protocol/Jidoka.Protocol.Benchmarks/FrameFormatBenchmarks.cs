using System;
using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Jidoka.Protocol.Benchmarks.SparkplugB;

namespace Jidoka.Protocol.Benchmarks;

/// <summary>Encode and decode cost of one 10-sample frame in each format, measured side by side.</summary>
[MemoryDiagnoser]
public class FrameFormatBenchmarks
{
    private readonly FrameMessage _frame = SampleFrame.Create();
    private readonly FrameMessage _decoded = new();
    private readonly byte[] _buffer = new byte[ProtocolLimits.MaxMessageBytes];
    private readonly ArrayBufferWriter<byte> _jsonBuffer = new(4096);
    private byte[] _encodedFrame = [];
    private byte[] _encodedJson = [];
    private byte[] _encodedSparkplug = [];

    [GlobalSetup]
    public void Setup()
    {
        int length = _frame.TryEncode(_buffer, 0).BytesWritten;
        _encodedFrame = _buffer.AsSpan(0, length).ToArray();
        _encodedJson = JsonSerializer.SerializeToUtf8Bytes(JsonFrame.From(_frame), JsonFrameContext.Default.JsonFrame);
        _encodedSparkplug = SparkplugFrame.From(_frame).ToByteArray();
    }

    [Benchmark(Baseline = true, Description = "jidoka frame encode + CRC")]
    public int JidokaEncode() => _frame.TryEncode(_buffer, 0).BytesWritten;

    [Benchmark(Description = "jidoka frame decode + CRC check")]
    public bool JidokaDecode() => _decoded.TryDecode(_encodedFrame, 0, _encodedFrame.Length).IsAccepted;

    [Benchmark(Description = "JSON encode (System.Text.Json, source-generated)")]
    public int JsonEncode()
    {
        _jsonBuffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_jsonBuffer);
        JsonSerializer.Serialize(writer, JsonFrame.From(_frame), JsonFrameContext.Default.JsonFrame);
        return _jsonBuffer.WrittenCount;
    }

    [Benchmark(Description = "JSON decode")]
    public int JsonDecode() => JsonSerializer.Deserialize(_encodedJson, JsonFrameContext.Default.JsonFrame)!.Samples.Length;

    [Benchmark(Description = "Sparkplug B encode (Google.Protobuf)")]
    public int SparkplugEncode()
    {
        Payload payload = SparkplugFrame.From(_frame);
        int size = payload.CalculateSize();
        payload.WriteTo(_buffer.AsSpan(0, size));
        return size;
    }

    [Benchmark(Description = "Sparkplug B decode")]
    public int SparkplugDecode() => Payload.Parser.ParseFrom(_encodedSparkplug).Metrics.Count;

    /// <summary>Encoded sizes of the same frame in each format, for the side-by-side table.</summary>
    public static (int Jidoka, int Json, int Sparkplug) Sizes()
    {
        var b = new FrameFormatBenchmarks();
        b.Setup();
        return (b._encodedFrame.Length, b._encodedJson.Length, b._encodedSparkplug.Length);
    }
}
