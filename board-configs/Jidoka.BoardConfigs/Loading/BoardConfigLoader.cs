using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Jidoka.BoardConfigs.Facts;
using Jidoka.BoardConfigs.Model;
using Jidoka.BoardConfigs.Validation;

namespace Jidoka.BoardConfigs.Loading;

/// <summary>
/// Loads board files against one board-configs directory: its schema.json, targets/schema.json and
/// targets/&lt;target&gt;.json facts. Order: JSON Schema, typed model, target facts, then
/// <see cref="BoardValidator"/>. A board file may live elsewhere (tests load broken copies from a
/// temporary directory); the schemas and facts always come from the configured directory.
/// </summary>
public sealed class BoardConfigLoader
{
    private readonly string _directory;
    private readonly SchemaCheck _boardSchema;
    private readonly SchemaCheck _factsSchema;

    /// <summary>Uses the schemas and target facts under <paramref name="boardConfigsDirectory"/>.</summary>
    public BoardConfigLoader(string boardConfigsDirectory)
    {
        _directory = boardConfigsDirectory;
        _boardSchema = new SchemaCheck(Path.Combine(boardConfigsDirectory, "schema.json"));
        _factsSchema = new SchemaCheck(Path.Combine(boardConfigsDirectory, "targets", "schema.json"));
    }

    /// <summary>The board files in the directory: every *.json except schema.json, in name order.</summary>
    public IReadOnlyList<string> BoardFiles() =>
        Directory.GetFiles(_directory, "*.json", SearchOption.TopDirectoryOnly)
            .Where(p => !string.Equals(Path.GetFileName(p), "schema.json", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();

    /// <summary>Loads and checks one board file.</summary>
    public BoardLoadResult Load(string boardFilePath)
    {
        var problems = new List<BoardProblem>();
        BoardConfig? board = Read<BoardConfig>(boardFilePath, _boardSchema, problems);
        if (board == null)
        {
            return Failed(boardFilePath, problems);
        }

        string expectedId = Path.GetFileNameWithoutExtension(boardFilePath);
        if (board.BoardId != expectedId)
        {
            problems.Add(new(BoardProblemCode.BoardIdMismatch, $"boardId: '{board.BoardId}' must equal the file name '{expectedId}'"));
        }

        TargetFacts? facts = LoadFacts(board.Target, problems);
        if (facts == null)
        {
            return Failed(boardFilePath, problems);
        }

        problems.AddRange(BoardValidator.Validate(board, facts));
        return problems.Count > 0
            ? Failed(boardFilePath, problems)
            : new BoardLoadResult { Path = boardFilePath, Definition = new BoardDefinition(board, facts), Problems = problems };
    }

    /// <summary>Loads the facts file of <paramref name="target"/>, or reports why it cannot.</summary>
    public TargetFacts? LoadFacts(string target, List<BoardProblem> problems)
    {
        string path = Path.Combine(_directory, "targets", target + ".json");
        if (!File.Exists(path))
        {
            problems.Add(new(BoardProblemCode.UnknownTarget, $"target: no pin facts for {target} (expected {path})"));
            return null;
        }

        TargetFacts? facts = Read<TargetFacts>(path, _factsSchema, problems);
        if (facts != null && facts.Target != target)
        {
            problems.Add(new(BoardProblemCode.UnknownTarget, $"target: {path} describes {facts.Target}, not {target}"));
            return null;
        }

        return facts;
    }

    private static T? Read<T>(string path, SchemaCheck schema, List<BoardProblem> problems)
        where T : class
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            IReadOnlyList<string> violations = schema.Violations(document.RootElement);
            if (violations.Count > 0)
            {
                problems.AddRange(violations.Select(v => new BoardProblem(BoardProblemCode.SchemaViolation, $"{Path.GetFileName(path)} {v}")));
                return null;
            }

            T? value = document.RootElement.Deserialize<T>(BoardJson.Options);
            if (value == null)
            {
                problems.Add(new(BoardProblemCode.SchemaViolation, $"{Path.GetFileName(path)}: empty document"));
            }

            return value;
        }
        catch (JsonException e)
        {
            problems.Add(new(BoardProblemCode.SchemaViolation, $"{Path.GetFileName(path)}: {e.Message}"));
            return null;
        }
    }

    private static BoardLoadResult Failed(string path, List<BoardProblem> problems) =>
        new() { Path = path, Definition = null, Problems = problems };
}
