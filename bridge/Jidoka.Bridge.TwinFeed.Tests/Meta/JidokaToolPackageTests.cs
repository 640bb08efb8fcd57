using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Jidoka.Bridge.TestKit;
using Xunit;

namespace Jidoka.Bridge.TwinFeed.Tests.Meta;

/// <summary>
/// The docs tell technicians to install the built <c>jidoka</c> tool rather than <c>dotnet run</c> it: the
/// tool must pack and install as a .NET tool under that name, and no doc may still lead with <c>dotnet run</c>.
/// </summary>
[Trait("Category", "Meta")]
public sealed class JidokaToolPackageTests
{
    [Fact]
    public async Task The_cli_packs_and_installs_as_a_dotnet_tool_named_jidoka()
    {
        using var dir = new TempDir();
        string repo = RepositoryRoot();
        string packages = dir.File("packages");
        string tools = dir.File("tools");

        await RunAsync("dotnet", "pack", Path.Combine(repo, "bridge", "Jidoka.Cli", "Jidoka.Cli.csproj"), "-c", "Release", "-o", packages, "-p:Version=0.0.0-test", "--nologo");
        Assert.Single(Directory.GetFiles(packages, "Jidoka.Cli.0.0.0-test.nupkg"));
        await RunAsync("dotnet", "tool", "install", "Jidoka.Cli", "--version", "0.0.0-test", "--tool-path", tools, "--add-source", packages);
        string help = await RunAsync(Path.Combine(tools, "jidoka"), "--help");

        Assert.Contains("status", help, StringComparison.Ordinal);
        Assert.Contains("reset", help, StringComparison.Ordinal);
    }

    [Fact]
    public void No_doc_runs_the_cli_through_dotnet_run()
    {
        string repo = RepositoryRoot();
        foreach (string doc in Directory.GetFiles(Path.Combine(repo, "docs"), "*.md"))
        {
            Assert.DoesNotMatch(new Regex(@"dotnet run --project bridge/Jidoka\.Cli"), File.ReadAllText(doc));
        }

        Assert.DoesNotMatch(new Regex(@"dotnet run --project bridge/Jidoka\.Cli"), File.ReadAllText(Path.Combine(repo, "README.md")));
    }

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(4));
        string output = await stdout;
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{output}\n{await stderr}");
        return output;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "host.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("host.sln not found above " + AppContext.BaseDirectory);
    }
}
