using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Jidoka.BoardApps.Gate.Tests;

/// <summary>Where the repository, the gate outputs, the surface and nanoFramework's mscorlib are.</summary>
internal static class Paths
{
    /// <summary>The board apps: folder name under firmware/boards, which is also the gate's suffix.</summary>
    public static readonly string[] Apps = ["Esp32DevKitC", "NucleoF767zi", "Stm32F769iDisco"];

    public static string Root()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "host.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return dir!.FullName;
    }

    public static string Boards() => Path.Combine(Root(), "firmware", "boards");

    public static string AppFolder(string app) => Path.Combine(Boards(), app);

    public static string NfProject(string app) => Path.Combine(AppFolder(app), $"Jidoka.{app}.nfproj");

    public static string GateProject(string app) => Path.Combine(Boards(), $"Jidoka.BoardApps.Gate.{app}", $"Jidoka.BoardApps.Gate.{app}.csproj");

    public static string GateAssembly(string app) => Built($"Gate.{app}");

    public static string SurfaceAssembly() => Built("Surface");

    public static string Mscorlib() => Built("Mscorlib");

    public static string SurfaceSources() => Path.Combine(Root(), "firmware", "DeviceApiSurface");

    public static string PinnedPackages() => Path.Combine(Boards(), "packages.config");

    private static string Built(string key)
    {
        string? path = typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value;
        Assert.False(string.IsNullOrEmpty(path));
        string full = Path.GetFullPath(path!);
        Assert.True(File.Exists(full), $"{key} not found at {full}; build host.sln first");
        return full;
    }
}
