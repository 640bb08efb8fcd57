using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.TestKit;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>
/// The bridge program as a user starts it: --help, misspelt and ill-typed settings, and ports already in
/// use (a real Mosquitto on the MQTT port, a real listener on the HTTP port) each end in one line and a
/// documented exit code, never a stack trace.
/// </summary>
public sealed class BridgeCommandLineTests
{
    [Fact]
    public async Task Help_lists_the_options_and_exits_0()
    {
        (int exit, string output, string error) = await RunAsync("--help");
        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("--demo-nodes N", output, StringComparison.Ordinal);
        Assert.Contains("--Bridge:Broker:Port", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("--Bridge:Broker:Port abc", "Configuration error: Bridge:Broker:Port 'abc' must be a whole number")]
    [InlineData("--Bridge:Broker:Prot 1884", "Configuration error: Unknown setting Bridge:Broker:Prot. Did you mean Bridge:Broker:Port?")]
    [InlineData("--Bridge:Storage:DurableCommits sometimes", "Configuration error: Bridge:Storage:DurableCommits 'sometimes' must be true or false.")]
    [InlineData("--demo-node 3", "Configuration error: Unknown option '--demo-node'.")]
    [InlineData("--Brdge:HostId b", "Configuration error: Unknown option '--Brdge:HostId'.")]
    public async Task A_bad_setting_is_one_line_and_exit_2(string args, string expected)
    {
        (int exit, string output, string error) = await RunAsync(args.Split(' '));
        Assert.True(exit == 2, $"exit {exit}\n{output}\n{error}");
        AssertOneLine(error, expected);
    }

    [SkippableFact]
    public async Task A_system_mosquitto_on_the_mqtt_port_is_named_in_one_line_with_the_setting_to_change()
    {
        string? mosquitto = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto" }.FirstOrDefault(File.Exists);
        if (mosquitto == null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "mosquitto is missing; .ci/run installs it");
            Skip.If(true, "SKIPPED LOUDLY: mosquitto is not installed; the port conflict with a real broker was not tried.");
        }

        int port = FreePort();
        using var broker = Process.Start(new ProcessStartInfo(mosquitto!, $"-p {port}") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
        try
        {
            await Eventually.UntilAsync(() => Accepts(port), $"mosquitto listening on {port}");
            using var dir = new TempDir();
            (int exit, string output, string error) = await RunAsync("--Bridge:Broker:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--Bridge:Storage:DataFile", dir.File("b.db"), "--Bridge:Http:Port", "0");
            Assert.True(exit == 3, $"exit {exit}\n{output}\n{error}");
            AssertOneLine(error, $"Could not start: Port {port} is already in use");
            Assert.Contains("--Bridge:Broker:Port N", error, StringComparison.Ordinal);
        }
        finally
        {
            broker.Kill();
            await broker.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_taken_http_port_is_named_in_one_line_with_the_setting_to_change()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var dir = new TempDir();
        (int exit, string output, string error) = await RunAsync(
            "--Bridge:Broker:ListenAddress", "127.0.0.1", "--Bridge:Broker:Port", "0", "--Bridge:Storage:DataFile", dir.File("b.db"),
            "--Bridge:Http:ListenAddress", "127.0.0.1", "--Bridge:Http:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(exit == 3, $"exit {exit}\n{output}\n{error}");
        AssertOneLine(error, $"Could not start: Port {port} is already in use");
        Assert.Contains("--Bridge:Http:Port N", error, StringComparison.Ordinal);
    }

    private static void AssertOneLine(string error, string expectedStart)
    {
        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "more than one line on standard error:\n" + error);
        Assert.StartsWith(expectedStart, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Jidoka.Bridge.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start the bridge");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the bridge did not exit: " + string.Join(' ', args));
        }

        return (process.ExitCode, await output, await error);
    }
}
