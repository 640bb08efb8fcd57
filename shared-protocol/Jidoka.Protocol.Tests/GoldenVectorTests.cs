using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Jidoka.Protocol.Vectors;
using Xunit;

namespace Jidoka.Protocol.Tests;

/// <summary>Runs the shared golden-vector checker over every file in shared-protocol/vectors/.</summary>
public sealed class GoldenVectorTests
{
    private static string VectorDirectory => Path.Combine(AppContext.BaseDirectory, "vectors");

    public static IEnumerable<object[]> VectorFiles() =>
        Directory.GetFiles(VectorDirectory, "*.vec").OrderBy(p => p, StringComparer.Ordinal).Select(p => new object[] { Path.GetFileName(p) });

    [Theory]
    [MemberData(nameof(VectorFiles))]
    public void Vector_passes_the_shared_checker(string file)
    {
        ArrayList failures = VectorChecker.Check(File.ReadAllText(Path.Combine(VectorDirectory, file)));
        Assert.True(failures.Count == 0, file + ":\n" + string.Join("\n", failures.Cast<string>()));
    }

    [Fact]
    public void Vectors_cover_every_message_kind_and_every_rejection_reason()
    {
        var vectors = Directory.GetFiles(VectorDirectory, "*.vec").Select(p =>
        {
            var v = new GoldenVector();
            Assert.Equal("", v.Parse(File.ReadAllText(p)));
            return v;
        }).ToList();

        Assert.True(vectors.Count >= 12, $"only {vectors.Count} vectors");
        foreach (string kind in MessageFactory.Names)
        {
            Assert.Contains(vectors, v => v.Message == kind && v.ExpectAccept);
        }

        foreach (RejectReason reason in Enum.GetValues<RejectReason>().Where(r => r != RejectReason.None))
        {
            Assert.Contains(vectors, v => !v.ExpectAccept && v.ExpectedReason == reason);
        }
    }

    [Fact]
    public void Checker_reports_a_vector_whose_expected_field_is_wrong()
    {
        string text = File.ReadAllText(Directory.GetFiles(VectorDirectory, "01-*.vec").Single())
            .Replace("field: bootId=42", "field: bootId=43", StringComparison.Ordinal);
        ArrayList failures = VectorChecker.Check(text);
        Assert.Contains(failures.Cast<string>(), f => f.Contains("bootId", StringComparison.Ordinal));
    }

    [Fact]
    public void Checker_reports_a_rejection_with_the_wrong_reason()
    {
        string text = File.ReadAllText(Directory.GetFiles(VectorDirectory, "21-*.vec").Single())
            .Replace("reject BadCrc crc", "reject TooShort length", StringComparison.Ordinal);
        Assert.NotEmpty(VectorChecker.Check(text));
    }
}
