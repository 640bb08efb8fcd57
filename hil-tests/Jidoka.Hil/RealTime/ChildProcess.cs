using System;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace Jidoka.Hil.RealTime;

/// <summary>
/// A process the rig started and owns: output captured (bounded), stopped by its own id only (SIGTERM
/// first when asked to stop cleanly, then kill), never by name.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int OutputMaxChars = 200_000;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(Process process, string name, bool captureStdout)
    {
        _process = process;
        Name = name;
        if (captureStdout)
        {
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.BeginOutputReadLine();
        }

        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginErrorReadLine();
    }

    /// <summary>What the process is, for messages.</summary>
    public string Name { get; }

    /// <summary>Process id.</summary>
    public int Id => _process.Id;

    /// <summary>The underlying process (standard input and output when not captured).</summary>
    public Process Process => _process;

    /// <summary>True once it exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Captured output (standard error, and standard output when captured), most recent last.</summary>
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

    /// <summary>Starts <paramref name="info"/> (redirection set here).</summary>
    public static ChildProcess Start(string name, ProcessStartInfo info, bool captureStdout = true, bool redirectStdin = false)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.UseShellExecute = false;
        info.RedirectStandardError = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardInput = redirectStdin;
        Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + name);
        return new ChildProcess(process, name, captureStdout);
    }

    /// <summary>The dotnet host that runs this process (so children run on the same runtime).</summary>
    public static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host))
        {
            return host;
        }

        string? self = Environment.ProcessPath;
        return self != null && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    /// <summary>Kills it at once (SIGKILL): no clean stop.</summary>
    public async Task KillAsync()
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

        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>Asks it to stop (SIGTERM to this process id), waits up to <paramref name="timeout"/>, then kills it.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        if (!OperatingSystem.IsWindows())
        {
            using Process? kill = Process.Start(new ProcessStartInfo("kill", "-TERM " + _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) { UseShellExecute = false });
            if (kill != null)
            {
                await kill.WaitForExitAsync().ConfigureAwait(false);
            }

            Task exited = _process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(timeout)).ConfigureAwait(false) == exited)
            {
                return;
            }
        }

        await KillAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
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
            if (_output.Length > OutputMaxChars)
            {
                _output.Remove(0, _output.Length / 2);
            }

            _output.AppendLine(line);
        }
    }
}
