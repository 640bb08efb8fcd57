using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Jidoka.Protocol.Vectors;

namespace Jidoka.Protocol.Tests;

/// <summary>Loads the golden vectors copied next to the test assembly.</summary>
internal static class VectorFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "vectors");

    public static IReadOnlyList<GoldenVector> All() =>
        System.IO.Directory.GetFiles(Directory, "*.vec").OrderBy(p => p, StringComparer.Ordinal).Select(p =>
        {
            var v = new GoldenVector();
            string error = v.Parse(File.ReadAllText(p));
            if (error.Length != 0)
            {
                throw new InvalidDataException(p + ": " + error);
            }

            return v;
        }).ToList();

    public static GoldenVector Named(string name) => All().Single(v => v.Name == name);

    public static IEnumerable<object[]> AcceptedNames() => All().Where(v => v.ExpectAccept).Select(v => new object[] { v.Name });
}
