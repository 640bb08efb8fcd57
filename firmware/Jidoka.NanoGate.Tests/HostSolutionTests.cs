using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Jidoka.NanoGate.Tests;

/// <summary>
/// host.sln is what the README test command and CI build: an SDK-style project missing from it is never
/// compiled or tested there (a test kit or a demo program would rot unseen), and a listed project that no
/// longer exists breaks the build.
/// </summary>
[Trait("Category", "Meta")]
public sealed partial class HostSolutionTests
{
    [Fact]
    public void Every_sdk_project_is_listed_in_host_sln_and_every_listed_project_exists()
    {
        string root = Root();
        string[] listed = ProjectLine().Matches(File.ReadAllText(Path.Combine(root, "host.sln")))
            .Select(m => m.Groups["path"].Value.Replace('\\', '/'))
            .ToArray();
        string[] onDisk = Directory.GetFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part is "bin" or "obj" || part.StartsWith('.')))
            .ToArray();
        Assert.Contains("firmware/Jidoka.Node.TestKit/Jidoka.Node.TestKit.csproj", onDisk);
        Assert.Empty(onDisk.Except(listed, StringComparer.Ordinal));
        Assert.DoesNotContain(listed, p => !File.Exists(Path.Combine(root, p)));
    }

    private static string Root()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "host.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return dir!.FullName;
    }

    [GeneratedRegex("^Project\\(\"[^\"]+\"\\) = \"[^\"]+\", \"(?<path>[^\"]+\\.csproj)\"", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();
}
