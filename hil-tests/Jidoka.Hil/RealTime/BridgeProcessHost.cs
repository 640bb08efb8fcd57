using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace Jidoka.Hil.RealTime;

/// <summary>
/// The real bridge service as a child process (<c>dotnet Jidoka.Bridge.dll</c>, built beside the tests) in
/// External broker mode against the rig's Mosquitto, with its own SQLite file: started, killed outright
/// (a crash), started again on the same file, stopped cleanly at the end (SIGTERM: the host stores and
/// acknowledges what it received, announces offline and audits its stop).
/// </summary>
public sealed class BridgeProcessHost : IAsyncDisposable
{
    private readonly string _dll;
    private readonly int _brokerPort;
    private ChildProcess? _process;

    /// <summary>Prepares a bridge for the broker at 127.0.0.1:<paramref name="brokerPort"/> and <paramref name="dataFile"/>.</summary>
    public BridgeProcessHost(string bridgeDll, int brokerPort, string dataFile, string hostId = "hil-bridge")
    {
        _dll = bridgeDll ?? throw new ArgumentNullException(nameof(bridgeDll));
        _brokerPort = brokerPort;
        DataFile = dataFile ?? throw new ArgumentNullException(nameof(dataFile));
        HostId = hostId;
        HttpPort = MosquittoBroker.FreePort();
    }

    /// <summary>The twin feed's loopback port, the same for every start of this bridge.</summary>
    public int HttpPort { get; }

    /// <summary>The twin feed's base address (http://127.0.0.1:port/).</summary>
    public string HttpBaseUrl => "http://127.0.0.1:" + HttpPort.ToString(CultureInfo.InvariantCulture) + "/";

    /// <summary>The bridge's SQLite file.</summary>
    public string DataFile { get; }

    /// <summary>The bridge's host id.</summary>
    public string HostId { get; }

    /// <summary>Starts so far.</summary>
    public int Starts { get; private set; }

    /// <summary>Output of every bridge process so far (each prefixed by its start).</summary>
    public string Output { get; private set; } = "";

    /// <summary>True while a bridge process runs.</summary>
    public bool IsRunning => _process != null && !_process.HasExited;

    /// <summary>Where the built bridge is: beside the running tests (a project reference copies it), or <c>JIDOKA_BRIDGE_DLL</c>.</summary>
    public static string DefaultDll()
    {
        string? configured = Environment.GetEnvironmentVariable("JIDOKA_BRIDGE_DLL");
        return string.IsNullOrEmpty(configured) ? Path.Combine(AppContext.BaseDirectory, "Jidoka.Bridge.dll") : configured;
    }

    /// <summary>Starts a bridge process.</summary>
    public async Task StartAsync()
    {
        await Collect().ConfigureAwait(false);
        var info = new ProcessStartInfo(ChildProcess.DotnetHost()) { WorkingDirectory = Path.GetDirectoryName(DataFile)! };
        foreach (string arg in new[]
        {
            _dll,
            "--Bridge:HostId", HostId,
            "--Bridge:Broker:Mode", "External",
            "--Bridge:Broker:Host", "127.0.0.1",
            "--Bridge:Broker:Port", _brokerPort.ToString(CultureInfo.InvariantCulture),
            "--Bridge:Storage:DataFile", DataFile,
            "--Bridge:RetentionDays", "0",
            // The twin feed on a free loopback port, never the default 0.0.0.0:8080 a developer's bridge may hold.
            "--Bridge:Http:ListenAddress", "127.0.0.1",
            "--Bridge:Http:Port", HttpPort.ToString(CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default", "Warning",
        })
        {
            info.ArgumentList.Add(arg);
        }

        _process = ChildProcess.Start("bridge", info);
        Starts++;
    }

    /// <summary>Kills the bridge process outright (no clean stop: whatever batch was in flight is cut).</summary>
    public async Task KillAsync()
    {
        if (_process != null)
        {
            await _process.KillAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops the bridge cleanly (SIGTERM), killing it if it does not stop within 15 s.</summary>
    public async Task StopAsync()
    {
        if (_process != null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Collect().ConfigureAwait(false);
    }

    private async Task Collect()
    {
        if (_process != null)
        {
            await _process.KillAsync().ConfigureAwait(false);
            Output += $"--- bridge start {Starts} (pid {_process.Id}) ---\n{_process.Output}";
            await _process.DisposeAsync().ConfigureAwait(false);
            _process = null;
        }
    }
}
