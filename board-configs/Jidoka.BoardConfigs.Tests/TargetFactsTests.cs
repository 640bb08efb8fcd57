using System.Collections.Generic;
using System.Linq;
using Jidoka.BoardConfigs.Facts;
using Jidoka.BoardConfigs.Validation;
using Xunit;

namespace Jidoka.BoardConfigs.Tests;

/// <summary>
/// The target facts are data the validator trusts, so they are checked too: internally consistent, and
/// holding the datasheet facts issue 6 names, so an accidental edit cannot quietly free a flash pin.
/// </summary>
public sealed class TargetFactsTests
{
    private static TargetFacts Facts(string target)
    {
        var problems = new List<BoardProblem>();
        TargetFacts? facts = Repository.Loader.LoadFacts(target, problems);
        Assert.True(facts != null, string.Join("\n", problems));
        return facts!;
    }

    public static TheoryData<string> Targets() => new() { "ESP32_REV3", "ST_NUCLEO144_F767ZI", "SIMULATED" };

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_pin_a_facts_file_names_exists_on_its_target(string target)
    {
        TargetFacts facts = Facts(target);
        IEnumerable<string?> named = facts.Reserved.Select(r => r.Pin)
            .Concat(facts.Strapping.Select(f => f.Pin))
            .Concat(facts.InputOnly.Select(f => f.Pin))
            .Concat(facts.NoInternalPull.Select(f => f.Pin))
            .Concat(facts.UnreliableEdgeInterrupt.Select(f => f.Pin))
            .Concat(facts.AdcChannels.Select(a => a.Pin))
            .Concat(facts.SpiBuses.SelectMany(s => new[] { s.Sck, s.Miso, s.Mosi }))
            .Concat(facts.Uarts.SelectMany(u => new[] { u.Rx, u.Tx }));
        foreach (string pin in named.OfType<string>())
        {
            Assert.True(PinName.TryParse(pin, out PinName? parsed), $"{target}: '{pin}' is not a pin name");
            bool exists = facts.ValidPins.Any(r =>
                PinName.TryParse(r.From, out PinName? from) && PinName.TryParse(r.To, out PinName? to) && parsed.Value.IsWithin(from.Value, to.Value));
            Assert.True(exists, $"{target}: {pin} is named in the facts but is not a valid pin");
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Adc_channels_spi_buses_and_uarts_are_listed_once(string target)
    {
        TargetFacts facts = Facts(target);
        Assert.Equal(facts.AdcChannels.Count, facts.AdcChannels.Select(a => a.Channel).Distinct().Count());
        Assert.Equal(facts.SpiBuses.Count, facts.SpiBuses.Select(s => s.BusId).Distinct().Count());
        Assert.Equal(facts.Uarts.Count, facts.Uarts.Select(u => u.Port).Distinct().Count());
    }

    [Fact]
    public void Esp32_facts_hold_the_flash_strapping_and_input_only_pins()
    {
        TargetFacts facts = Facts("ESP32_REV3");
        string[] flash = ["GPIO6", "GPIO7", "GPIO8", "GPIO9", "GPIO10", "GPIO11"];
        foreach (string pin in flash)
        {
            Assert.Contains(facts.Reserved, r => r.Pin == pin && r.When == ReservationCondition.Always);
        }

        Assert.Equal(["GPIO0", "GPIO12", "GPIO15", "GPIO2", "GPIO5"], facts.Strapping.Select(s => s.Pin).Order());
        Assert.Equal(["GPIO34", "GPIO35", "GPIO36", "GPIO39"], facts.InputOnly.Select(s => s.Pin).Order());
        Assert.All(facts.AdcChannels.Where(a => a.Converter.StartsWith("ADC2", System.StringComparison.Ordinal)), a => Assert.Equal(Model.NetworkKind.Wifi, a.UnavailableWith));
    }

    [Fact]
    public void Nucleo_facts_reserve_the_rmii_pins_with_ethernet_and_the_stlink_uart_always()
    {
        TargetFacts facts = Facts("ST_NUCLEO144_F767ZI");
        string[] rmii = ["PA1", "PA2", "PA7", "PB13", "PC1", "PC4", "PC5", "PG11", "PG13"];
        Assert.Equal(rmii.Order(), facts.Reserved.Where(r => r.When == ReservationCondition.Ethernet).Select(r => r.Pin).Order());
        Assert.Contains(facts.Reserved, r => r.Pin == "PD8" && r.When == ReservationCondition.Always);
        Assert.Contains(facts.Reserved, r => r.Pin == "PD9" && r.When == ReservationCondition.Always);
        Assert.Contains(facts.Reserved, r => r.Pin == "PA13" && r.When == ReservationCondition.Always);
        Assert.Contains(facts.Reserved, r => r.Pin == "PA14" && r.When == ReservationCondition.Always);
    }
}
