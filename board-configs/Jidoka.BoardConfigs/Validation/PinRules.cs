using System.Collections.Generic;
using System.Linq;
using Jidoka.BoardConfigs.Facts;
using Jidoka.BoardConfigs.Model;

namespace Jidoka.BoardConfigs.Validation;

/// <summary>
/// Rules about individual pins: they exist, are not used twice, and are not pins the target reserves or
/// constrains. All knowledge of the chip comes from <see cref="TargetFacts"/>.
/// </summary>
internal static class PinRules
{
    public static void Check(BoardConfig board, TargetFacts facts, IReadOnlyList<PinAssignment> pins, List<BoardProblem> problems)
    {
        foreach (PinAssignment assignment in pins)
        {
            CheckOne(board, facts, assignment, problems);
        }

        foreach (IGrouping<string, PinAssignment> group in pins.GroupBy(p => p.Pin).Where(g => g.Count() > 1))
        {
            string roles = string.Join(" and ", group.Select(p => p.Path));
            problems.Add(new(BoardProblemCode.DuplicatePin, $"pin {group.Key} is assigned to both {roles}; every signal needs its own pin"));
        }
    }

    private static void CheckOne(BoardConfig board, TargetFacts facts, PinAssignment assignment, List<BoardProblem> problems)
    {
        string where = $"{assignment.Path}: {assignment.Pin}";
        if (!PinName.TryParse(assignment.Pin, out PinName? pin) || !Exists(facts, pin.Value))
        {
            problems.Add(new(BoardProblemCode.UnknownPin, $"{where} does not exist on {facts.Target}"));
            return;
        }

        foreach (ReservedPin reserved in facts.Reserved.Where(r => r.Pin == assignment.Pin && r.AppliesTo(board.Network.Kind)))
        {
            string condition = reserved.When == ReservationCondition.Always ? "" : $" when {board.Network.Kind.ToString().ToLowerInvariant()} is used";
            problems.Add(new(BoardProblemCode.ReservedPin, $"{where} is reserved on {facts.Target}{condition}: {reserved.Reason} (source: {reserved.Source})"));
        }

        // Every node signal is wired to something that can hold the line at reset, so no role may sit on a
        // strapping pin: a closed contact or a driver could select the wrong boot mode or flash voltage.
        foreach (PinFact strap in facts.Strapping.Where(s => s.Pin == assignment.Pin))
        {
            problems.Add(new(BoardProblemCode.StrappingPin, $"{where} is a strapping pin on {facts.Target} ({strap.Reason}); no node signal may use it (source: {strap.Source})"));
        }

        if (assignment.Direction == PinDirection.Output)
        {
            foreach (PinFact inputOnly in facts.InputOnly.Where(s => s.Pin == assignment.Pin))
            {
                problems.Add(new(BoardProblemCode.InputOnlyPinAsOutput, $"{where} is input-only on {facts.Target} and cannot drive {BoardRoles.Signal(assignment.Role)} (source: {inputOnly.Source})"));
            }
        }

        if (assignment.Pull is PullMode.Up or PullMode.Down)
        {
            foreach (PinFact noPull in facts.NoInternalPull.Where(s => s.Pin == assignment.Pin))
            {
                problems.Add(new(BoardProblemCode.NoInternalPull, $"{where} asks for the internal pull-{assignment.Pull.Value.ToString().ToLowerInvariant()}, but {assignment.Pin} has none on {facts.Target}; use \"external\" and fit a resistor (source: {noPull.Source})"));
            }
        }

        if (BoardRoles.UsesEdgeInterrupt(assignment.Role))
        {
            foreach (PinFact glitch in facts.UnreliableEdgeInterrupt.Where(s => s.Pin == assignment.Pin))
            {
                problems.Add(new(BoardProblemCode.UnreliableEdgeInterrupt, $"{where} trips or resets from its pin-change event, but {assignment.Pin} on {facts.Target} is {glitch.Reason} (source: {glitch.Source})"));
            }
        }

        if (facts.Physical && string.IsNullOrWhiteSpace(assignment.Label))
        {
            problems.Add(new(BoardProblemCode.MissingLabel, $"{where} has no label; the wiring table needs the header position"));
        }
    }

    private static bool Exists(TargetFacts facts, PinName pin) =>
        facts.ValidPins.Any(range =>
            PinName.TryParse(range.From, out PinName? from) && PinName.TryParse(range.To, out PinName? to) && pin.IsWithin(from.Value, to.Value));
}
