using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Jidoka.Bridge.Hosting;
using Jidoka.Bridge.Ingest;
using Xunit;

namespace Jidoka.Bridge.Tests.Meta;

/// <summary>
/// What the shipped assemblies may depend on: the production bridge carries neither the simulator nor the
/// node core (the demo nodes are a separate process), and the bridge's domain does not know the HTTP DTOs.
/// Checked on the compiled metadata and on the dependency manifest the build wrote, since a project
/// reference whose types go unused leaves no trace in the metadata but still ships its dll.
/// </summary>
[Trait("Category", "Meta")]
public sealed class AssemblyReferenceTests
{
    private static readonly string[] SimulatorAssemblies = { "Jidoka.SimBoard", "Jidoka.Node", "Jidoka.DemoNodes" };

    [Fact]
    public void The_bridge_assembly_references_neither_the_simulator_nor_the_node_core()
    {
        string[] references = typeof(BridgeRuntime).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.Contains("Jidoka.Bridge.Core", references);
        Assert.Empty(references.Intersect(SimulatorAssemblies));
        Assert.Empty(DependencyManifestLibraries("Jidoka.Bridge").Intersect(SimulatorAssemblies));
    }

    [Fact]
    public void The_bridge_core_does_not_reference_the_http_contracts()
    {
        Assembly core = typeof(IngestEngine).Assembly;
        Assert.DoesNotContain("Jidoka.Bridge.Contracts", core.GetReferencedAssemblies().Select(a => a.Name));
        Assert.DoesNotContain("Jidoka.Bridge.Contracts", DependencyManifestLibraries("Jidoka.Bridge.Core"));
    }

    [Fact]
    public void The_demo_nodes_program_is_built_beside_the_bridge()
    {
        string dll = DemoNodesProcess.Locate(null);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, DemoNodesProcess.FolderName, DemoNodesProcess.AssemblyFileName), dll);
        Assert.True(File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")), "the demo-nodes program can be run by the dotnet host");
    }

    // Libraries the project's own build lists in the test output's dependency manifest as its dependencies.
    private static string[] DependencyManifestLibraries(string project)
    {
        string manifest = Path.Combine(AppContext.BaseDirectory, "Jidoka.Bridge.Tests.deps.json");
        using JsonDocument deps = JsonDocument.Parse(File.ReadAllText(manifest));
        foreach (JsonProperty target in deps.RootElement.GetProperty("targets").EnumerateObject())
        {
            foreach (JsonProperty library in target.Value.EnumerateObject())
            {
                if (library.Name.Split('/')[0] == project)
                {
                    return library.Value.TryGetProperty("dependencies", out JsonElement d)
                        ? d.EnumerateObject().Select(p => p.Name).ToArray()
                        : Array.Empty<string>();
                }
            }
        }

        throw new InvalidOperationException(project + " is not in " + manifest);
    }
}
