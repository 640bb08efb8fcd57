using Jidoka.BoardConfigs.Loading;
using Jidoka.BoardConfigs.Validation;
using Xunit;

namespace Jidoka.BoardConfigs.Tests;

/// <summary>Each pin rule catches a board file broken in exactly the way the rule is for.</summary>
public sealed class PinCheckTests
{
    [Fact]
    public void Duplicated_pin_fails_naming_the_pin_and_both_roles()
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => b["andonOutput"]!["pin"] = "GPIO4");
        BrokenBoard.AssertProblem(result, BoardProblemCode.DuplicatePin, "GPIO4", "stopOutput.pin", "andonOutput.pin");
    }

    [Fact]
    public void Duplicated_pin_across_interlock_channels_fails()
    {
        BoardLoadResult result = BrokenBoard.Load("nucleo-f767zi", b => BrokenBoard.At(b, "interlocks.guard.channelB")["pin"] = "PF15");
        BrokenBoard.AssertProblem(result, BoardProblemCode.DuplicatePin, "PF15", "interlocks.guard.channelA.pin", "interlocks.guard.channelB.pin");
    }

    [Fact]
    public void Esp32_flash_pin_is_rejected()
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => b["stopOutput"]!["pin"] = "GPIO6");
        BrokenBoard.AssertProblem(result, BoardProblemCode.ReservedPin, "stopOutput.pin", "GPIO6", "flash");
    }

    [Fact]
    public void Esp32_wire_protocol_uart_pin_is_rejected()
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => b["watchdogKick"]!["pin"] = "GPIO1");
        BrokenBoard.AssertProblem(result, BoardProblemCode.ReservedPin, "watchdogKick.pin", "GPIO1", "wire protocol");
    }

    [Theory]
    [InlineData("GPIO12")]
    [InlineData("GPIO0")]
    [InlineData("GPIO2")]
    [InlineData("GPIO5")]
    [InlineData("GPIO15")]
    public void Esp32_strapping_pin_is_rejected_for_the_stop_output(string pin)
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => b["stopOutput"]!["pin"] = pin);
        BrokenBoard.AssertProblem(result, BoardProblemCode.StrappingPin, "stopOutput.pin", pin, "strapping");
    }

    [Fact]
    public void Esp32_strapping_pin_is_rejected_for_an_interlock_input()
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => BrokenBoard.At(b, "interlocks.eStop.channelB")["pin"] = "GPIO12");
        BrokenBoard.AssertProblem(result, BoardProblemCode.StrappingPin, "interlocks.eStop.channelB.pin", "GPIO12", "flash voltage");
    }

    [Theory]
    [InlineData("andonOutput")]
    [InlineData("stopOutput")]
    [InlineData("watchdogKick")]
    public void Esp32_input_only_pin_is_rejected_as_an_output(string role)
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => b[role]!["pin"] = "GPIO36");
        BrokenBoard.AssertProblem(result, BoardProblemCode.InputOnlyPinAsOutput, $"{role}.pin", "GPIO36", "input-only");
    }

    [Fact]
    public void Esp32_input_only_pin_is_rejected_as_the_spi_mosi_driving_the_hx711()
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => BrokenBoard.At(b, "hx711.pdSck")["pin"] = "GPIO39");
        BrokenBoard.AssertProblem(result, BoardProblemCode.InputOnlyPinAsOutput, "hx711.pdSck.pin", "GPIO39");
    }

    [Fact]
    public void Input_only_pin_is_accepted_as_an_input()
    {
        // The real ESP32 board reads its reset button on GPIO35, an input-only pin: that must stay legal.
        BoardLoadResult result = Repository.Loader.Load(Repository.BoardFile("esp32-devkitc"));
        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal("GPIO35", result.Definition.Pin(BoardRole.ResetButton).Pin);
    }

    [Theory]
    [InlineData("PA1")]
    [InlineData("PA2")]
    [InlineData("PA7")]
    [InlineData("PB13")]
    [InlineData("PC1")]
    [InlineData("PC4")]
    [InlineData("PC5")]
    [InlineData("PG11")]
    [InlineData("PG13")]
    public void Stm32_ethernet_rmii_pin_is_rejected_when_ethernet_is_used(string pin)
    {
        BoardLoadResult result = BrokenBoard.Load("nucleo-f767zi", b => b["andonOutput"]!["pin"] = pin);
        BrokenBoard.AssertProblem(result, BoardProblemCode.ReservedPin, "andonOutput.pin", pin, "RMII", "when ethernet is used");
    }

    [Theory]
    [InlineData("PD8")]
    [InlineData("PD9")]
    public void Stm32_stlink_virtual_com_port_pin_is_rejected(string pin)
    {
        BoardLoadResult result = BrokenBoard.Load("nucleo-f767zi", b => b["resetButton"]!["pin"] = pin);
        BrokenBoard.AssertProblem(result, BoardProblemCode.ReservedPin, "resetButton.pin", pin, "ST-LINK");
    }

    [Theory]
    [InlineData("esp32-devkitc", "GPIO37")]
    [InlineData("esp32-devkitc", "GPIO24")]
    [InlineData("nucleo-f767zi", "PH5")]
    [InlineData("simulated", "SIM64")]
    public void Pin_that_does_not_exist_on_the_target_is_rejected(string boardId, string pin)
    {
        BoardLoadResult result = BrokenBoard.Load(boardId, b => b["andonOutput"]!["pin"] = pin);
        BrokenBoard.AssertProblem(result, BoardProblemCode.UnknownPin, "andonOutput.pin", pin, "does not exist");
    }

    [Fact]
    public void Internal_pull_on_a_pin_without_one_is_rejected()
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => b["resetButton"]!["pull"] = "up");
        BrokenBoard.AssertProblem(result, BoardProblemCode.NoInternalPull, "resetButton.pin", "GPIO35", "external");
    }

    [Fact]
    public void Interlock_on_a_pin_with_spurious_edges_is_rejected()
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => BrokenBoard.At(b, "interlocks.lightCurtain.channelA")["pin"] = "GPIO39");
        BrokenBoard.AssertProblem(result, BoardProblemCode.UnreliableEdgeInterrupt, "interlocks.lightCurtain.channelA.pin", "GPIO39", "80 ns");
    }

    [Fact]
    public void Physical_board_pin_without_a_label_is_rejected()
    {
        BoardLoadResult result = BrokenBoard.Load("nucleo-f767zi", b => b["andonOutput"]!.AsObject().Remove("label"));
        BrokenBoard.AssertProblem(result, BoardProblemCode.MissingLabel, "andonOutput.pin", "PD14");
    }
}
