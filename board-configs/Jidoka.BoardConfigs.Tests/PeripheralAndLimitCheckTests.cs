using System.Text.Json.Nodes;
using Jidoka.BoardConfigs.Loading;
using Jidoka.BoardConfigs.Validation;
using Xunit;

namespace Jidoka.BoardConfigs.Tests;

/// <summary>Each peripheral, signal and limit rule catches a board file broken in exactly the way the rule is for.</summary>
public sealed class PeripheralAndLimitCheckTests
{
    [Fact]
    public void Adc_channel_that_samples_another_pin_is_rejected()
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => b["forceAdc"]!["channel"] = 7);
        BrokenBoard.AssertProblem(result, BoardProblemCode.AdcChannel, "forceAdc.input.pin", "channel 7", "GPIO35", "GPIO34");
    }

    [Fact]
    public void Esp32_adc2_channel_is_rejected_while_wifi_is_used()
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b =>
        {
            b["forceAdc"]!["channel"] = 16;
            BrokenBoard.At(b, "forceAdc.input")["pin"] = "GPIO14";
            BrokenBoard.At(b, "forceAdc.input")["label"] = "J2 pin 12 (IO14)";
        });
        BrokenBoard.AssertProblem(result, BoardProblemCode.AdcChannel, "channel 16", "ADC2", "wifi");
    }

    [Fact]
    public void Unknown_adc_channel_is_rejected()
    {
        BoardLoadResult result = BrokenBoard.Load("nucleo-f767zi", b => b["forceAdc"]!["channel"] = 99);
        BrokenBoard.AssertProblem(result, BoardProblemCode.AdcChannel, "channel 99");
    }

    [Fact]
    public void Stm32_spi_bus_whose_pins_the_firmware_fixes_elsewhere_is_rejected()
    {
        BoardLoadResult result = BrokenBoard.Load("nucleo-f767zi", b => b["hx711"]!["spiBusId"] = 1);
        BrokenBoard.AssertProblem(result, BoardProblemCode.SpiBus, "hx711.pdSck.pin", "SPI1 MOSI", "PA7", "PB5");
    }

    [Fact]
    public void Unknown_spi_bus_is_rejected()
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => b["hx711"]!["spiBusId"] = 3);
        BrokenBoard.AssertProblem(result, BoardProblemCode.SpiBus, "no SPI bus 3");
    }

    [Fact]
    public void Uart_that_carries_the_wire_protocol_is_rejected()
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => b["visionLink"]!["port"] = "COM1");
        BrokenBoard.AssertProblem(result, BoardProblemCode.Uart, "COM1", "wire protocol");
    }

    [Fact]
    public void Stm32_uart_pins_must_be_the_ones_the_firmware_fixes()
    {
        BoardLoadResult result = BrokenBoard.Load("nucleo-f767zi", b => b["visionLink"]!["port"] = "COM2");
        BrokenBoard.AssertProblem(result, BoardProblemCode.Uart, "visionLink.rx.pin", "COM2 RX", "PD6", "PG9");
    }

    [Fact]
    public void Network_the_target_lacks_is_rejected()
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b =>
            b["network"] = new JsonObject { ["kind"] = "ethernet", ["phy"] = "LAN8720", ["addressing"] = "dhcp" });
        BrokenBoard.AssertProblem(result, BoardProblemCode.Network, "ethernet", "ESP32_REV3");
    }

    [Fact]
    public void Stop_output_pulled_to_the_energized_level_is_rejected()
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => b["stopOutput"]!["externalPull"] = "up");
        BrokenBoard.AssertProblem(result, BoardProblemCode.StopOutputNotFailSafe, "GPIO4", "pull it to low");
    }

    [Fact]
    public void Stop_output_energized_low_must_be_pulled_up()
    {
        BoardLoadResult ok = BrokenBoard.Load("nucleo-f767zi", b =>
        {
            b["stopOutput"]!["energizedLevel"] = "low";
            b["stopOutput"]!["externalPull"] = "up";
        });
        Assert.True(ok.Succeeded, ok.Describe());

        BoardLoadResult broken = BrokenBoard.Load("nucleo-f767zi", b => b["stopOutput"]!["energizedLevel"] = "low");
        BrokenBoard.AssertProblem(broken, BoardProblemCode.StopOutputNotFailSafe, "PD15", "pull it to high");
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(8_000_000)]
    public void Hx711_clock_outside_the_datasheet_pulse_limits_is_rejected(int hz)
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => b["hx711"]!["clockFrequencyHz"] = hz);
        BrokenBoard.AssertProblem(result, BoardProblemCode.Hx711Clock, $"{hz} Hz");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(5000)]
    public void Watchdog_timeout_that_does_not_fit_the_loop_is_rejected(int timeoutMs)
    {
        BoardLoadResult result = BrokenBoard.Load("simulated", b => b["watchdogKick"]!["timeoutMs"] = timeoutMs);
        BrokenBoard.AssertProblem(result, BoardProblemCode.WatchdogTimeout, $"{timeoutMs} ms");
    }

    [Fact]
    public void Default_limits_that_are_not_a_valid_policy_are_rejected_with_the_protocol_reason()
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => b["defaultPolicy"]!["forceWarnMilliNewtons"] = 200000);
        BrokenBoard.AssertProblem(result, BoardProblemCode.InvalidPolicy, "force-warn");
    }

    [Fact]
    public void Loop_deadline_longer_than_the_period_is_rejected()
    {
        BoardLoadResult result = BrokenBoard.Load("nucleo-f767zi", b => b["defaultPolicy"]!["loopDeadlineUs"] = 15000);
        BrokenBoard.AssertProblem(result, BoardProblemCode.InvalidPolicy, "loop-deadline");
    }

    [Fact]
    public void A_one_millisecond_policy_is_rejected_for_the_ten_millisecond_nucleo()
    {
        // Valid for the protocol (and accepted before issue 12), but the NUCLEO's runtime cannot hold it.
        BoardLoadResult result = BrokenBoard.Load("nucleo-f767zi", b =>
        {
            b["defaultPolicy"]!["loopPeriodUs"] = 1000;
            b["defaultPolicy"]!["loopDeadlineUs"] = 800;
        });
        BrokenBoard.AssertProblem(result, BoardProblemCode.InvalidPolicy, "loopPeriodUs", "1000", "10000");
    }

    [Fact]
    public void A_force_window_shorter_than_its_readings_is_rejected()
    {
        // The NUCLEO reads force every 10 ms: a 5 ms over-limit window cannot be spanned by a reading.
        BrokenBoard.AssertProblem(BrokenBoard.Load("nucleo-f767zi", b => b["defaultPolicy"]!["forceOverLimitMs"] = 5), BoardProblemCode.InvalidPolicy, "forceOverLimitMs", "10000 us", "force-over-limit-ms");
        BrokenBoard.AssertProblem(BrokenBoard.Load("nucleo-f767zi", b => b["defaultPolicy"]!["forceStuckMs"] = 19), BoardProblemCode.InvalidPolicy, "forceStuckMs", "two readings", "force-stuck-ms");

        // Switching the ESP32 to its HX711 (80 samples/s) makes a reading 12.5 ms: the ADC's 5 ms window is too short.
        BrokenBoard.AssertProblem(BrokenBoard.Load("esp32-devkitc", b => b["forceSource"] = "hx711"), BoardProblemCode.InvalidPolicy, "forceOverLimitMs", "12500 us", "force-over-limit-ms");
    }

    [Fact]
    public void A_deadline_under_four_clock_steps_is_rejected()
    {
        // The NUCLEO's clock moves in 1 ms steps: an 800 us deadline reads every step as 0 or 1000 us.
        BoardLoadResult result = BrokenBoard.Load("nucleo-f767zi", b =>
        {
            b["loopTiming"]!["loopPeriodUsMin"] = 1000;
            b["defaultPolicy"]!["loopPeriodUs"] = 1000;
            b["defaultPolicy"]!["loopDeadlineUs"] = 800;
        });
        BrokenBoard.AssertProblem(result, BoardProblemCode.InvalidPolicy, "loopDeadlineUs", "800", "1000 us clock");
    }

    [Fact]
    public void Default_calibration_that_is_not_valid_is_rejected()
    {
        BoardLoadResult result = BrokenBoard.Load("simulated", b => BrokenBoard.At(b, "defaultCalibration.force")["gainMicroUnitsPerCount"] = 0);
        BrokenBoard.AssertProblem(result, BoardProblemCode.InvalidCalibration, "defaultCalibration.force", "gain");
    }
}
