using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Jidoka.BoardApps.Gate.Tests;

/// <summary>
/// The .nfproj apps cannot be built here, so these checks tie them to what is built: each gate compiles
/// the same shared source and the same app files as its .nfproj, and each .nfproj references exactly the
/// packages its packages.config pins, with the assembly file names the packages ship.
/// </summary>
[Trait("Category", "Meta")]
public sealed partial class AppProjectTests
{
    /// <summary>
    /// The lib/*.dll each pinned package ships and the packages it depends on, read from each package's
    /// nuspec at the pinned release tag (nanoframework/&lt;repo&gt;, tag v&lt;version&gt;). CoreLibrary's
    /// mscorlib and its dependency of every package are left out.
    /// </summary>
    private static readonly Dictionary<string, (string[] Dlls, string[] Depends)> PackageFacts = new(StringComparer.Ordinal)
    {
        ["nanoFramework.CoreLibrary"] = (["mscorlib"], []),
        ["nanoFramework.Runtime.Events"] = (["nanoFramework.Runtime.Events"], []),
        ["nanoFramework.Runtime.Native"] = (["nanoFramework.Runtime.Native"], []),
        ["nanoFramework.System.Collections"] = (["nanoFramework.System.Collections"], []),
        ["nanoFramework.System.Text"] = (["nanoFramework.System.Text"], []),
        ["nanoFramework.System.Threading"] = (["System.Threading"], []),
        ["nanoFramework.System.IO.Streams"] = (["System.IO.Streams"], ["nanoFramework.System.Text"]),
        ["nanoFramework.System.IO.FileSystem"] = (["System.IO.FileSystem"], ["nanoFramework.Runtime.Events", "nanoFramework.System.IO.Streams", "nanoFramework.System.Text"]),
        ["nanoFramework.System.IO.Ports"] = (["System.IO.Ports"], ["nanoFramework.Runtime.Events", "nanoFramework.System.IO.Streams"]),
        ["nanoFramework.System.Device.Gpio"] = (["System.Device.Gpio"], ["nanoFramework.Runtime.Events"]),
        ["nanoFramework.System.Device.Spi"] = (["System.Device.Spi"], ["nanoFramework.Runtime.Events", "nanoFramework.System.Device.Gpio"]),
        ["nanoFramework.System.Device.Adc"] = (["System.Device.Adc"], []),
        ["nanoFramework.System.Net"] = (["System.Net"], ["nanoFramework.Runtime.Events", "nanoFramework.System.Text", "nanoFramework.System.Threading", "nanoFramework.System.IO.Streams"]),
        ["nanoFramework.System.Device.Wifi"] = (["System.Device.Wifi"], ["nanoFramework.Runtime.Events", "nanoFramework.System.Net"]),
        ["nanoFramework.M2Mqtt"] = (["nanoFramework.M2Mqtt", "nanoFramework.M2Mqtt.Core"], ["nanoFramework.Runtime.Events", "nanoFramework.Runtime.Native", "nanoFramework.System.Collections", "nanoFramework.System.Net"]),
        ["nanoFramework.Hardware.Esp32"] = (["nanoFramework.Hardware.Esp32"], ["nanoFramework.Runtime.Events"]),
        ["nanoFramework.Hardware.Stm32"] = (["nanoFramework.Hardware.Stm32"], []),
    };

    public static TheoryData<string> Apps() => new(Paths.Apps);

    private static XNamespace Ns => "http://schemas.microsoft.com/developer/msbuild/2003";

    private static string Resolve(string project, string include) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include.Replace('\\', Path.DirectorySeparatorChar)));

    private static IEnumerable<XElement> All(XDocument doc, string name) => doc.Descendants(Ns + name).Concat(doc.Descendants(name));

    private static SortedSet<string> SharedImports(string project) => new(
        All(XDocument.Load(project), "Import")
            .Select(i => (string)i.Attribute("Project")!)
            .Where(p => p.EndsWith(".projitems", StringComparison.Ordinal))
            .Select(p => Resolve(project, p)),
        StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Apps))]
    public void Gate_imports_the_same_shared_source_as_the_app(string app)
    {
        SortedSet<string> nf = SharedImports(Paths.NfProject(app));
        SortedSet<string> gate = SharedImports(Paths.GateProject(app));
        // Protocol, node core, board logic, shared adapters; the STM32 apps also the STM32 adapters.
        Assert.Equal(app.StartsWith("Esp32", StringComparison.Ordinal) ? 4 : 5, nf.Count);
        Assert.Equal(nf, gate);
        Assert.All(nf, p => Assert.True(File.Exists(p), p));
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void The_app_compiles_every_file_in_its_folder_and_the_gate_compiles_the_same_folder(string app)
    {
        string folder = Paths.AppFolder(app);
        var onDisk = new SortedSet<string>(
            Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)),
            StringComparer.Ordinal);
        string nfproj = Paths.NfProject(app);
        var listed = new SortedSet<string>(
            All(XDocument.Load(nfproj), "Compile").Select(c => Resolve(nfproj, (string)c.Attribute("Include")!)),
            StringComparer.Ordinal);
        Assert.Equal(onDisk, listed);

        string gateText = File.ReadAllText(Paths.GateProject(app));
        Assert.Contains($"<Compile Include=\"..\\{app}\\**\\*.cs\"", gateText, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void The_gate_really_compiled_the_apps_files(string app)
    {
        // The gate's PDB lists the source documents that produced code; the app's Program and board file
        // must be among them, and nothing may come from outside the app's sources.
        string pdb = Path.ChangeExtension(Paths.GateAssembly(app), ".pdb");
        using var provider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(pdb));
        MetadataReader md = provider.GetMetadataReader();
        var documents = md.Documents.Select(h => Path.GetFullPath(md.GetString(md.GetDocument(h).Name))).ToList();
        string root = Paths.Root();
        string[] allowed =
        [
            Path.Combine(root, "shared-protocol", "src"),
            Path.Combine(root, "firmware", "core"),
            Path.Combine(root, "firmware", "boards", "logic"),
            Path.Combine(root, "firmware", "boards", "adapters"),
            Path.Combine(root, "firmware", "boards", "stm32"),
            Paths.AppFolder(app),
        ];
        Assert.All(documents, d => Assert.True(allowed.Any(a => d.StartsWith(a + Path.DirectorySeparatorChar, StringComparison.Ordinal)), $"unexpected source {d}"));
        Assert.Contains(Path.Combine(Paths.AppFolder(app), "Program.cs"), documents);
        Assert.Contains(Path.Combine(Paths.AppFolder(app), "BoardFile.g.cs"), documents);
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void The_apps_packages_config_is_a_dependency_closed_subset_of_the_pin_list(string app)
    {
        Dictionary<string, string> pins = SurfaceMap.Packages(Paths.PinnedPackages());
        Dictionary<string, string> used = SurfaceMap.Packages(Path.Combine(Paths.AppFolder(app), "packages.config"));
        Assert.Equal("1.17.11", used["nanoFramework.CoreLibrary"]);
        foreach ((string id, string version) in used)
        {
            Assert.True(pins.TryGetValue(id, out string? pinned), $"{app} uses {id}, which firmware/boards/packages.config does not pin");
            Assert.Equal(pinned, version);
            Assert.True(PackageFacts.ContainsKey(id), $"no nuspec facts for {id}");
            foreach (string dependency in PackageFacts[id].Depends)
            {
                Assert.True(used.ContainsKey(dependency), $"{app}: {id} depends on {dependency}, missing from packages.config");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void The_nfproj_references_exactly_the_assemblies_of_its_packages(string app)
    {
        Dictionary<string, string> used = SurfaceMap.Packages(Path.Combine(Paths.AppFolder(app), "packages.config"));
        var expected = new SortedSet<string>(
            used.SelectMany(p => PackageFacts[p.Key].Dlls.Select(d => $@"..\..\..\packages\{p.Key}.{p.Value}\lib\{d}.dll")),
            StringComparer.Ordinal);
        var hintPaths = new SortedSet<string>(All(XDocument.Load(Paths.NfProject(app)), "HintPath").Select(h => h.Value), StringComparer.Ordinal);
        Assert.Equal(expected, hintPaths);
    }

    [Fact]
    public void The_pin_list_is_dependency_closed_and_every_pinned_package_has_facts()
    {
        Dictionary<string, string> pins = SurfaceMap.Packages(Paths.PinnedPackages());
        Assert.Equal(PackageFacts.Keys.OrderBy(k => k, StringComparer.Ordinal), pins.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (string id in pins.Keys)
        {
            Assert.All(PackageFacts[id].Depends, d => Assert.True(pins.ContainsKey(d), $"{id} needs {d}"));
        }
    }

    [Fact]
    public void Every_board_app_under_firmware_boards_has_a_compile_gate()
    {
        // A new .nfproj without a gate would never be compiled in CI.
        var apps = Directory.GetFiles(Paths.Boards(), "*.nfproj", SearchOption.AllDirectories)
            .Select(p => Path.GetFileName(Path.GetDirectoryName(p))!)
            .OrderBy(a => a, StringComparer.Ordinal);
        Assert.Equal(Paths.Apps.OrderBy(a => a, StringComparer.Ordinal), apps);
        Assert.All(Paths.Apps, a => Assert.True(File.Exists(Paths.GateProject(a)), Paths.GateProject(a)));
        string hostSolution = File.ReadAllText(Path.Combine(Paths.Root(), "host.sln"));
        Assert.All(Paths.Apps, a => Assert.Contains($"Jidoka.BoardApps.Gate.{a}.csproj", hostSolution, StringComparison.Ordinal));
    }

    [Fact]
    public void Both_apps_are_in_nf_sln_with_their_shared_projects()
    {
        string solution = File.ReadAllText(Path.Combine(Paths.Root(), "nf.sln"));
        foreach (string app in Paths.Apps)
        {
            Assert.Contains($@"firmware\boards\{app}\Jidoka.{app}.nfproj", solution, StringComparison.Ordinal);
        }

        Assert.Contains(@"firmware\boards\Jidoka.Board.Logic.shproj", solution, StringComparison.Ordinal);
        Assert.Contains(@"firmware\boards\Jidoka.Board.Adapters.shproj", solution, StringComparison.Ordinal);
        Assert.Contains(@"firmware\boards\Jidoka.Board.Stm32.shproj", solution, StringComparison.Ordinal);
        Assert.Contains(@"firmware\Jidoka.Node.shproj", solution, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_shared_project_wrapper_names_its_projitems_guid()
    {
        foreach ((string shproj, string projitems) in new[]
        {
            ("firmware/Jidoka.Node.shproj", "firmware/Jidoka.Node.projitems"),
            ("firmware/boards/Jidoka.Board.Logic.shproj", "firmware/boards/Jidoka.Board.Logic.projitems"),
            ("firmware/boards/Jidoka.Board.Adapters.shproj", "firmware/boards/Jidoka.Board.Adapters.projitems"),
            ("firmware/boards/Jidoka.Board.Stm32.shproj", "firmware/boards/Jidoka.Board.Stm32.projitems"),
        })
        {
            string guid = Guid().Match(File.ReadAllText(Path.Combine(Paths.Root(), projitems))).Groups["g"].Value;
            Assert.Contains($"<ProjectGuid>{guid}</ProjectGuid>", File.ReadAllText(Path.Combine(Paths.Root(), shproj)), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Docs_name_the_pinned_package_versions_and_existing_adapter_files()
    {
        // docs/boards.md tells a technician which package version each adapter depends on; a version there
        // that is not the pin, or an adapter file that moved, would send someone to the wrong code.
        string doc = File.ReadAllText(Path.Combine(Paths.Root(), "docs", "boards.md"));
        Dictionary<string, string> pins = SurfaceMap.Packages(Paths.PinnedPackages());
        MatchCollection mentions = PackageMention().Matches(doc);
        Assert.NotEmpty(mentions);
        foreach (Match m in mentions)
        {
            string id = m.Groups["id"].Value;
            Assert.True(pins.TryGetValue(id, out string? pinned), $"docs/boards.md names {id}, which is not pinned");
            Assert.True(pinned == m.Groups["version"].Value, $"docs/boards.md names {id} {m.Groups["version"].Value}; the pin is {pinned}");
        }

        MatchCollection files = AdapterMention().Matches(doc);
        Assert.True(files.Count >= 10);
        foreach (Match m in files)
        {
            string relative = m.Groups["path"].Value + ".cs";
            Assert.True(File.Exists(Path.Combine(Paths.Boards(), relative.Replace('/', Path.DirectorySeparatorChar))), $"docs/boards.md names firmware/boards/{relative}, which does not exist");
        }
    }

    [GeneratedRegex(@"(?<id>nanoFramework\.[A-Za-z0-9.]*[A-Za-z0-9]) (?<version>\d+\.\d+\.\d+)")]
    private static partial Regex PackageMention();

    [GeneratedRegex(@"`(?<path>(?:adapters|logic|stm32|Esp32DevKitC|NucleoF767zi|Stm32F769iDisco)/[A-Za-z0-9/]+)`")]
    private static partial Regex AdapterMention();

    [GeneratedRegex("<SharedGUID>(?<g>[0-9a-fA-F-]+)</SharedGUID>")]
    private static partial Regex Guid();
}
