using System;
using System.IO;
using Jidoka.BoardConfigs.Loading;
using Xunit;

namespace Jidoka.BoardConfigs.Tests;

/// <summary>Where the real board files, schemas and docs are.</summary>
internal static class Repository
{
    private static readonly Lazy<BoardConfigLoader> SharedLoader = new(() => new BoardConfigLoader(BoardConfigsDirectory()));

    public static string Root()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "host.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return dir!.FullName;
    }

    public static string BoardConfigsDirectory() => Path.Combine(Root(), "board-configs");

    public static string BoardFile(string boardId) => Path.Combine(BoardConfigsDirectory(), boardId + ".json");

    /// <summary>One loader for the whole run: building the schemas is the slow part.</summary>
    public static BoardConfigLoader Loader => SharedLoader.Value;
}
