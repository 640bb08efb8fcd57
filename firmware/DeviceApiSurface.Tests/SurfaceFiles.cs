using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace Jidoka.DeviceApiSurface.Tests;

/// <summary>Paths shared by the surface tests.</summary>
internal static class SurfaceFiles
{
    public static string RepositoryRoot()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "host.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return dir!.FullName;
    }

    public static string SurfaceSourceDirectory() => Path.Combine(RepositoryRoot(), "firmware", "DeviceApiSurface");

    public static string PinnedPackagesPath() => Path.Combine(RepositoryRoot(), "firmware", "boards", "packages.config");

    public static string[] SurfaceSources() =>
        Directory.GetFiles(SurfaceSourceDirectory(), "*.cs", SearchOption.TopDirectoryOnly)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToArray();

    public static string AssemblyPath()
    {
        string? path = typeof(SurfaceFiles).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SurfaceAssemblyPath").Value;
        Assert.False(string.IsNullOrEmpty(path));
        string full = Path.GetFullPath(path!);
        Assert.True(File.Exists(full), $"surface assembly not found at {full}; build firmware/DeviceApiSurface first");
        return full;
    }

    /// <summary>Opens the surface assembly's metadata; the caller disposes the reader.</summary>
    public static PEReader OpenAssembly() => new(File.OpenRead(AssemblyPath()));
}
