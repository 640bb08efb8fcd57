using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Jidoka.DeviceApiSurface.Tests;

/// <summary>
/// Every surface file says which package and version it mirrors on its first line; that version must be
/// the one firmware/boards/packages.config pins, or CI would compile the adapters against a different
/// API from the one flashed onto the node. Any other packages.config in the repository (the board apps'
/// own, when they land) must agree with the pin list too.
/// </summary>
[Trait("Category", "Meta")]
public sealed partial class PinnedVersionTests
{
    private static Dictionary<string, string> PinnedPackages(string path)
    {
        var pins = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (XElement package in XDocument.Load(path).Root!.Elements("package"))
        {
            string id = (string)package.Attribute("id")!;
            string version = (string)package.Attribute("version")!;
            Assert.True(pins.TryAdd(id, version), $"{path} pins {id} twice");
        }

        return pins;
    }

    [Fact]
    public void Pin_list_pins_the_CoreLibrary_the_compile_gates_use()
    {
        Dictionary<string, string> pins = PinnedPackages(SurfaceFiles.PinnedPackagesPath());
        Assert.Equal("1.17.11", pins["nanoFramework.CoreLibrary"]);
    }

    [Fact]
    public void Every_surface_file_names_the_package_version_it_mirrors_and_that_version_is_pinned()
    {
        Dictionary<string, string> pins = PinnedPackages(SurfaceFiles.PinnedPackagesPath());
        string[] sources = SurfaceFiles.SurfaceSources();
        Assert.NotEmpty(sources);
        foreach (string source in sources)
        {
            string firstLine = File.ReadLines(source).First();
            Match m = MirrorsLine().Match(firstLine);
            Assert.True(m.Success, $"{Path.GetFileName(source)} must start with '// Mirrors: <package id> <version>', found '{firstLine}'");
            string id = m.Groups["id"].Value;
            Assert.True(pins.ContainsKey(id), $"{Path.GetFileName(source)} mirrors {id}, which firmware/boards/packages.config does not pin");
            Assert.True(
                pins[id] == m.Groups["version"].Value,
                $"{Path.GetFileName(source)} mirrors {id} {m.Groups["version"].Value} but firmware/boards/packages.config pins {pins[id]}");
        }
    }

    [Fact]
    public void Each_package_is_mirrored_by_at_most_one_surface_file()
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string source in SurfaceFiles.SurfaceSources())
        {
            Match m = MirrorsLine().Match(File.ReadLines(source).First());
            Assert.True(m.Success, $"{Path.GetFileName(source)} has no Mirrors line");
            Assert.True(
                seen.TryAdd(m.Groups["id"].Value, Path.GetFileName(source)),
                $"{m.Groups["id"].Value} is mirrored by both {seen.GetValueOrDefault(m.Groups["id"].Value)} and {Path.GetFileName(source)}");
        }
    }

    [Fact]
    public void Every_packages_config_in_the_repository_agrees_with_the_pin_list()
    {
        string root = SurfaceFiles.RepositoryRoot();
        string pinPath = SurfaceFiles.PinnedPackagesPath();
        Dictionary<string, string> pins = PinnedPackages(pinPath);
        string[] configs = Directory.GetFiles(root, "packages.config", SearchOption.AllDirectories)
            .Where(p => Path.GetFullPath(p) != Path.GetFullPath(pinPath))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();
        foreach (string config in configs)
        {
            foreach ((string id, string version) in PinnedPackages(config))
            {
                if (pins.TryGetValue(id, out string? pinned))
                {
                    Assert.True(version == pinned, $"{Path.GetRelativePath(root, config)} uses {id} {version}; firmware/boards/packages.config pins {pinned}");
                }
            }
        }
    }

    [GeneratedRegex(@"^// Mirrors: (?<id>nanoFramework\.[A-Za-z0-9.]+) (?<version>\d+\.\d+\.\d+)\b")]
    private static partial Regex MirrorsLine();
}
