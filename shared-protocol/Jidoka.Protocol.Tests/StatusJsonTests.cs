using System.Text;
using Xunit;

namespace Jidoka.Protocol.Tests;

/// <summary>The restricted JSON of status messages: what the reader refuses and what the writer never emits.</summary>
public sealed class StatusJsonTests
{
    private static DecodeResult Decode(string json)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(json);
        return new StatusMessage().TryDecode(bytes, 0, bytes.Length);
    }

    private const string Offline = "{\"v\":1,\"cell\":\"cell-a\",\"node\":\"press-01\",\"online\":false}";

    [Fact]
    public void The_offline_form_is_accepted()
    {
        Assert.True(Decode(Offline).IsAccepted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"v\":1,\"cell\":\"cell-a\",\"node\":\"press-01\",\"online\":false}x")]
    [InlineData("{\"v\":1,\"cell\":\"cell-a\",\"node\":\"press-01\",\"online\":false,}")]
    [InlineData("{\"v\":1,\"cell\":\"cell-a\",\"node\":\"press-01\",\"online\":null}")]
    [InlineData("{\"v\":1.5,\"cell\":\"cell-a\",\"node\":\"press-01\",\"online\":false}")]
    [InlineData("{\"v\":1,\"cell\":\"cell\\\"a\",\"node\":\"press-01\",\"online\":false}")]
    [InlineData("{\"v\":1,\"x\":{\"nested\":1},\"cell\":\"cell-a\",\"node\":\"press-01\",\"online\":false}")]
    [InlineData("{\"v\":1,\"cell\":\"cell-a\",\"cell\":\"cell-b\",\"node\":\"press-01\",\"online\":false}")]
    [InlineData("{\"v\":1,\"n\":1234567890123456789,\"cell\":\"cell-a\",\"node\":\"press-01\",\"online\":false}")]
    public void Malformed_json_is_refused_without_throwing(string json)
    {
        DecodeResult result = Decode(json);
        Assert.False(result.IsAccepted);
        Assert.True(result.Reason is RejectReason.MalformedText or RejectReason.TooShort, result.ToString());
    }

    [Theory]
    [InlineData("{\"v\":1,\"cell\":\"Cell A\",\"node\":\"press-01\",\"online\":false}", "cell")]
    [InlineData("{\"v\":1,\"cell\":\"cell-a\",\"node\":\"\",\"online\":false}", "node")]
    [InlineData("{\"v\":1,\"cell\":\"cell-a\",\"node\":\"press-01\",\"online\":1}", "online")]
    public void Impossible_values_name_their_key(string json, string field)
    {
        DecodeResult result = Decode(json);
        Assert.Equal(RejectReason.ImpossibleValue, result.Reason);
        Assert.Equal(field, result.Field);
    }

    [Fact]
    public void Missing_version_is_an_unknown_version()
    {
        DecodeResult result = Decode("{\"cell\":\"cell-a\",\"node\":\"press-01\",\"online\":false}");
        Assert.Equal(RejectReason.UnknownVersion, result.Reason);
    }

    [Fact]
    public void Writer_refuses_text_that_would_need_escaping()
    {
        var status = new StatusMessage { CellId = "cell-a", NodeId = "press-01", Online = true, FirmwareVersion = "1.0 \"beta\"", Board = "b" };
        EncodeResult result = status.TryEncode(new byte[1024], 0);
        Assert.Equal(EncodeStatus.ImpossibleValue, result.Status);
        Assert.Equal("fw", result.Field);
    }

    [Fact]
    public void Writer_reports_a_buffer_too_small_instead_of_writing_half_an_object()
    {
        var status = new StatusMessage { CellId = "cell-a", NodeId = "press-01", Online = false };
        Assert.Equal(EncodeStatus.BufferTooSmall, status.TryEncode(new byte[20], 0).Status);
        Assert.True(status.TryEncode(new byte[64], 0).IsWritten);
    }
}
