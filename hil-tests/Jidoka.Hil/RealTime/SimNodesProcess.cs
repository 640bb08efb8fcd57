using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Jidoka.Hil.RealTime;

/// <summary>The simulated-nodes process (<c>Jidoka.Hil.SimNodes.dll</c>) driven over its standard input and output.</summary>
public sealed class SimNodesProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);
    private readonly ChildProcess _process;
    private readonly SemaphoreSlim _turn = new(1, 1);

    private SimNodesProcess(ChildProcess process) => _process = process;

    /// <summary>Standard error of the process.</summary>
    public string Output => _process.Output;

    /// <summary>Where the built app is: beside the running tests, or <c>JIDOKA_SIMNODES_DLL</c>.</summary>
    public static string DefaultDll()
    {
        string? configured = Environment.GetEnvironmentVariable("JIDOKA_SIMNODES_DLL");
        return string.IsNullOrEmpty(configured) ? Path.Combine(AppContext.BaseDirectory, "Jidoka.Hil.SimNodes.dll") : configured;
    }

    /// <summary>Starts the nodes of <paramref name="scenario"/> against the broker at 127.0.0.1:<paramref name="port"/>.</summary>
    public static SimNodesProcess Start(string dll, string scenario, string scenariosDirectory, int port, ulong seed, string storeDirectory)
    {
        var info = new ProcessStartInfo(ChildProcess.DotnetHost());
        foreach (string arg in new[]
        {
            dll, "--scenario", scenario, "--scenarios", scenariosDirectory, "--port", port.ToString(CultureInfo.InvariantCulture),
            "--seed", seed.ToString(CultureInfo.InvariantCulture), "--dir", storeDirectory,
        })
        {
            info.ArgumentList.Add(arg);
        }

        return new SimNodesProcess(ChildProcess.Start("sim-nodes", info, captureStdout: false, redirectStdin: true));
    }

    /// <summary>Sends <paramref name="request"/> and reads its answer.</summary>
    public async Task<SimNodesReply> AskAsync(SimNodesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_process.HasExited)
        {
            throw new InvalidOperationException("the simulated-nodes process exited:\n" + _process.Output);
        }

        // One request and its reply at a time: the timeline's node steps and its operator commands ask concurrently.
        await _turn.WaitAsync().ConfigureAwait(false);
        try
        {
            await _process.Process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(request, SimNodesProtocol.Json)).ConfigureAwait(false);
            await _process.Process.StandardInput.FlushAsync().ConfigureAwait(false);
            Task<string?> read = _process.Process.StandardOutput.ReadLineAsync();
            if (await Task.WhenAny(read, Task.Delay(ReplyTimeout)).ConfigureAwait(false) != read)
            {
                throw new TimeoutException($"no answer to '{request.Cmd}' within {ReplyTimeout.TotalSeconds} s:\n" + _process.Output);
            }

            string line = await read.ConfigureAwait(false) ?? throw new InvalidOperationException("the simulated-nodes process closed its output:\n" + _process.Output);
            return JsonSerializer.Deserialize<SimNodesReply>(line, SimNodesProtocol.Json) ?? throw new InvalidDataException("empty answer");
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Asks the process to quit, then makes sure it is gone.</summary>
    public async Task QuitAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await AskAsync(new SimNodesRequest { Cmd = "quit" }).ConfigureAwait(false);
                Task exited = _process.Process.WaitForExitAsync();
                await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(10))).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
            {
                // It is killed below.
            }
        }

        await _process.KillAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        _turn.Dispose();
    }
}
