using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Jidoka.Protocol.Tests;

/// <summary>
/// <see cref="StatusKeys"/> is the one list of status keys: what the encoder writes, what the decoder
/// requires and what Describe lists all come from it.
/// </summary>
public sealed class StatusKeyTableTests
{
    private static StatusMessage OnlineVector()
    {
        byte[] input = VectorFiles.Named("status-online-tripped").Input;
        var status = new StatusMessage();
        Assert.True(status.TryDecode(input, 0, input.Length).IsAccepted);
        return status;
    }

    private static List<string> WrittenKeys(StatusMessage status)
    {
        byte[] buffer = new byte[ProtocolLimits.MaxMessageBytes];
        EncodeResult result = status.TryEncode(buffer, 0);
        Assert.True(result.IsWritten, result.Field);
        using JsonDocument json = JsonDocument.Parse(Encoding.ASCII.GetString(buffer, 0, result.BytesWritten));
        return json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
    }

    [Fact]
    public void Keys_are_numbered_in_table_order_and_named_once()
    {
        for (int i = 0; i < StatusKeys.All.Length; i++)
        {
            Assert.Equal(i, StatusKeys.All[i].Index);
            Assert.Same(StatusKeys.All[i], StatusKeys.Find(StatusKeys.All[i].Name));
        }

        Assert.Equal(StatusKeys.All.Length, StatusKeys.All.Select(k => k.Name).Distinct().Count());
        Assert.True(StatusKeys.All.Length < 64, "the decoder's seen mask is a long");
        Assert.Null(StatusKeys.Find("unknown"));
    }

    [Fact]
    public void An_online_status_writes_every_key_of_the_table_in_order()
    {
        StatusMessage status = OnlineVector();
        Assert.True(status.HasFreeBytes);
        Assert.Equal(StatusKeys.All.Select(k => k.Name), WrittenKeys(status));

        status.HasFreeBytes = false;
        Assert.Equal(
            StatusKeys.All.Where(k => k.Presence != StatusKeyPresence.WhenOnlineOptional).Select(k => k.Name),
            WrittenKeys(status));
    }

    [Fact]
    public void The_last_will_writes_the_always_keys_only()
    {
        StatusMessage status = OnlineVector();
        status.Online = false;
        Assert.Equal(StatusKeys.All.Where(k => k.Presence == StatusKeyPresence.Always).Select(k => k.Name), WrittenKeys(status));
    }

    [Fact]
    public void Describe_lists_the_written_keys_except_the_version()
    {
        StatusMessage status = OnlineVector();
        var fields = new FieldList();
        status.Describe(fields);
        IEnumerable<string> described = Enumerable.Range(1, fields.Count - 1).Select(i => fields[i].Split('=')[0]);
        Assert.Equal("messageType=status", fields[0]);
        Assert.Equal(StatusKeys.All.Where(k => k.Kind != StatusValueKind.Version).Select(k => k.Name), described);
    }

    public static TheoryData<string> RequiredOnlineKeys()
    {
        var data = new TheoryData<string>();
        foreach (StatusKey key in StatusKeys.All.Where(k => k.Presence != StatusKeyPresence.WhenOnlineOptional && k.Kind != StatusValueKind.Version))
        {
            data.Add(key.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RequiredOnlineKeys))]
    public void Each_required_key_missing_is_reported_by_name(string name)
    {
        string json = Encoding.ASCII.GetString(VectorFiles.Named("status-online-tripped").Input);
        using JsonDocument doc = JsonDocument.Parse(json);
        string without = "{" + string.Join(",", doc.RootElement.EnumerateObject().Where(p => p.Name != name).Select(p => p.ToString())) + "}";
        byte[] bytes = Encoding.ASCII.GetBytes(without);

        DecodeResult result = new StatusMessage().TryDecode(bytes, 0, bytes.Length);

        Assert.Equal(RejectReason.MalformedText, result.Reason);
        Assert.Equal(name, result.Field);
    }

    [Theory]
    [MemberData(nameof(RequiredOnlineKeys))]
    public void Each_key_with_a_value_of_the_wrong_kind_is_refused_by_name(string name)
    {
        string json = Encoding.ASCII.GetString(VectorFiles.Named("status-online-tripped").Input);
        using JsonDocument doc = JsonDocument.Parse(json);
        StatusKey key = StatusKeys.Find(name)!;
        string wrong = key.Kind is StatusValueKind.Boolean ? "\"yes\"" : key.Kind is StatusValueKind.Id or StatusValueKind.StatusText or StatusValueKind.Hex32 or StatusValueKind.CalibrationTag or StatusValueKind.Name ? "7" : "\"7\"";
        string changed = "{" + string.Join(",", doc.RootElement.EnumerateObject().Select(p => p.Name == name ? "\"" + name + "\":" + wrong : p.ToString())) + "}";
        byte[] bytes = Encoding.ASCII.GetBytes(changed);

        DecodeResult result = new StatusMessage().TryDecode(bytes, 0, bytes.Length);

        Assert.Equal(RejectReason.ImpossibleValue, result.Reason);
        Assert.Equal(name, result.Field);
    }

    [Theory]
    [InlineData(1_000_000_000_000_000_000UL)] // 19 digits: more than the reader takes
    [InlineData((ulong)long.MaxValue + 1)] // would have been written negative
    public void A_trip_event_id_the_decoder_would_refuse_is_refused_by_the_encoder(ulong tripEventId)
    {
        StatusMessage status = OnlineVector();
        status.TripEventId = tripEventId;
        EncodeResult result = status.TryEncode(new byte[ProtocolLimits.MaxMessageBytes], 0);
        Assert.Equal(EncodeStatus.ImpossibleValue, result.Status);
        Assert.Equal("tripEventId", result.Field);
    }

    [Fact]
    public void The_largest_integers_the_reader_takes_round_trip()
    {
        StatusMessage status = OnlineVector();
        status.TripEventId = FlatJsonReader.MaxInteger;
        status.UptimeSeconds = FlatJsonReader.MaxInteger;
        byte[] buffer = new byte[ProtocolLimits.MaxMessageBytes];
        EncodeResult written = status.TryEncode(buffer, 0);
        Assert.True(written.IsWritten, written.Field);

        var read = new StatusMessage();
        Assert.True(read.TryDecode(buffer, 0, written.BytesWritten).IsAccepted);
        Assert.Equal((ulong)FlatJsonReader.MaxInteger, read.TripEventId);
        Assert.Equal(FlatJsonReader.MaxInteger, read.UptimeSeconds);

        status.UptimeSeconds = FlatJsonReader.MaxInteger + 1;
        Assert.Equal("uptimeS", status.TryEncode(buffer, 0).Field);
    }

    [Fact]
    public void Calibration_tag_halves_are_kept_apart()
    {
        var status = new StatusMessage { ForceCalibrationId = 65535, ForceCalibrationVersion = 1 };
        status.ForceCalibrationVersion = 65535;
        status.ForceCalibrationId = 2;
        Assert.Equal(2, status.ForceCalibrationId);
        Assert.Equal(65535, status.ForceCalibrationVersion);
        Assert.Equal(0, status.VisionCalibrationId);
    }
}
