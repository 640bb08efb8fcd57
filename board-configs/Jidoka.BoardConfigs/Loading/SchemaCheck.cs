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

    /// <summary>Loads the schema at <paramref name="schemaPath"/> into its own registry, so two schemas never collide.</summary>
    public SchemaCheck(string schemaPath)
    {
        _schema = JsonSchema.FromText(File.ReadAllText(schemaPath), new BuildOptions());
    }

    /// <summary>Every violation as "location: keyword: message"; empty when the document is valid.</summary>
    public IReadOnlyList<string> Violations(JsonElement document)
    {
        EvaluationResults results = _schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var violations = new List<string>();
        foreach (EvaluationResults detail in (results.Details ?? []).Prepend(results))
        {
            if (detail.Errors == null)
            {
                continue;
            }

            foreach (KeyValuePair<string, string> error in detail.Errors)
            {
                string location = detail.InstanceLocation.ToString();
                violations.Add($"{(location.Length == 0 ? "/" : location)}: {error.Key}: {error.Value}");
            }
        }

        return violations.Count > 0 ? violations.Distinct().ToList() : ["document does not match the schema"];
    }
}
