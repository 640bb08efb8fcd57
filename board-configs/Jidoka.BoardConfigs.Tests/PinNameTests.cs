using Jidoka.BoardConfigs.Facts;
using Jidoka.BoardConfigs.Model;
using Xunit;

namespace Jidoka.BoardConfigs.Tests;

public sealed class PinNameTests
{
    [Theory]
    [InlineData("GPIO0", 0)]
    [InlineData("GPIO39", 39)]
    [InlineData("PA0", 0)]
    [InlineData("PA15", 15)]
    [InlineData("PB5", 21)]
    [InlineData("PD15", 63)]
    [InlineData("PG14", 110)]
    [InlineData("SIM40", 40)]
    public void Parses_to_the_nanoFramework_pin_number(string text, int number)
    {
        Assert.True(PinName.TryParse(text, out PinName? pin));
        Assert.Equal(number, pin!.Value.NanoFrameworkNumber);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GPIO")]
    [InlineData("GPIO40")]
    [InlineData("GPIO04")]
    [InlineData("PA16")]
    [InlineData("PL1")]
    [InlineData("P5")]
    [InlineData("SIM1000")]
    [InlineData("D9")]
    public void Rejects_what_is_not_a_canonical_pin_name(string text)
    {
        Assert.False(PinName.TryParse(text, out _));
    }

    [Fact]
    public void Range_membership_needs_the_same_prefix()
    {
        Assert.True(PinName.TryParse("PA0", out PinName? from));
        Assert.True(PinName.TryParse("PA15", out PinName? to));
        Assert.True(PinName.TryParse("PB3", out PinName? other));
        Assert.True(PinName.TryParse("PA7", out PinName? inside));
        Assert.True(inside!.Value.IsWithin(from!.Value, to!.Value));
        Assert.False(other!.Value.IsWithin(from.Value, to.Value));
    }

    [Fact]
    public void Ethernet_reservations_apply_only_to_ethernet_boards()
    {
        var rmii = new ReservedPin { Pin = "PG13", Reason = "RMII_TXD0", When = ReservationCondition.Ethernet, Source = "UM1974" };
        Assert.True(rmii.AppliesTo(NetworkKind.Ethernet));
        Assert.False(rmii.AppliesTo(NetworkKind.Wifi));
        var flash = new ReservedPin { Pin = "GPIO6", Reason = "flash", When = ReservationCondition.Always, Source = "WROOM" };
        Assert.True(flash.AppliesTo(NetworkKind.Wifi));
    }
}
