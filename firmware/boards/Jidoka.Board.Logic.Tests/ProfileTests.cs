using System;
using Jidoka.Boards.Logic.Profile;
using Jidoka.Node.Config;
using Jidoka.Node.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Boards.Logic.Tests;

public sealed class NodeIdentityTests
{
    [Fact]
    public void Mac_based_ids_use_the_last_three_bytes()
    {
        Assert.Equal("esp32-a1b2c3", NodeIdentity.FromMac("esp32", [0x24, 0x0A, 0xC4, 0xA1, 0xB2, 0xC3]));
        Assert.Equal("n-00000f", NodeIdentity.FromMac("n", [0x00, 0x00, 0x0F]));
    }

    [Fact]
    public void Unique_id_based_ids_hash_all_twelve_bytes()
    {
        byte[] uid = [0x20, 0x00, 0x3A, 0x00, 0x0D, 0x51, 0x33, 0x36, 0x38, 0x37, 0x39, 0x31];
        string id = NodeIdentity.FromUniqueId("f767", uid);
        uint crc = Crc32.Compute(uid, 0, uid.Length) & 0xFFFFFF;
        Assert.Equal($"f767-{crc:x6}", id);

        // Two boards of one lot differ only in their first bytes; their ids must still differ.
        byte[] sibling = (byte[])uid.Clone();
        sibling[0] ^= 1;
        Assert.NotEqual(id, NodeIdentity.FromUniqueId("f767", sibling));
    }

    [Theory]
    [InlineData("")]
    [InlineData("toolongprefix")]
    [InlineData("Esp32")]
    [InlineData("-esp")]
    [InlineData("cell/1")]
    public void A_prefix_that_cannot_make_a_protocol_id_is_refused(string prefix) =>
        Assert.Throws<ArgumentException>(() => NodeIdentity.FromMac(prefix, [1, 2, 3]));

    [Fact]
    public void Every_generated_id_is_a_valid_protocol_id_of_at_most_16_characters()
    {
        string id = NodeIdentity.FromMac("abcdefghi", [0xFF, 0xFF, 0xFF]);
        Assert.Equal(16, id.Length);
        Assert.True(Identifiers.IsValidId(id));
        Assert.Throws<ArgumentException>(() => NodeIdentity.FromMac("x", [1, 2]));
    }
}

public sealed class NodeConfigBuilderTests
{
    [Fact]
    public void Identity_board_policy_and_calibrations_are_carried_over()
    {
        BoardProfile profile = TestProfiles.Simulated();
        NodeConfig config = NodeConfigBuilder.Build(profile, "cell-a", "sim-010203", "0.1.0");
        Assert.Equal("cell-a", config.CellId);
        Assert.Equal("sim-010203", config.NodeId);
        Assert.Equal("simulated", config.Board);
        Assert.Equal("0.1.0", config.FirmwareVersion);
        Assert.Equal(NodeConfigBuilder.JournalCapacity, config.JournalCapacity);
        Assert.Equal(profile.DefaultPolicy.ComputeHash(), config.DefaultPolicy.ComputeHash());
        Assert.Equal(1000u, config.DefaultPolicy.LoopPeriodUs);
        Assert.Equal(122_500_000, config.DefaultForceCalibration.GainMicroUnitsPerCount);
        Assert.Equal(InputChannel.Vision, config.DefaultVisionCalibration.Channel);

        // The config owns copies: changing the profile afterwards changes nothing.
        profile.DefaultPolicy.ForceLimitMilliNewtons = 1;
        Assert.Equal(StandardPolicy.Create().ForceLimitMilliNewtons, config.DefaultPolicy.ForceLimitMilliNewtons);
    }

    [Fact]
    public void A_slow_HX711_widens_the_silence_limit_to_two_sample_periods()
    {
        NodeConfig adc = NodeConfigBuilder.Build(TestProfiles.Simulated(), "c", "n", "0.1.0");
        BoardProfile hxProfile = TestProfiles.Simulated(ForceSourceKind.Hx711, 10);
        hxProfile.DefaultPolicy.ForceOverLimitMs = 100; // one reading at 10 samples/s
        NodeConfig hx10 = NodeConfigBuilder.Build(hxProfile, "c", "n", "0.1.0");
        Assert.Equal(new NodeConfig().ForceSilenceLimitUs, adc.ForceSilenceLimitUs);
        Assert.True(hx10.ForceSilenceLimitUs >= 200_000);
        Assert.Equal(0u, adc.ForceReadingIntervalUs);
        Assert.Equal(100_000u, hx10.ForceReadingIntervalUs);
    }

    [Fact]
    public void A_slow_HX711_refuses_a_default_over_limit_window_shorter_than_one_of_its_readings()
    {
        // The simulated board's 3 ms window suits its 1 ms ADC loop; an HX711 at 10 samples/s reads every 100 ms.
        var e = Assert.Throws<ArgumentException>(() => NodeConfigBuilder.Build(TestProfiles.Simulated(ForceSourceKind.Hx711, 10), "c", "n", "0.1.0"));
        Assert.Contains("DefaultPolicy (force-over-limit-ms)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_missing_a_part_is_refused_before_a_config_exists()
    {
        BoardProfile profile = TestProfiles.Simulated();
        profile.StopOutput = null;
        var e = Assert.Throws<ArgumentException>(() => NodeConfigBuilder.Build(profile, "c", "n", "0.1.0"));
        Assert.Contains("StopOutput", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_default_policy_or_id_is_refused()
    {
        BoardProfile profile = TestProfiles.Simulated();
        profile.DefaultPolicy.LoopDeadlineUs = profile.DefaultPolicy.LoopPeriodUs + 1;
        Assert.Throws<ArgumentException>(() => NodeConfigBuilder.Build(profile, "c", "n", "0.1.0"));
        Assert.Throws<ArgumentException>(() => NodeConfigBuilder.Build(TestProfiles.Simulated(), "Cell A", "n", "0.1.0"));
    }

    [Fact]
    public void The_store_slot_count_matches_the_core_layout() =>
        Assert.Equal(NodeConfigBuilder.StoreSlotCount, Jidoka.Node.Store.StoreLayout.SlotsRequired(NodeConfigBuilder.JournalCapacity));
}
