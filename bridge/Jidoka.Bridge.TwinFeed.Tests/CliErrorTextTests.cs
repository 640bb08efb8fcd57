using System;
using System.IO;
using System.Threading.Tasks;
using Jidoka.Bridge.TestKit;
using Jidoka.Bridge.TwinFeed.Tests.Support;
using Jidoka.Cli;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests;

/// <summary>A bad policy file is described in the file's terms: lines and columns from 1, field names, no .NET type names.</summary>
public sealed class CliErrorTextTests
{
    [Theory]
    [InlineData("{\n  \"policyId\": 8,\n  \"forceLimitMilliNewtons\": \"lots\"\n}\n", "line 3, column 35: forceLimitMilliNewtons must be a whole number.")]
    [InlineData("{\n  \"policyId\": 8,\n  \"forceLimitMilliNewtons\": 1\n", "line 4, column 1: the file ends before every { or [ is closed.")]
    [InlineData("[1,2]\n", "line 1, column 2: the document must be an object {...}.")]
    [InlineData("{\n  \"policyId\": 8,\n  \"forceLimitMN\": 1\n}\n", "unknown field 'forceLimitMN' (a misspelling?)")]
    public async Task Policy_check_names_the_line_from_1_and_the_field_without_dotnet_type_names(string text, string expected)
    {
        using var dir = new TempDir();
        string file = dir.File("p.json");
        await File.WriteAllTextAsync(file, text);
        CliResult result = await JidokaTool.RunAsync("policy", "check", file);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("PolicyDocument", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", result.Error, StringComparison.Ordinal);
    }
}
