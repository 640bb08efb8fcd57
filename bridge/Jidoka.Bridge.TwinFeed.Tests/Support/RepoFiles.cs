using System;
using System.IO;

namespace Jidoka.Bridge.TwinFeed.Tests.Support;

/// <summary>Files of the repository checkout the tests run from (found by walking up to host.sln).</summary>
public static class RepoFiles
{
    /// <summary>The repository root.</summary>
    public static string Root
    {
        get
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "host.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("host.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A path under the repository root, given with '/' separators.</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));
}
