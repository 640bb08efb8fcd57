using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Jidoka.BoardConfigs.Loading;
using Jidoka.BoardConfigs.Validation;
using Xunit;

namespace Jidoka.BoardConfigs.Tests;

/// <summary>
/// Makes a broken copy of a real board file in a temporary directory and loads it with the real schemas
/// and target facts, so each negative test proves a check catches exactly the mistake it was made for.
/// </summary>
internal static class BrokenBoard
{
    public static BoardLoadResult Load(string boardId, Action<JsonObject> breakIt, string? fileName = null)
    {
        JsonObject board = JsonNode.Parse(File.ReadAllText(Repository.BoardFile(boardId)))!.AsObject();
        breakIt(board);
        DirectoryInfo temp = Directory.CreateTempSubdirectory("jidoka-board-");
        try
        {
            string path = Path.Combine(temp.FullName, (fileName ?? boardId) + ".json");
            File.WriteAllText(path, board.ToJsonString());
            return Repository.Loader.Load(path);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    /// <summary>Asserts the load failed with <paramref name="code"/> and that one such problem mentions every fragment.</summary>
    public static BoardProblem AssertProblem(BoardLoadResult result, BoardProblemCode code, params string[] fragments)
    {
        Assert.False(result.Succeeded, "the broken board loaded without problems");
        BoardProblem[] matching = result.Problems.Where(p => p.Code == code).ToArray();
        Assert.True(matching.Length > 0, $"expected a {code} problem; got:\n{result.Describe()}");
        BoardProblem? hit = matching.FirstOrDefault(p => fragments.All(f => p.Message.Contains(f, StringComparison.Ordinal)));
        Assert.True(hit != null, $"no {code} problem mentions all of [{string.Join(", ", fragments)}]; got:\n{result.Describe()}");
        return hit!;
    }

    public static JsonObject At(JsonObject root, string path)
    {
        JsonObject node = root;
        foreach (string part in path.Split('.'))
        {
            node = node[part]!.AsObject();
        }

        return node;
    }
}
