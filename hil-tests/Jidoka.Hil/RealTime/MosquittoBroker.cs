using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Jidoka.Hil.RealTime;

/// <summary>
/// Mosquitto as a child process of the test: a generated configuration (one listener on 127.0.0.1 at
/// an ephemeral port, anonymous clients allowed, no persistence), started, stopped and started again on
/// the same port for broker outages. Debian's package puts the binary at /usr/sbin/mosquitto;
/// <c>JIDOKA_MOSQUITTO</c> names another.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly string _executable;
    private readonly string _config;
    private ChildProcess? _process;

    private MosquittoBroker(string executable, string directory, int port, int maxQueuedMessages, int maxInflightMessages)
    {
        _executable = executable;
        Port = port;
        Directory = directory;
        _config = Path.Combine(directory, "mosquitto.conf");
        // persistence false: a restart forgets retained messages, so the rig also proves that nodes and
        // the bridge re-announce themselves after an outage rather than relying on the broker's memory.
        File.WriteAllText(_config, string.Join('\n',
            "listener " + port.ToString(CultureInfo.InvariantCulture) + " 127.0.0.1",
            "allow_anonymous true",
            "persistence false",
            "log_dest stderr",
            "log_type error",
            "log_type warning",
            "max_queued_messages " + maxQueuedMessages.ToString(CultureInfo.InvariantCulture),
            "max_inflight_messages " + maxInflightMessages.ToString(CultureInfo.InvariantCulture),
            "") );
    }

    /// <summary>The broker's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Folder of the generated configuration.</summary>
    public string Directory { get; }

    /// <summary>True while the broker process runs.</summary>
    public bool IsRunning => _process != null && !_process.HasExited;

    /// <summary>Output of the current (or last) broker process.</summary>
    public string Output => _process?.Output ?? "";

    /// <summary>The Mosquitto executable, or null when it is not installed.</summary>
    public static string? Find()
    {
        string? configured = Environment.GetEnvironmentVariable("JIDOKA_MOSQUITTO");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        foreach (string candidate in new[] { "/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/bin/mosquitto", "/opt/homebrew/sbin/mosquitto" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string path = Path.Combine(dir, "mosquitto");
            if (dir.Length > 0 && File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>
    /// Starts a broker on a free loopback port, configuration under <paramref name="directory"/>. A client
    /// that falls further behind than <paramref name="maxQueuedMessages"/> QoS 1 messages loses the excess;
    /// <paramref name="maxInflightMessages"/> is also the MQTT 5 receive maximum the broker announces
    /// (0 = no limit), which a publisher keeping hundreds of QoS 1 messages in flight must stay under.
    /// The rig's defaults are Mosquitto's own (20 in flight); the ingest benchmark raises both.
    /// </summary>
    public static async Task<MosquittoBroker> StartAsync(string executable, string directory, int maxQueuedMessages = 100_000, int maxInflightMessages = 20)
    {
        System.IO.Directory.CreateDirectory(directory);
        var broker = new MosquittoBroker(executable, directory, FreePort(), maxQueuedMessages, maxInflightMessages);
        await broker.StartAgainAsync().ConfigureAwait(false);
        return broker;
    }

    /// <summary>Starts the broker (again) on its port and waits until it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            return;
        }

        if (_process != null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
        }

        var info = new ProcessStartInfo(_executable);
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(_config);
        _process = ChildProcess.Start("mosquitto", info);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited at start (port {Port}):\n{_process.Output}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Kills the broker process (an outage: every connection drops, retained messages are forgotten).</summary>
    public Task StopAsync() => _process?.KillAsync() ?? Task.CompletedTask;

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_process != null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A TCP port free on the loopback interface now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
