using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection.Metadata;
using Xunit;

namespace Jidoka.BoardApps.Gate.Tests;

/// <summary>
/// What each board app's compile gate references. The gate compiles all of the app's source against
/// nanoFramework's mscorlib 1.17.11 and the compile-only device API surface; a build that silently picked
/// up NETStandard or System.Runtime, or an app that called an API outside the surface, fails here or in
/// the compiler.
/// </summary>
[Trait("Category", "Meta")]
public sealed class GateReferenceTests
{
    public static TheoryData<string> Apps() => new(Paths.Apps);

    [Theory]
    [MemberData(nameof(Apps))]
    public void Gate_references_only_mscorlib_1_17_11_and_the_compile_only_surface(string app)
    {
        using var gate = new Meta(Paths.GateAssembly(app));
        var references = gate.Reader.AssemblyReferences
            .Select(h => gate.Reader.GetAssemblyReference(h))
            .Select(r => $"{gate.Reader.GetString(r.Name)} {r.Version}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();

        // The surface is one assembly with its own name (it mirrors many packages, never impersonates one);
        // nothing else may appear.
        Assert.Equal(["Jidoka.DeviceApiSurface 0.0.0.0", "mscorlib 1.17.11.0"], references);
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Gate_contains_the_app_the_adapters_the_logic_and_the_node_core(string app)
    {
        using var gate = new Meta(Paths.GateAssembly(app));
        var types = gate.Types().Select(gate.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Contains($"Jidoka.Boards.{app}.Program", types);
        Assert.Contains($"Jidoka.Boards.{app}.BoardFile", types);
        Assert.Contains("Jidoka.Boards.Adapters.Gpio.GpioContactInput", types);
        Assert.Contains("Jidoka.Boards.Adapters.Force.Hx711SpiForceSource", types);
        Assert.Contains("Jidoka.Boards.Adapters.Network.M2MqttLink", types);
        Assert.Contains("Jidoka.Boards.Logic.Vision.VisionLineParser", types);
        Assert.Contains("Jidoka.Node.NodeCore", types);
        Assert.Contains("Jidoka.Protocol.FrameCodec", types);
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public void Every_device_type_the_app_uses_comes_from_a_package_in_its_packages_config(string app)
    {
        // A type from a package the app does not reference (the ESP32 helpers in the STM32 app, say) would
        // compile here, against the one surface, and fail on the device: this is the check that stops it.
        Dictionary<string, string> packageOf = SurfaceMap.PackageOfType();
        Dictionary<string, string> appPackages = SurfaceMap.Packages(System.IO.Path.Combine(Paths.AppFolder(app), "packages.config"));
        using var gate = new Meta(Paths.GateAssembly(app));
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (TypeReferenceHandle h in gate.Reader.TypeReferences)
        {
            if (gate.AssemblyOf(h) == "Jidoka.DeviceApiSurface")
            {
                used.Add(SurfaceMap.Outermost(gate.Name(h)));
            }
        }

        Assert.NotEmpty(used);
        foreach (string type in used)
        {
            Assert.True(packageOf.TryGetValue(type, out string? package), $"{type} is not declared at namespace level in any surface file");
            Assert.True(appPackages.ContainsKey(package!), $"{app} uses {type} from {package}, which its packages.config does not list");
        }
    }

    [Fact]
    public void The_STM32_app_uses_no_ESP32_or_WiFi_API_and_the_ESP32_app_no_STM32_API()
    {
        Dictionary<string, string> packageOf = SurfaceMap.PackageOfType();
        HashSet<string> Used(string app)
        {
            using var gate = new Meta(Paths.GateAssembly(app));
            return gate.Reader.TypeReferences
                .Where(h => gate.AssemblyOf(h) == "Jidoka.DeviceApiSurface")
                .Select(h => packageOf[SurfaceMap.Outermost(gate.Name(h))])
                .ToHashSet(StringComparer.Ordinal);
        }

        HashSet<string> esp32 = Used("Esp32DevKitC");
        Assert.Contains("nanoFramework.Hardware.Esp32", esp32);
        Assert.Contains("nanoFramework.System.Device.Wifi", esp32);
        Assert.DoesNotContain("nanoFramework.Hardware.Stm32", esp32);
        foreach (string app in new[] { "NucleoF767zi", "Stm32F769iDisco" })
        {
            HashSet<string> stm32 = Used(app);
            Assert.Contains("nanoFramework.Hardware.Stm32", stm32);
            Assert.DoesNotContain("nanoFramework.Hardware.Esp32", stm32);
            Assert.DoesNotContain("nanoFramework.System.Device.Wifi", stm32);
        }
    }
}
