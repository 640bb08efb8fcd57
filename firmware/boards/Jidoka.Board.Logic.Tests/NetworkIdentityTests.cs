using System.IO;
using System.Text.RegularExpressions;
using Jidoka.Boards.Logic.Network;
using Xunit;

namespace Jidoka.Boards.Logic.Tests;

/// <summary>Unique Ethernet MAC per NUCLEO, and a broker addressed by IP.</summary>
public sealed class NetworkIdentityTests
{
    private static readonly byte[] IdA = { 0x30, 0x00, 0x41, 0x00, 0x0F, 0x51, 0x33, 0x32, 0x38, 0x37, 0x39, 0x36 };
    private static readonly byte[] IdB = { 0x30, 0x00, 0x41, 0x00, 0x0F, 0x51, 0x33, 0x32, 0x38, 0x37, 0x39, 0x37 };

    [Fact]
    public void The_mac_is_locally_administered_unicast_and_stable_for_one_chip()
    {
        byte[] mac = UniqueMac.FromUniqueId(IdA);
        Assert.Equal(6, mac.Length);
        Assert.Equal(0x02, mac[0] & 0x03); // locally administered, not multicast
        Assert.True(UniqueMac.Same(mac, UniqueMac.FromUniqueId((byte[])IdA.Clone())));
    }

    [Fact]
    public void Two_chips_get_different_macs()
    {
        Assert.False(UniqueMac.Same(UniqueMac.FromUniqueId(IdA), UniqueMac.FromUniqueId(IdB)));
    }

    [Theory]
    [InlineData("192.0.2.10", true)]
    [InlineData("10.0.0.1", true)]
    [InlineData("jidoka-broker", false)]
    [InlineData("256.1.1.1", false)]
    [InlineData("1.2.3", false)]
    [InlineData("1.2.3.4.5", false)]
    [InlineData("1..2.3", false)]
    [InlineData("", false)]
    public void Only_an_ipv4_literal_is_a_usable_broker_address(string host, bool ok)
    {
        Assert.Equal(ok, BrokerAddress.IsIPv4Literal(host));
        Assert.Equal(ok, BrokerAddress.Refusal(host) == null);
    }

    [Theory]
    [InlineData("Esp32DevKitC")]
    [InlineData("NucleoF767zi")]
    [InlineData("Stm32F769iDisco")]
    public void Each_app_ships_an_ipv4_broker_address(string app)
    {
        string dir = System.AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "host.sln")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }

        string site = File.ReadAllText(Path.Combine(dir, "firmware", "boards", app, "Site.cs"));
        Match m = Regex.Match(site, "BrokerHost = \"(?<h>[^\"]*)\"");
        Assert.True(m.Success);
        Assert.True(BrokerAddress.IsIPv4Literal(m.Groups["h"].Value), $"{app}/Site.cs BrokerHost '{m.Groups["h"].Value}' is a host name");
    }
}
