using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Jidoka.Hil.Rig;

/// <summary>
/// Which rig GPIO does what (BCM numbers on a Raspberry Pi), and the levels that mean "contact closed",
/// "pressed", "applied" and "energized" on the rig's side of the opto-isolators. A JSON file named by
/// <c>JIDOKA_RIG_PINMAP</c>; <c>hil-tests/rig/pinmap.example.json</c> matches the wiring in docs/hil.md.
/// </summary>
public sealed class RigPinMap
{
    /// <summary>Free text: which bench, which node.</summary>
    public string Description { get; set; } = "";

    /// <summary>Six rig outputs driving the node's interlock inputs, in interlock bit order.</summary>
    public List<int> InterlockPins { get; set; } = new();

    /// <summary><c>high</c> or <c>low</c>: the rig level that makes the node see a closed (healthy) contact.</summary>
    public string InterlockClosedLevel { get; set; } = "high";

    /// <summary>Rig output pressing the node's reset button, or null.</summary>
    public int? ResetButtonPin { get; set; }

    /// <summary>Rig level that presses the reset button.</summary>
    public string ResetPressedLevel { get; set; } = "high";

    /// <summary>Rig output switching the shunt-calibration resistor (a force step), or null.</summary>
    public int? ForceStepPin { get; set; }

    /// <summary>Force the shunt resistor simulates, N.</summary>
    public double ForceStepNewtons { get; set; }

    /// <summary>Rig input reading the node's stop output (through an opto-isolator).</summary>
    public int StopOutputPin { get; set; } = -1;

    /// <summary>Rig level that means the node's stop output is energized.</summary>
    public string StopEnergizedLevel { get; set; } = "high";

    /// <summary>Reads and checks a pin map file.</summary>
    public static RigPinMap Load(string path)
    {
        RigPinMap map = JsonSerializer.Deserialize<RigPinMap>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip })
            ?? throw new InvalidDataException(path + " is empty");
        IReadOnlyList<string> problems = map.Problems();
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{path} is not a usable pin map:\n  " + string.Join("\n  ", problems));
        }

        return map;
    }

    /// <summary>Everything wrong with this map; empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (InterlockPins.Count != 6)
        {
            problems.Add($"interlockPins must list 6 pins (guard A/B, light curtain A/B, e-stop A/B), not {InterlockPins.Count}");
        }

        if (StopOutputPin < 0)
        {
            problems.Add("stopOutputPin is missing");
        }

        var all = InterlockPins.Append(StopOutputPin).Concat(new[] { ResetButtonPin, ForceStepPin }.Where(p => p.HasValue).Select(p => p!.Value)).ToList();
        foreach (int pin in all.GroupBy(p => p).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"pin {pin} is used twice");
        }

        foreach (int pin in all.Where(p => p is < 0 or > 27))
        {
            problems.Add($"pin {pin} is not a Raspberry Pi header GPIO (BCM 0-27)");
        }

        foreach ((string name, string level) in new[] { ("interlockClosedLevel", InterlockClosedLevel), ("resetPressedLevel", ResetPressedLevel), ("stopEnergizedLevel", StopEnergizedLevel) })
        {
            if (level is not ("high" or "low"))
            {
                problems.Add($"{name} must be high or low, not '{level}'");
            }
        }

        if (ForceStepPin.HasValue && ForceStepNewtons <= 0)
        {
            problems.Add("forceStepNewtons must give the shunt resistor's simulated force when forceStepPin is set");
        }

        return problems;
    }
}
