using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace Jidoka.Bridge.TestKit;

/// <summary>The bridge as a real separate process (the built Jidoka.Bridge.dll), so a test can kill it outright.</summary>
public sealed class BridgeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BridgeProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the bridge against an external broker at 127.0.0.1:<paramref name="brokerPort"/>.</summary>
    public static BridgeProcess Start(int brokerPort, string dataFile, string hostId)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Jidoka.Bridge.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dataFile)!,
        };
        foreach (string arg in new[]
        {
            dll,
            "--Bridge:HostId", hostId,
            "--Bridge:Broker:Mode", "External",
            "--Bridge:Broker:Host", "127.0.0.1",
            "--Bridge:Broker:Port", brokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Bridge:Storage:DataFile", dataFile,
            "--Bridge:RetentionDays", "0",

            // The bridge also serves its HTTP twin feed; a free loopback port keeps parallel tests apart.
            "--Bridge:Http:ListenAddress", "127.0.0.1",
            "--Bridge:Http:Port", "0",
            "--Logging:LogLevel:Default", "Warning",
        })
        {
            info.ArgumentList.Add(arg);
        }

        return new BridgeProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start the bridge process"));
    }

    /// <summary>Kills the process at once: no clean stop, no offline announcement, whatever batch is in flight is cut.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line == null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
