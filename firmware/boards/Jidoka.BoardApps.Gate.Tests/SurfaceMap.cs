using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Jidoka.BoardApps.Gate.Tests;

/// <summary>
/// Which nanoFramework package each surface type mirrors: every file in firmware/DeviceApiSurface starts
/// with "// Mirrors: &lt;package&gt; &lt;version&gt;" and declares the types of that package, at namespace level.
/// </summary>
internal static partial class SurfaceMap
{
    /// <summary>Top-level type full name → package id.</summary>
    public static Dictionary<string, string> PackageOfType()
    {
        var map = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(Paths.SurfaceSources(), "*.cs"))
        {
            string[] lines = File.ReadAllLines(file);
            Match mirrors = MirrorsLine().Match(lines[0]);
            Assert.True(mirrors.Success, $"{Path.GetFileName(file)} has no Mirrors line");
            string package = mirrors.Groups["id"].Value;
            string ns = "";
            foreach (string line in lines)
            {
                Match n = NamespaceLine().Match(line);
                if (n.Success)
                {
                    ns = n.Groups["ns"].Value;
                    continue;
                }

                Match t = TopLevelType().Match(line);
                if (t.Success)
                {
                    map[ns + "." + t.Groups["name"].Value] = package;
                }
            }
        }

        return map;
    }

    /// <summary>Package ids and versions of a packages.config.</summary>
    public static Dictionary<string, string> Packages(string packagesConfig) =>
        XDocument.Load(packagesConfig).Root!.Elements("package")
            .ToDictionary(p => (string)p.Attribute("id")!, p => (string)p.Attribute("version")!);

    /// <summary>The outermost type of a nested name ("A.B+C" → "A.B").</summary>
    public static string Outermost(string typeName)
    {
        int plus = typeName.IndexOf('+', System.StringComparison.Ordinal);
        return plus < 0 ? typeName : typeName[..plus];
    }

    [GeneratedRegex(@"^// Mirrors: (?<id>nanoFramework\.[A-Za-z0-9.]+) (?<version>\d+\.\d+\.\d+)")]
    private static partial Regex MirrorsLine();

    [GeneratedRegex(@"^namespace (?<ns>[\w.]+)")]
    private static partial Regex NamespaceLine();

    // Four spaces: a type directly inside a namespace block (nested types are indented further).
    [GeneratedRegex(@"^    public (?:(?:sealed|static|abstract|readonly|partial) )*(?:class|struct|enum|interface|delegate [\w.?\[\]]+) (?<name>\w+)")]
    private static partial Regex TopLevelType();
}
