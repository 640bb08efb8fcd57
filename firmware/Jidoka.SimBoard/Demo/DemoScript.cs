using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jidoka.SimBoard.Demo;

/// <summary>
/// The timeline the demo nodes play (<c>--demo-nodes N</c>): which cause happens when, as data
/// (Demo/demo-script.json, embedded). Whoever hosts the demo nodes (the bridge today, a separate
/// simulated-nodes process tomorrow) loads it and attaches a <see cref="DemoScriptPlayer"/> to each node.
/// </summary>
public sealed class DemoScript
{
    /// <summary>The step actions a script may use.</summary>
    public static readonly IReadOnlyList<string> Actions = new[]
    {
        "press", "interlock-open", "interlock-close", "channel", "vision-degrade", "vision-nominal", "vision-dropout", "sensor-stick", "sensor-unstick",
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>What the script is for, in a sentence or two.</summary>
    public string Description { get; init; } = "";

    /// <summary>Length of the timeline; it repeats after this.</summary>
    public int CycleSeconds { get; init; }

    /// <summary>Node k starts (k-1) times this much later in the timeline.</summary>
    public int NodeOffsetSeconds { get; init; }

    /// <summary>The operator presses a tripped node's reset button this long after the trip (and again this often while it stays tripped).</summary>
    public int ResetAfterSeconds { get; init; }

    /// <summary>The ordinary press cycle between steps.</summary>
    public DemoPress Press { get; init; } = new();

    /// <summary>The vision system's ordinary confidence, 1/10 000.</summary>
    public int VisionScore { get; init; }

    /// <summary>The steps, by time in the cycle.</summary>
    public IReadOnlyList<DemoStep> Steps { get; init; } = Array.Empty<DemoStep>();

    /// <summary>The script built into the simulated board (Demo/demo-script.json).</summary>
    public static DemoScript BuiltIn()
    {
        using Stream stream = typeof(DemoScript).Assembly.GetManifestResourceStream("Jidoka.SimBoard.Demo.demo-script.json")
            ?? throw new InvalidOperationException("the demo script resource is missing from Jidoka.SimBoard");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "demo-script.json");
    }

    /// <summary>Parses and validates a script; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="FormatException">The text is not a valid script (one line saying what and where).</exception>
    public static DemoScript Parse(string json, string name)
    {
        DemoScript? script;
        try
        {
            script = JsonSerializer.Deserialize<DemoScript>(json, Json);
        }
        catch (JsonException ex)
        {
            long line = (ex.LineNumber ?? 0) + 1;
            throw new FormatException($"{name}: line {line}: {ex.Message.Split(" Path:")[0]}", ex);
        }

        if (script == null)
        {
            throw new FormatException(name + ": empty");
        }

        string? problem = script.Problem();
        return problem == null ? script : throw new FormatException(name + ": " + problem);
    }

    /// <summary>The first thing wrong with the script, or null.</summary>
    public string? Problem()
    {
        if (CycleSeconds < 10 || CycleSeconds > 3600)
        {
            return "cycleSeconds must be 10..3600";
        }

        if (NodeOffsetSeconds < 0 || ResetAfterSeconds < 1 || VisionScore is < 0 or > 10_000)
        {
            return "nodeOffsetSeconds must be 0 or more, resetAfterSeconds 1 or more, visionScore 0..10000";
        }

        if (Press.PeriodSeconds < 2 || Press.PeakNewtons <= 0 || Press.ContactNewtons < 0)
        {
            return "press: periodSeconds must be 2 or more (one press takes 1.5 s), peakNewtons above 0";
        }

        for (int i = 0; i < Steps.Count; i++)
        {
            DemoStep s = Steps[i];
            string where = $"steps[{i}] ({s.Action})";
            if (!Actions.Contains(s.Action))
            {
                return $"{where}: unknown action; one of {string.Join(", ", Actions)}";
            }

            if (s.AtSeconds < 0 || s.AtSeconds >= CycleSeconds || (i > 0 && s.AtSeconds < Steps[i - 1].AtSeconds))
            {
                return $"{where}: atSeconds must be in 0..cycleSeconds and not before the step above";
            }

            string? bad = s.Action switch
            {
                "press" when s.PeakNewtons is not > 0 => "peakNewtons above 0 is required",
                "interlock-open" or "interlock-close" when s.Interlock is not ("guard" or "light-curtain" or "estop") => "interlock must be guard, light-curtain or estop",
                "channel" when s.Channel is not (>= 0 and <= 5) || s.Closed == null => "channel 0..5 and closed true/false are required",
                "vision-degrade" when s.Score is not (>= 0 and <= 10_000) || s.OverSeconds is not >= 0 => "score 0..10000 and overSeconds are required",
                "vision-dropout" when s.ForSeconds is not > 0 => "forSeconds above 0 is required",
                _ => null,
            };
            if (bad != null)
            {
                return $"{where}: {bad}";
            }
        }

        return null;
    }
}

/// <summary>The demo's ordinary press cycle.</summary>
public sealed class DemoPress
{
    /// <summary>A press every this long.</summary>
    public int PeriodSeconds { get; init; }

    /// <summary>Force when the tool touches the part, N.</summary>
    public double ContactNewtons { get; init; }

    /// <summary>Force held at the bottom of the press, N.</summary>
    public double PeakNewtons { get; init; }
}

/// <summary>One step of the demo timeline; which fields apply depends on <see cref="Action"/>.</summary>
public sealed class DemoStep
{
    /// <summary>Seconds into the cycle.</summary>
    public double AtSeconds { get; init; }

    /// <summary>One of <see cref="DemoScript.Actions"/>.</summary>
    public string Action { get; init; } = "";

    /// <summary>What a viewer should see, for the file's reader.</summary>
    public string? Note { get; init; }

    /// <summary>press: peak force of the next press, N.</summary>
    public double? PeakNewtons { get; init; }

    /// <summary>interlock-open/close: guard, light-curtain or estop.</summary>
    public string? Interlock { get; init; }

    /// <summary>channel: interlock channel 0..5 (guard A, guard B, curtain A, curtain B, e-stop A, e-stop B).</summary>
    public int? Channel { get; init; }

    /// <summary>channel: the contact closed (healthy) or open.</summary>
    public bool? Closed { get; init; }

    /// <summary>vision-degrade: the score it falls to.</summary>
    public int? Score { get; init; }

    /// <summary>vision-degrade: how long the fall takes.</summary>
    public double? OverSeconds { get; init; }

    /// <summary>vision-dropout: how long the vision system sends nothing.</summary>
    public double? ForSeconds { get; init; }
}
