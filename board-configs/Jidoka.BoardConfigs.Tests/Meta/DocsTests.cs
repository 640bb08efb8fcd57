using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Jidoka.BoardConfigs.Docs;
using Jidoka.BoardConfigs.Loading;
using Xunit;

namespace Jidoka.BoardConfigs.Tests;

/// <summary>
/// docs/boards.md must match the board files: its wiring tables, overview, default limits and pin facts
/// are generated from them. When a board file changes, regenerate with
/// <c>JIDOKA_UPDATE_DOCS=1 dotnet test board-configs/Jidoka.BoardConfigs.Tests</c> and commit the result.
/// </summary>
[Trait("Category", "Meta")]
public sealed partial class DocsTests
{
    private const string UpdateVariable = "JIDOKA_UPDATE_DOCS";

    private static string DocsPath() => Path.Combine(Repository.Root(), "docs", "boards.md");

    private static IReadOnlyDictionary<string, string> ExpectedSections()
    {
        var boards = new List<BoardDefinition>();
        foreach (string file in Repository.Loader.BoardFiles())
        {
            BoardLoadResult result = Repository.Loader.Load(file);
            Assert.True(result.Succeeded, result.Describe());
            boards.Add(result.Definition);
        }

        return GeneratedSections.For(boards);
    }

    /// <summary>Names of the sections whose committed text differs from the generated text, or that are missing.</summary>
    private static List<string> Differences(string document, IReadOnlyDictionary<string, string> expected) =>
        expected.Where(s => GeneratedSections.Read(document, s.Key) != s.Value).Select(s => s.Key).ToList();

    [Fact]
    public void Generated_sections_of_docs_boards_md_match_the_board_and_target_files()
    {
        IReadOnlyDictionary<string, string> expected = ExpectedSections();
        string document = File.ReadAllText(DocsPath()).ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            foreach ((string name, string content) in expected)
            {
                document = GeneratedSections.Replace(document, name, content);
            }

            File.WriteAllText(DocsPath(), document);
        }

        List<string> stale = Differences(document, expected);
        Assert.True(
            stale.Count == 0,
            $"docs/boards.md disagrees with the board files in: {string.Join(", ", stale)}. Regenerate with {UpdateVariable}=1 dotnet test board-configs/Jidoka.BoardConfigs.Tests and commit (a missing section needs its markers first: {string.Join(" ", stale.Select(GeneratedSections.Markers))})");
    }

    [Fact]
    public void Docs_have_no_generated_section_for_a_board_or_target_that_no_longer_exists()
    {
        IReadOnlyDictionary<string, string> expected = ExpectedSections();
        string document = File.ReadAllText(DocsPath());
        string[] orphans = BeginMarker().Matches(document).Select(m => m.Groups["name"].Value).Where(n => !expected.ContainsKey(n)).ToArray();
        Assert.Empty(orphans);
    }

    [Fact]
    public void A_wiring_table_edited_by_hand_is_caught()
    {
        IReadOnlyDictionary<string, string> expected = ExpectedSections();
        string document = File.ReadAllText(DocsPath()).ReplaceLineEndings("\n");
        Assert.Empty(Differences(document, expected));

        string section = GeneratedSections.Read(document, "wiring:esp32-devkitc")!;
        string edited = GeneratedSections.Replace(document, "wiring:esp32-devkitc", section.Replace("| GPIO4 |", "| GPIO5 |", StringComparison.Ordinal));
        Assert.Equal(["wiring:esp32-devkitc"], Differences(edited, expected));
    }

    [GeneratedRegex("<!-- generated:(?<name>[^ ]+) -->")]
    private static partial Regex BeginMarker();
}
