using System;
using System.IO;

namespace Jidoka.Hil;

/// <summary>Where the repository is, seen from the running test or tool.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding host.sln, found by walking up from the running assembly (or <c>JIDOKA_REPO_ROOT</c>).</summary>
    public static string Root()
    {
        string? configured = Environment.GetEnvironmentVariable("JIDOKA_REPO_ROOT");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "host.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("host.sln not found above " + AppContext.BaseDirectory + "; set JIDOKA_REPO_ROOT.");
    }
}
