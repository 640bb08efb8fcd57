using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Jidoka.NanoGate.Tests;

/// <summary>
/// nf.sln is for Visual Studio with the nanoFramework extension, which CI cannot run. These checks
/// keep it honest anyway: every .nfproj in the repository is listed, every shared-source import it
/// names exists, and every project pins the same nanoFramework.CoreLibrary the compile gate uses.
/// </summary>
[Trait("Category", "Meta")]
public sealed partial class NanoSolutionTests
{
    private static string RepositoryRoot()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "host.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return dir!.FullName;
    }

    private static string[] NanoProjects(string root) =>
        Directory.GetFiles(root, "*.nfproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();

    [Fact]
    public void Every_nfproj_is_listed_in_nf_sln()
    {
        string root = RepositoryRoot();
        string solution = File.ReadAllText(Path.Combine(root, "nf.sln"));
        string[] projects = NanoProjects(root);
        Assert.NotEmpty(projects);
        foreach (string project in projects)
        {
            string relative = Path.GetRelativePath(root, project).Replace('/', '\\');
            Assert.True(solution.Contains($"\"{relative}\"", StringComparison.Ordinal), $"nf.sln does not list {relative}");
        }
    }

    [Fact]
    public void Every_project_nf_sln_lists_exists()
    {
        string root = RepositoryRoot();
        string solution = File.ReadAllText(Path.Combine(root, "nf.sln"));
        foreach (Match m in ProjectLine().Matches(solution))
        {
            string path = Path.Combine(root, m.Groups["path"].Value.Replace('\\', Path.DirectorySeparatorChar));
            Assert.True(File.Exists(path), $"nf.sln lists {m.Groups["path"].Value}, which does not exist");
        }
    }

    [Fact]
    public void Every_nfproj_imports_existing_shared_source_and_pins_CoreLibrary_1_17_11()
    {
        string root = RepositoryRoot();
        foreach (string project in NanoProjects(root))
        {
            string text = File.ReadAllText(project);
            foreach (Match m in SharedImport().Matches(text))
            {
                string imported = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, m.Groups["path"].Value.Replace('\\', Path.DirectorySeparatorChar)));
                Assert.True(File.Exists(imported), $"{project} imports missing {imported}");
            }

            string packages = Path.Combine(Path.GetDirectoryName(project)!, "packages.config");
            Assert.True(File.Exists(packages), $"{project} has no packages.config");
            Assert.Contains("id=\"nanoFramework.CoreLibrary\" version=\"1.17.11\"", File.ReadAllText(packages), StringComparison.Ordinal);
            Assert.Contains("nanoFramework.CoreLibrary.1.17.11", text, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("Project\\(\"\\{[0-9A-F-]+\\}\"\\) = \"[^\"]+\", \"(?<path>[^\"]+)\"")]
    private static partial Regex ProjectLine();

    [GeneratedRegex("<Import Project=\"(?<path>[^\"]+\\.projitems)\"")]
    private static partial Regex SharedImport();
}
