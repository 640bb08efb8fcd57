using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace Jidoka.BoardConfigs.Loading;

/// <summary>A JSON Schema (draft 2020-12) loaded from a file, reporting each violation with its location.</summary>
public sealed class SchemaCheck
{
    private readonly JsonSchema _schema;

    // Evaluation may complete the schema's lazily built state; one evaluation at a time keeps a shared
    // loader safe under parallel tests without relying on the library's threading guarantees.
    private readonly object _evaluating = new();

    /// <summary>Loads the schema at <paramref name="schemaPath"/> into its own registry, so two schemas never collide.</summary>
    public SchemaCheck(string schemaPath)
    {
        _schema = JsonSchema.FromText(File.ReadAllText(schemaPath), new BuildOptions());
    }

    /// <summary>Every violation as "location: keyword: message"; empty when the document is valid.</summary>
    public IReadOnlyList<string> Violations(JsonElement document)
    {
        EvaluationResults results;
        lock (_evaluating)
        {
            results = _schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        }

        if (results.IsValid)
        {
            return [];
        }

        var violations = new List<string>();
        List<EvaluationResults> failed = (results.Details ?? []).Prepend(results)
            .Where(d => !d.IsValid && !IsConditionBranch(d))
            .ToList();
        foreach (EvaluationResults detail in failed)
        {
            string location = detail.InstanceLocation.ToString();
            location = location.Length == 0 ? "/" : location;
            if (detail.Errors != null)
            {
                foreach (KeyValuePair<string, string> error in detail.Errors)
                {
                    string message = error.Key.Length == 0 ? "property not allowed here" : $"{error.Key}: {error.Value}";
                    violations.Add($"{location}: {message}");
                }
            }
            else if (!failed.Any(other => IsBelow(other, detail)))
            {
                // Keywords such as "not" fail without a message; name the schema rule instead.
                violations.Add($"{location}: does not satisfy the schema rule at {detail.EvaluationPath}");
            }
        }

        return violations.Count > 0 ? violations.Distinct().ToList() : ["document does not match the schema"];
    }

    private static bool IsBelow(EvaluationResults candidate, EvaluationResults ancestor) =>
        candidate.EvaluationPath.ToString().StartsWith(ancestor.EvaluationPath + "/", System.StringComparison.Ordinal);

    // JSON Pointer escapes '/' inside a segment, so "/if/" matches only a whole "if" segment.
    private static bool IsConditionBranch(EvaluationResults detail) =>
        (detail.EvaluationPath + "/").Contains("/if/", System.StringComparison.Ordinal);
}
