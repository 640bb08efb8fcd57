using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Jidoka.DeviceApiSurface.Tests;

/// <summary>
/// The deploy check refuses an app when a referenced assembly's declared native version differs from the
/// one the flashed firmware implements. firmware/boards/native-assemblies.json records both sides (with
/// where each was read); these tests tie it to the package pins and to the firmware version the flashing
/// commands in docs/boards.md pin, so a package bump or a docs change that breaks deployment fails here.
/// </summary>
public sealed partial class NativeVersionTests
{
    private sealed record PackageNative(string Id, string Version, string? Assembly, string? NativeVersion, string Source);

    private sealed record Firmware(string Name, string? FwVersion, Dictionary<string, string> Natives);

    private static string TablePath() => Path.Combine(SurfaceFiles.RepositoryRoot(), "firmware", "boards", "native-assemblies.json");

    private static (List<PackageNative> Packages, List<Firmware> Firmwares) ReadTable()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(TablePath()));
        var packages = doc.RootElement.GetProperty("packages").EnumerateArray().Select(p => new PackageNative(
            p.GetProperty("id").GetString()!,
            p.GetProperty("version").GetString()!,
            p.GetProperty("nativeAssembly").GetString(),
            p.GetProperty("nativeVersion").GetString(),
            p.GetProperty("source").GetString()!)).ToList();
        var firmwares = doc.RootElement.GetProperty("firmwares").EnumerateArray().Select(f => new Firmware(
            f.GetProperty("name").GetString()!,
            f.GetProperty("fwversion").GetString(),
            f.GetProperty("natives").EnumerateArray().ToDictionary(n => n.GetProperty("assembly").GetString()!, n => n.GetProperty("version").GetString()!))).ToList();
        return (packages, firmwares);
    }

    private static Dictionary<string, string> Pins() =>
        XDocument.Load(SurfaceFiles.PinnedPackagesPath()).Root!.Elements("package")
            .ToDictionary(p => (string)p.Attribute("id")!, p => (string)p.Attribute("version")!, StringComparer.Ordinal);

    /// <summary>The firmware version each nanoff flashing command in docs/boards.md pins; null for "latest".</summary>
    internal static List<(string Line, string? FwVersion)> DocsFlashCommands(string boardsMd)
    {
        var commands = new List<(string, string?)>();
        foreach (string raw in boardsMd.Split('\n'))
        {
            string line = raw.Trim();
            if (!line.StartsWith("nanoff ", StringComparison.Ordinal) || !line.Contains(" --update", StringComparison.Ordinal))
            {
                continue;
            }

            Match m = FwVersionOption().Match(line);
            commands.Add((line, m.Success ? m.Groups["v"].Value : null));
        }

        return commands;
    }

    /// <summary>Every mismatch between the pinned packages and the firmware <paramref name="fwVersion"/> pins.</summary>
    internal static List<string> Mismatches(string? fwVersion)
    {
        (List<PackageNative> packages, List<Firmware> firmwares) = ReadTable();
        Firmware? firmware = firmwares.SingleOrDefault(f => f.FwVersion == fwVersion);
        var problems = new List<string>();
        if (firmware == null)
        {
            problems.Add($"firmware {fwVersion ?? "latest"} is not in native-assemblies.json");
            return problems;
        }

        foreach (KeyValuePair<string, string> pin in Pins())
        {
            PackageNative? p = packages.SingleOrDefault(x => x.Id == pin.Key);
            if (p == null || p.Version != pin.Value)
            {
                problems.Add($"{pin.Key} {pin.Value} is pinned but native-assemblies.json lists {(p == null ? "nothing" : p.Version)}");
                continue;
            }

            if (p.Assembly == null)
            {
                continue;
            }

            if (!firmware.Natives.TryGetValue(p.Assembly, out string? implemented))
            {
                problems.Add($"{p.Id} {p.Version} needs native {p.Assembly}, which firmware {firmware.Name} does not list");
            }
            else if (implemented != p.NativeVersion)
            {
                problems.Add($"{p.Id} {p.Version} declares native {p.Assembly} {p.NativeVersion} ({p.Source}); firmware {firmware.Name} implements {implemented}");
            }
        }

        return problems;
    }

    [Fact]
    public void Every_flashing_command_in_the_docs_pins_the_same_firmware_version()
    {
        var commands = DocsFlashCommands(File.ReadAllText(Path.Combine(SurfaceFiles.RepositoryRoot(), "docs", "boards.md")));
        Assert.True(commands.Count >= 2, "docs/boards.md has a nanoff --update command per board");
        Assert.All(commands, c => Assert.True(c.FwVersion != null, $"'{c.Line}' flashes whatever firmware is latest; pin it with --fwversion"));
        Assert.Single(commands.Select(c => c.FwVersion).Distinct());
    }

    [Fact]
    public void Every_pinned_package_declares_the_native_version_the_docs_pinned_firmware_implements()
    {
        var commands = DocsFlashCommands(File.ReadAllText(Path.Combine(SurfaceFiles.RepositoryRoot(), "docs", "boards.md")));
        foreach (string? fwVersion in commands.Select(c => c.FwVersion).Distinct())
        {
            List<string> problems = Mismatches(fwVersion);
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }
    }

    [Fact]
    public void The_latest_firmware_refuses_System_Net_1_11_54_which_is_why_the_firmware_is_pinned()
    {
        // The table must keep saying why the pin exists: if "latest" ever matched, the pin could go.
        List<string> problems = Mismatches(null);
        Assert.Contains(problems, p => p.Contains("nanoFramework.System.Net 1.11.54", StringComparison.Ordinal) && p.Contains("100.2.0.14", StringComparison.Ordinal));
    }

    [Fact]
    public void Docs_reader_treats_a_command_without_fwversion_as_latest()
    {
        var commands = DocsFlashCommands("```\nnanoff --target ESP32_REV3 --serialport COM3 --update\nnanoff --target X --update --fwversion 1.2.3.4 --jtag\n```\n");
        Assert.Equal(2, commands.Count);
        Assert.Null(commands[0].FwVersion);
        Assert.Equal("1.2.3.4", commands[1].FwVersion);
    }

    [GeneratedRegex(@"--fwversion\s+(?<v>[0-9]+(\.[0-9]+){2,3})")]
    private static partial Regex FwVersionOption();
}
