using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Jidoka.NanoGate.Tests;

/// <summary>
/// What an assembly built against nanoFramework's mscorlib references and defines, read from its metadata
/// without loading it (it cannot be loaded on .NET). Shared (as a linked file) by the compile gate's tests
/// and the device API surface's tests, which make the same "only mscorlib 1.17.11" check.
/// </summary>
internal static class NanoAssemblyFacts
{
    /// <summary>Every assembly reference as (name, version).</summary>
    public static IReadOnlyList<(string Name, Version Version)> AssemblyReferences(string path) =>
        Read(path, md => md.AssemblyReferences
            .Select(h => md.GetAssemblyReference(h))
            .Select(r => (md.GetString(r.Name), r.Version))
            .ToList());

    /// <summary>The assemblies that type references resolve to directly (nested references are skipped).</summary>
    public static IReadOnlySet<string> TypeReferenceAssemblies(string path) =>
        Read(path, md => md.TypeReferences
            .Select(h => md.GetTypeReference(h).ResolutionScope)
            .Where(scope => scope.Kind == HandleKind.AssemblyReference)
            .Select(scope => md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)scope).Name))
            .ToHashSet(StringComparer.Ordinal));

    /// <summary>Namespace-qualified names of the types the assembly defines.</summary>
    public static IReadOnlySet<string> DefinedTypes(string path) =>
        Read(path, md => md.TypeDefinitions
            .Select(h => md.GetTypeDefinition(h))
            .Select(t => md.GetString(t.Namespace) + "." + md.GetString(t.Name))
            .ToHashSet(StringComparer.Ordinal));

    /// <summary>Runs <paramref name="query"/> over the assembly's metadata while it is open.</summary>
    public static T Read<T>(string path, Func<MetadataReader, T> query)
    {
        using FileStream stream = File.OpenRead(path);
        using PEReader pe = new(stream);
        return query(pe.GetMetadataReader());
    }
}
