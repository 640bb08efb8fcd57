using Jidoka.BoardConfigs.Loading;
using Jidoka.BoardConfigs.Validation;
using Xunit;

namespace Jidoka.BoardConfigs.Tests;

/// <summary>STM32 EXTI: one port per interrupt line, so interrupt-driven inputs need distinct pin numbers.</summary>
public sealed class InterruptLineTests
{
    [Fact]
    public void The_nucleo_wiring_before_issue_12_put_two_interlock_channels_on_exti_line_13_and_fails()
    {
        // PE13 (guard B) and PF13 (e-stop B) was the committed wiring: the e-stop channel's edge was lost.
        BoardLoadResult result = BrokenBoard.Load("nucleo-f767zi", b => BrokenBoard.At(b, "interlocks.eStop.channelB")["pin"] = "PF13");
        BrokenBoard.AssertProblem(result, BoardProblemCode.SharedInterruptLine, "line 13", "PE13", "PF13", "interlocks.guard.channelB.pin", "interlocks.eStop.channelB.pin");
    }

    [Fact]
    public void The_reset_button_counts_as_an_interrupt_driven_input()
    {
        BoardLoadResult result = BrokenBoard.Load("nucleo-f767zi", b => b["resetButton"]!["pin"] = "PG15");
        BrokenBoard.AssertProblem(result, BoardProblemCode.SharedInterruptLine, "line 15", "PF15", "PG15");
    }

    [Fact]
    public void Outputs_may_share_a_pin_number_with_an_interrupt_driven_input()
    {
        // PD15 (stop output) and PF15 (guard A) share a number in the committed file: outputs use no EXTI line.
        BoardLoadResult result = Repository.Loader.Load(Repository.BoardFile("nucleo-f767zi"));
        Assert.DoesNotContain(result.Problems, p => p.Code == BoardProblemCode.SharedInterruptLine);
    }

    [Fact]
    public void Targets_without_the_rule_accept_equal_pin_numbers()
    {
        // The ESP32 GPIO matrix gives every pin its own interrupt: numbers are pins, not lines.
        BoardLoadResult result = Repository.Loader.Load(Repository.BoardFile("esp32-devkitc"));
        Assert.DoesNotContain(result.Problems, p => p.Code == BoardProblemCode.SharedInterruptLine);
    }
}
