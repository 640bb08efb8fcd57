using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using Xunit;

namespace Jidoka.NanoGate.Tests;

/// <summary>
/// Reads the compile gate's output metadata: the node's shared source must compile to an assembly
/// that references exactly one assembly, nanoFramework's mscorlib 1.17.11. A build that silently
/// picked up NETStandard or System.Runtime would pass the compiler and fail here.
/// </summary>
[Trait("Category", "Meta")]
public sealed class GateReferenceTests
{
    private static string GatePath()
    {
        string? path = typeof(GateReferenceTests).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NanoGateAssemblyPath").Value;
        Assert.False(string.IsNullOrEmpty(path));
        string full = Path.GetFullPath(path!);
        Assert.True(File.Exists(full), $"compile gate output not found at {full}; build firmware/Jidoka.NanoGate first");
        return full;
    }

    [Fact]
    public void Gate_assembly_references_only_nanoFramework_mscorlib_1_17_11()
    {
        var references = NanoAssemblyFacts.AssemblyReferences(GatePath());
        Assert.Single(references);
        Assert.Equal("mscorlib", references[0].Name);
        Assert.Equal(new Version(1, 17, 11, 0), references[0].Version);
    }

    [Fact]
    public void Gate_assembly_contains_the_protocol_and_the_vector_checker()
    {
        var types = NanoAssemblyFacts.DefinedTypes(GatePath());
        Assert.Contains("Jidoka.Protocol.FrameCodec", types);
        Assert.Contains("Jidoka.Protocol.EventCodec", types);
        Assert.Contains("Jidoka.Protocol.StatusMessage", types);
        Assert.Contains("Jidoka.Protocol.Vectors.VectorChecker", types);
    }

    [Fact]
    public void Gate_assembly_contains_the_node_core()
    {
        var types = NanoAssemblyFacts.DefinedTypes(GatePath());

        // The hardware boundary the boards and the simulator implement, and the core they drive.
        Assert.Contains("Jidoka.Node.NodeCore", types);
        Assert.Contains("Jidoka.Node.Hardware.IMonotonicClock", types);
        Assert.Contains("Jidoka.Node.Hardware.IDigitalInput", types);
        Assert.Contains("Jidoka.Node.Hardware.IDigitalOutput", types);
        Assert.Contains("Jidoka.Node.Hardware.IForceSource", types);
        Assert.Contains("Jidoka.Node.Hardware.IVisionSource", types);
        Assert.Contains("Jidoka.Node.Hardware.IPersistentStore", types);
        Assert.Contains("Jidoka.Node.Hardware.IWatchdog", types);
        Assert.Contains("Jidoka.Node.Hardware.IMqttLink", types);
        Assert.Contains("Jidoka.Node.Hardware.ILoopWaiter", types);
        Assert.Contains("Jidoka.Node.Engine.TripLoop", types);
        Assert.Contains("Jidoka.Node.Journal.EventJournal", types);
        Assert.Contains("Jidoka.Node.Frames.FrameRing", types);
        Assert.Contains("Jidoka.Node.Store.NodePersistence", types);
        Assert.Contains("Jidoka.Node.Comms.CommsService", types);
        Assert.Contains("Jidoka.Node.Runtime.NodeRuntime", types);
    }

    [Fact]
    public void Gate_assembly_locks_with_the_one_Monitor_overload_nanoFramework_has()
    {
        // C# lowers `lock` to Monitor.Enter(object, ref bool) when that overload exists; nanoFramework's
        // mscorlib has only Enter(object), and the compiler must have fallen back to it.
        var monitorMembers = NanoAssemblyFacts.Read(GatePath(), md => md.MemberReferences
            .Select(h => md.GetMemberReference(h))
            .Where(m => m.Parent.Kind == HandleKind.TypeReference
                && md.GetString(md.GetTypeReference((TypeReferenceHandle)m.Parent).Name) == "Monitor")
            .Select(m => md.GetString(m.Name))
            .ToList());
        Assert.Contains("Enter", monitorMembers);
        Assert.Contains("Exit", monitorMembers);
    }

    [Fact]
    public void Gate_assembly_has_no_type_references_outside_mscorlib()
    {
        Assert.Equal(["mscorlib"], NanoAssemblyFacts.TypeReferenceAssemblies(GatePath()));
    }
}
