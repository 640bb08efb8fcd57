using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Jidoka.Protocol;
using Json.Schema;

namespace Jidoka.Hil.Scenarios;

/// <summary>
/// Finds, checks and reads scenario files: JSON Schema first (<c>scenario.schema.json</c>), then the rules
/// a schema cannot state (the name matches the file, node selectors name existing nodes, trigger steps
/// are stimuli, real-time scenarios use only actions a real process can carry out).
/// </summary>
public sealed class ScenarioLoader
{
    /// <summary>Schema file name inside the scenarios folder.</summary>
    public const string SchemaFileName = "scenario.schema.json";

    /// <summary>Mode name: virtual time, seeded.</summary>
    public const string Deterministic = "deterministic";

    /// <summary>Mode name: real processes.</summary>
    public const string RealTime = "realtime";

    /// <summary>Every action a scenario may use.</summary>
    public static readonly IReadOnlySet<string> Actions = new HashSet<string>(StringComparer.Ordinal)
    {
        "force", "vision", "interlock-open", "interlock-close", "channel", "bounce", "stick", "unstick", "adc-rail",
        "hx711-stuck", "loop-stall", "hang-loop", "link-faults", "partition", "broker-stop", "broker-start",
        "bridge-restart", "torn-write", "power-cycle", "clock-step", "policy-push", "reset", "reset-button",
    };

    /// <summary>Actions the real-time rig can carry out (the simulated-nodes process, or the processes themselves).</summary>
    public static readonly IReadOnlySet<string> RealTimeActions = new HashSet<string>(StringComparer.Ordinal)
    {
        "force", "vision", "interlock-open", "interlock-close", "channel", "bounce", "stick", "unstick", "adc-rail",
        "hx711-stuck", "loop-stall", "hang-loop", "power-cycle", "reset-button", "broker-stop", "broker-start", "bridge-restart",
        "policy-push", "reset",
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private readonly JsonSchema _schema;
    private readonly object _evaluating = new();

    /// <summary>Loads the schema from <paramref name="directory"/>.</summary>
    public ScenarioLoader(string directory)
    {
        Directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(directory, SchemaFileName)), new BuildOptions());
    }

    /// <summary>The scenarios folder.</summary>
    public string Directory { get; }

    /// <summary>The scenarios folder of the repository this code runs from (walks up to host.sln), or <c>JIDOKA_HIL_SCENARIOS</c>.</summary>
    public static string DefaultDirectory()
    {
        string? configured = Environment.GetEnvironmentVariable("JIDOKA_HIL_SCENARIOS");
        return string.IsNullOrEmpty(configured) ? Path.Combine(RepoPaths.Root(), "hil-tests", "scenarios") : configured;
    }

    /// <summary>Every scenario file, by name.</summary>
    public IReadOnlyList<string> Files() =>
        System.IO.Directory.GetFiles(Directory, "*.json")
            .Where(f => !string.Equals(Path.GetFileName(f), SchemaFileName, StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every problem of the file at <paramref name="path"/>; empty when it is valid.</summary>
    public IReadOnlyList<string> Check(string path)
    {
        string text = File.ReadAllText(path);
        var problems = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return new[] { "not JSON: " + ex.Message };
        }

        using (document)
        {
            EvaluationResults results;
            lock (_evaluating)
            {
                results = _schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            }

            if (!results.IsValid)
            {
                // Failed "if" branches are how a conditional says "not this case"; they are not violations.
                foreach (EvaluationResults detail in (results.Details ?? new List<EvaluationResults>()).Prepend(results)
                    .Where(d => !d.IsValid && !(d.EvaluationPath + "/").Contains("/if/", StringComparison.Ordinal)))
                {
                    if (detail.Errors != null)
                    {
                        foreach (KeyValuePair<string, string> error in detail.Errors)
                        {
                            problems.Add($"{(detail.InstanceLocation.ToString() is { Length: > 0 } l ? l : "/")}: {error.Key}: {error.Value}");
                        }
                    }
                }

                if (problems.Count == 0)
                {
                    problems.Add("does not match " + SchemaFileName);
                }

                return problems.Distinct().ToList();
            }
        }

        Scenario scenario = JsonSerializer.Deserialize<Scenario>(text, Json) ?? throw new InvalidDataException(path + " is empty");
        problems.AddRange(Rules(scenario, Path.GetFileNameWithoutExtension(path)));
        return problems;
    }

    /// <summary>Reads and checks the scenario called <paramref name="name"/>; throws with every problem when it is invalid.</summary>
    public Scenario Load(string name)
    {
        string path = Path.Combine(Directory, name + ".json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No scenario '{name}' in {Directory}.", path);
        }

        IReadOnlyList<string> problems = Check(path);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{path} is not a valid scenario:\n  " + string.Join("\n  ", problems));
        }

        return JsonSerializer.Deserialize<Scenario>(File.ReadAllText(path), Json)!;
    }

    /// <summary>Every scenario, checked, by name.</summary>
    public IReadOnlyList<Scenario> LoadAll() => Files().Select(f => Load(Path.GetFileNameWithoutExtension(f))).ToList();

    /// <summary>Node ids of a scenario's cell, in order.</summary>
    public static IReadOnlyList<string> NodeIds(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Enumerable.Range(1, scenario.Nodes.Count).Select(i => scenario.Nodes.Prefix + "-" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>The node ids <paramref name="selector"/> names: <c>*</c>, an id, or a 1-based range <c>a-b</c>.</summary>
    public static IReadOnlyList<string> Select(IReadOnlyList<string> nodeIds, string selector)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        if (selector == "*")
        {
            return nodeIds;
        }

        if (nodeIds.Contains(selector))
        {
            return new[] { selector };
        }

        string[] parts = selector.Split('-');
        if (parts.Length == 2 && int.TryParse(parts[0], out int from) && int.TryParse(parts[1], out int to) && from >= 1 && to >= from && to <= nodeIds.Count)
        {
            return nodeIds.Skip(from - 1).Take(to - from + 1).ToList();
        }

        throw new ArgumentException($"node selector '{selector}' names no node of {string.Join(", ", nodeIds)}");
    }

    private static IEnumerable<string> Rules(Scenario s, string fileName)
    {
        if (s.Name != fileName)
        {
            yield return $"name '{s.Name}' differs from the file name '{fileName}'";
        }

        IReadOnlyList<string> ids = NodeIds(s);
        foreach (string id in ids)
        {
            if (!Identifiers.IsValidId(id))
            {
                yield return $"node id '{id}' is not a valid protocol id";
            }
        }

        bool anyTrigger = false;
        for (int i = 0; i < s.Timeline.Count; i++)
        {
            ScenarioStep step = s.Timeline[i];
            string where = $"/timeline/{i} ({step.Action})";
            string? selectorProblem = null;
            try
            {
                Select(ids, step.Node);
            }
            catch (ArgumentException ex)
            {
                selectorProblem = ex.Message;
            }

            if (selectorProblem != null)
            {
                yield return where + ": " + selectorProblem;
            }

            if (step.AtMs > s.DurationMs)
            {
                yield return $"{where}: at {step.AtMs} ms is after the timeline's end ({s.DurationMs} ms)";
            }

            if (step.Trigger)
            {
                anyTrigger = true;
                string from = step.MeasureFrom ?? "action";
                if (from == "force-limit" && step.Action != "force")
                {
                    yield return where + ": measureFrom force-limit needs a force step";
                }

                if (from == "vision-below-min" && step.Action != "vision")
                {
                    yield return where + ": measureFrom vision-below-min needs a vision step";
                }
            }

            if (s.RunsIn(RealTime) && !RealTimeActions.Contains(step.Action))
            {
                yield return $"{where}: '{step.Action}' cannot run in real time; drop the realtime mode or the step";
            }

            if (step.Action == "policy-push" && step.Via is not (null or "bridge" or "wire"))
            {
                yield return where + ": via must be bridge or wire";
            }
        }

        if (s.Expect.Trip != null && !anyTrigger)
        {
            yield return "expect.trip needs a trigger step to measure from";
        }

        if (s.Expect.Trip != null && s.Expect.NoTrip)
        {
            yield return "expect.trip and expect.noTrip contradict each other";
        }

        if (s.Expect.Trip != null)
        {
            if (!Names.TryRule(s.Expect.Trip.Rule, out _))
            {
                yield return $"expect.trip.rule '{s.Expect.Trip.Rule}' is not a trip rule";
            }

            if (!Names.TryResponse(s.Expect.Trip.Response, out _))
            {
                yield return $"expect.trip.response '{s.Expect.Trip.Response}' is not a response class";
            }
        }

        foreach (string type in s.Expect.EventsMin?.Keys ?? Enumerable.Empty<string>())
        {
            if (!Names.TryEventType(type, out _))
            {
                yield return $"expect.eventsMin: '{type}' is not an event type";
            }
        }
    }
}
