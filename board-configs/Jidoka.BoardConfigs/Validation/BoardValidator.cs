using System.Collections.Generic;
using Jidoka.BoardConfigs.Facts;
using Jidoka.BoardConfigs.Model;

namespace Jidoka.BoardConfigs.Validation;

/// <summary>
/// Checks a schema-valid board file against its target's facts: pins (exist, unique, not reserved,
/// not strapping, outputs not on input-only pins, pulls and interrupts where the pin supports them, no two
/// interrupt-driven inputs on one interrupt line),
/// peripherals (ADC channel map, fixed SPI and UART pins, network), signal behaviour (fail-safe stop
/// output, HX711 clock, watchdog timeout) and the default policy and calibrations.
/// </summary>
public static class BoardValidator
{
    /// <summary>Every problem found; empty when the board is usable.</summary>
    public static IReadOnlyList<BoardProblem> Validate(BoardConfig board, TargetFacts facts)
    {
        var problems = new List<BoardProblem>();
        if (facts.Target != board.Target)
        {
            problems.Add(new(BoardProblemCode.UnknownTarget, $"target: the facts file describes {facts.Target}, the board names {board.Target}"));
            return problems;
        }

        PinAssignment[] pins = PinAssignment.From(board);
        PinRules.Check(board, facts, pins, problems);
        InterruptLineRules.Check(facts, pins, problems);
        PeripheralRules.Check(board, facts, problems);
        SignalRules.Check(board, problems);
        LimitRules.Check(board, problems);
        return problems;
    }
}
