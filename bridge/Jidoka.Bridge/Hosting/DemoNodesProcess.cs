using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Hosting;

/// <summary>
/// The demo-nodes child process: started on the same dotnet host as the bridge, its output forwarded to
/// the bridge's log, stopped by closing its standard input (it exits at end of input, so it also ends
/// when the bridge dies), killed by its own process id when it does not stop in time.
/// </summary>
public sealed class DemoNodesProcess : IDisposable
{
    /// <summary>The folder next to the bridge's own files that holds the built demo-nodes program.</summary>
    public const string FolderName = "demo-nodes";

    /// <summary>The demo-nodes program's file name.</summary>
    public const string AssemblyFileName = "Jidoka.DemoNodes.dll";

    private readonly Process _process;
    private readonly ILogger _logger;
    private volatile bool _stopping;

    private DemoNodesProcess(Process process, ILogger logger)
    {
        _process = process;
        _logger = logger;
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => OnExited();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Process id.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// The demo-nodes program: <paramref name="configured"/> when set (Bridge:Demo:Assembly), else
    /// demo-nodes/Jidoka.DemoNodes.dll beside the running application (Jidoka.Bridge's build copies it there).
    /// </summary>
    /// <exception cref="FileNotFoundException">It is not there (a build of the bridge that skipped it).</exception>
    public static string Locate(string? configured)
    {
        string path = string.IsNullOrEmpty(configured) ? Path.Combine(AppContext.BaseDirectory, FolderName, AssemblyFileName) : Path.GetFullPath(configured);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"--demo-nodes needs the demo-nodes program, which building bridge/Jidoka.Bridge puts in {FolderName}/ beside the bridge; not found at {path}. Build the bridge project (dotnet build bridge/Jidoka.Bridge) or set Bridge:Demo:Assembly.",
                path);
        }

        return path;
    }

    /// <summary>
    /// Starts <paramref name="assembly"/> for <paramref name="nodes"/> nodes against the broker at
    /// <paramref name="host"/>:<paramref name="port"/>, the nodes' flash kept under <paramref name="storeDirectory"/>.
    /// </summary>
    public static DemoNodesProcess Start(string assembly, int nodes, string host, int port, string storeDirectory, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var info = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        foreach (string arg in new[] { assembly, "--nodes", nodes.ToString(CultureInfo.InvariantCulture), "--host", host, "--port", port.ToString(CultureInfo.InvariantCulture), "--store", storeDirectory })
        {
            info.ArgumentList.Add(arg);
        }

        Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start the demo-nodes process");
        return new DemoNodesProcess(process, logger);
    }

    /// <summary>
    /// The dotnet host running this process, so the child runs on the same runtime: DOTNET_HOST_PATH when the
    /// SDK set it, this process when it is dotnet itself, else the dotnet beside the running runtime.
    /// </summary>
    public static string DotnetHost()
    {
        string? fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk))
        {
            return fromSdk;
        }

        string? self = Environment.ProcessPath;
        if (self != null && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ holds the runtime; <root>/dotnet is its host.
        string runtime = RuntimeEnvironment.GetRuntimeDirectory();
        string root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        string candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }

    /// <summary>Closes its standard input (its signal to stop), waits up to <paramref name="timeout"/>, then kills it.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        _stopping = true;
        if (_process.HasExited)
        {
            return;
        }

        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The pipe is already broken: the process is on its way out.
        }

        Task exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(timeout)).ConfigureAwait(false) != exited)
        {
            _logger.LogWarning("Demo: the demo-nodes process {Pid} did not stop within {Seconds} s; killing it.", _process.Id, timeout.TotalSeconds);
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }

            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }
        }

        _process.Dispose();
    }

    private void OnExited()
    {
        if (!_stopping)
        {
            _logger.LogError("Demo: the demo-nodes process {Pid} exited with code {Code} while the bridge runs; the demo nodes are gone until the bridge restarts.", _process.Id, _process.ExitCode);
        }
    }

    private void Log(string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            _logger.LogInformation("demo-nodes: {Line}", line);
        }
    }
}
