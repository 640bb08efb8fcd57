using System;
using System.Collections.Generic;
using System.Linq;
using Jidoka.BoardConfigs.Facts;

namespace Jidoka.BoardConfigs.Docs;

/// <summary>
/// The parts of docs/boards.md generated from the board and target files. Each sits between
/// "&lt;!-- generated:NAME --&gt;" and "&lt;!-- end generated:NAME --&gt;"; everything else in the document is
/// written by hand. A test regenerates every section and fails when the committed text differs.
/// </summary>
public static class GeneratedSections
{
    /// <summary>Every generated section, by name, for the given (checked) boards.</summary>
    public static IReadOnlyDictionary<string, string> For(IReadOnlyList<BoardDefinition> boards)
    {
        var sections = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["overview"] = BoardSummaryTables.Overview(boards),
            ["default-limits"] = BoardSummaryTables.DefaultLimits(boards),
        };
        foreach (BoardDefinition board in boards)
        {
            sections[$"wiring:{board.Board.BoardId}"] = WiringTable.Write(board);
        }

        foreach (TargetFacts facts in boards.Select(b => b.Facts).DistinctBy(f => f.Target))
        {
            sections[$"facts:{facts.Target}"] = TargetFactsTables.Write(facts);
        }

        return sections;
    }

    /// <summary>The committed text of section <paramref name="name"/>, or null when the document lacks it.</summary>
    public static string? Read(string document, string name)
    {
        (int start, int end)? span = Find(document, name);
        return span == null ? null : document[span.Value.start..span.Value.end];
    }

    /// <summary>The document with section <paramref name="name"/> replaced by <paramref name="content"/>; the markers must exist.</summary>
    public static string Replace(string document, string name, string content)
    {
        (int start, int end) = Find(document, name) ?? throw new ArgumentException($"docs have no markers for generated section '{name}'", nameof(name));
        return string.Concat(document.AsSpan(0, start), content, document.AsSpan(end));
    }

    /// <summary>The marker pair to paste into the document for a new section.</summary>
    public static string Markers(string name) => $"{Begin(name)}\n{End(name)}";

    private static (int start, int end)? Find(string document, string name)
    {
        string begin = Begin(name) + "\n";
        int start = document.IndexOf(begin, StringComparison.Ordinal);
        int end = document.IndexOf(End(name), StringComparison.Ordinal);
        if (start < 0 || end < start + begin.Length)
        {
            return null;
        }

        return (start + begin.Length, end);
    }

    private static string Begin(string name) => $"<!-- generated:{name} -->";

    private static string End(string name) => $"<!-- end generated:{name} -->";
}
