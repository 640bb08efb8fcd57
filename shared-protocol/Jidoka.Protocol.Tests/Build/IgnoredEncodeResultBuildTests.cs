using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Jidoka.Protocol.Tests.Build;

/// <summary>
/// A refused encode cannot be ignored on the host: the repository's .editorconfig makes CA1806 an error
/// for every method named TryEncode. This builds a small project inside the repository (so it gets the
/// same .editorconfig and Directory.Build.props as every host project) that ignores two results and
/// uses a third, and checks that exactly the two ignoring lines fail the build.
/// </summary>
[Trait("Category", "Build")]
public sealed class IgnoredEncodeResultBuildTests
{
    private const string Source = """
        using Jidoka.Protocol;

        namespace Probe;

        internal static class Publisher
        {
            internal static byte[] IgnoresMessageResult(HostStateMessage state)
            {
                byte[] buffer = new byte[HostStateMessage.EncodedSize];
                state.TryEncode(buffer, 0);
                return buffer;
            }

            internal static byte[] IgnoresCodecResult(FrameMessage frame)
            {
                byte[] buffer = new byte[ProtocolLimits.MaxMessageBytes];
                FrameCodec.TryEncode(frame, buffer, 0);
                return buffer;
            }

            internal static byte[]? UsesResult(HostStateMessage state)
            {
                byte[] buffer = new byte[HostStateMessage.EncodedSize];
                return state.TryEncode(buffer, 0).IsWritten ? buffer : null;
            }
        }
        """;

    private static string RepositoryRoot()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "host.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("host.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task A_build_that_ignores_a_TryEncode_result_fails_at_that_line()
    {
        string root = RepositoryRoot();
        Assert.Contains("dotnet_code_quality.CA1806.additional_use_results_methods = TryEncode", File.ReadAllText(Path.Combine(root, ".editorconfig")), StringComparison.Ordinal);

        // Under the test project's bin/ (ignored by git, outside every project's globs) but inside the
        // repository, so the analyzer settings that apply are the repository's.
        string probe = Path.Combine(root, "shared-protocol", "Jidoka.Protocol.Tests", "bin", "ca1806-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(probe);
        try
        {
            string protocolDll = typeof(FrameMessage).Assembly.Location;
            File.WriteAllText(Path.Combine(probe, "Probe.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="Jidoka.Protocol" HintPath="{protocolDll}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(probe, "Publisher.cs"), Source);

            var start = new ProcessStartInfo("dotnet", ["build", "Probe.csproj", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary"])
            {
                WorkingDirectory = probe,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using Process process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
            Task<string> stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            string output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            output += await stderr;

            Assert.NotEqual(0, process.ExitCode);
            string[] errors = Regex.Matches(output, @"Publisher\.cs\((\d+),\d+\): error (\w+)")
                .Select(m => m.Groups[2].Value + "@" + m.Groups[1].Value)
                .Distinct()
                .OrderBy(e => e, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(new[] { "CA1806@10", "CA1806@17" }, errors);
            Assert.DoesNotMatch(@"error (?!CA1806)\w+", output);
        }
        finally
        {
            Directory.Delete(probe, true);
        }
    }
}
