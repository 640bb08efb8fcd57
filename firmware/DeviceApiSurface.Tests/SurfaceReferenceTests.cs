using System;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Jidoka.NanoGate.Tests;
using Xunit;

namespace Jidoka.DeviceApiSurface.Tests;

/// <summary>
/// The surface must compile against nanoFramework's mscorlib 1.17.11 and nothing else, like the node
/// core's compile gate: a build that silently picked up NETStandard would let an adapter use an API the
/// device lacks.
/// </summary>
[Trait("Category", "Meta")]
public sealed class SurfaceReferenceTests
{
    [Fact]
    public void Surface_references_only_nanoFramework_mscorlib_1_17_11()
    {
        var references = NanoAssemblyFacts.AssemblyReferences(SurfaceFiles.AssemblyPath());
        Assert.Single(references);
        Assert.Equal("mscorlib", references[0].Name);
        Assert.Equal(new Version(1, 17, 11, 0), references[0].Version);
    }

    [Fact]
    public void Surface_has_no_type_references_outside_mscorlib()
    {
        Assert.Equal(["mscorlib"], NanoAssemblyFacts.TypeReferenceAssemblies(SurfaceFiles.AssemblyPath()));
    }

    [Theory]
    [InlineData("System.Device.Gpio.GpioController")]
    [InlineData("System.Device.Gpio.GpioPin")]
    [InlineData("System.Device.Spi.SpiDevice")]
    [InlineData("System.Device.Adc.AdcController")]
    [InlineData("System.IO.Ports.SerialPort")]
    [InlineData("System.IO.FileStream")]
    [InlineData("nanoFramework.M2Mqtt.MqttClient")]
    [InlineData("nanoFramework.Hardware.Esp32.HighResTimer")]
    [InlineData("nanoFramework.Hardware.Esp32.Configuration")]
    [InlineData("nanoFramework.Networking.WifiNetworkHelper")]
    [InlineData("nanoFramework.Networking.NetworkHelper")]
    [InlineData("nanoFramework.Runtime.Native.GC")]
    [InlineData("nanoFramework.Hardware.Stm32.Utilities")]
    public void Surface_declares_the_types_the_board_apps_need(string fullName)
    {
        using PEReader pe = SurfaceFiles.OpenAssembly();
        MetadataReader md = pe.GetMetadataReader();
        var types = md.TypeDefinitions
            .Select(h => md.GetTypeDefinition(h))
            .Select(t => md.GetString(t.Namespace) + "." + md.GetString(t.Name))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains(fullName, types);
    }
}
