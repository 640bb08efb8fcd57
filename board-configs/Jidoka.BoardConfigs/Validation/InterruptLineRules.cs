using System.Collections.Generic;
using System.Linq;
using Jidoka.BoardConfigs.Facts;
using Jidoka.BoardConfigs.Model;

namespace Jidoka.BoardConfigs.Validation;

/// <summary>
/// Rules about interrupt lines shared between pins. On STM32 the EXTI line of a pin is its pin number, and
/// each line listens to one port only, so of two interrupt-driven inputs with the same number on different
/// ports one silently never raises its change event: an interlock channel whose opening edge is lost would
/// trip only at the next loop read, or not at once when both channels open together.
/// </summary>
internal static class InterruptLineRules
{
    public static void Check(TargetFacts facts, IReadOnlyList<PinAssignment> pins, List<BoardProblem> problems)
    {
        EdgeInterruptLineFact? rule = facts.EdgeInterruptLinePerPinNumber;
        if (rule == null)
        {
            return;
        }

        var byLine = pins
            .Where(p => BoardRoles.UsesEdgeInterrupt(p.Role))
            .Select(p => (Assignment: p, Ok: PinName.TryParse(p.Pin, out PinName? name), Name: name))
            .Where(x => x.Ok && x.Name!.Value.Index < rule.Lines)
            .GroupBy(x => x.Name!.Value.Index);
        foreach (var line in byLine)
        {
            var ports = line.Select(x => x.Name!.Value.Prefix).Distinct().ToList();
            if (ports.Count < 2)
            {
                continue;
            }

            string users = string.Join(" and ", line.Select(x => $"{x.Assignment.Path} ({x.Assignment.Pin})"));
            problems.Add(new(
                BoardProblemCode.SharedInterruptLine,
                $"{users} both need interrupt line {line.Key} on {facts.Target}: {rule.Reason}; move one to a pin number no other interrupt-driven input uses (source: {rule.Source})"));
        }
    }
}
