using System;
using System.IO;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Identity;

/// <summary>
/// Holds the bridge's current registry and reloads it when its file changes, so a node added or revoked
/// with the CLI takes effect without a restart. A file that fails to load keeps the last good registry in
/// force (a half-edited file must not open the broker or lock every node out) and is logged. Change
/// notification is backed by a poll of the file's write time, since file-system events are not
/// delivered on every file system (network mounts, some container overlays).
/// </summary>
public sealed class NodeRegistryWatcher : IDisposable
{
    private readonly string _path;
    private readonly ILogger _logger;
    private readonly Timer _poll;
    private readonly object _gate = new();
    private NodeRegistry _current;
    private DateTime _loadedWriteTimeUtc;

    /// <summary>Loads <paramref name="path"/> now (errors propagate: a bridge must not start on a broken registry) and polls every <paramref name="pollInterval"/>.</summary>
    public NodeRegistryWatcher(string path, TimeSpan pollInterval, ILogger logger)
    {
        _path = path;
        _logger = logger;
        _loadedWriteTimeUtc = WriteTimeUtc();
        _current = NodeRegistryFile.Load(path);
        _poll = new Timer(_ => Reload(), null, pollInterval, pollInterval);
    }

    /// <summary>The registry in force.</summary>
    public NodeRegistry Current => Volatile.Read(ref _current);

    /// <summary>Times the file was reloaded after start.</summary>
    public int ReloadCount { get; private set; }

    /// <summary>Times a changed file failed to load (the previous registry stayed in force).</summary>
    public int ReloadFailureCount { get; private set; }

    /// <summary>Raised after a new registry is in force.</summary>
    public event Action<NodeRegistry>? Reloaded;

    /// <summary>Reloads now if the file changed since the last load; true when a new registry is in force.</summary>
    public bool Reload()
    {
        lock (_gate)
        {
            DateTime writeTime = WriteTimeUtc();
            if (writeTime == _loadedWriteTimeUtc)
            {
                return false;
            }

            try
            {
                NodeRegistry next = NodeRegistryFile.Load(_path);
                _loadedWriteTimeUtc = writeTime;
                Volatile.Write(ref _current, next);
                ReloadCount++;
                _logger.LogInformation("Node registry {Path} reloaded: {Count} clients", _path, next.Count);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                _loadedWriteTimeUtc = writeTime;
                ReloadFailureCount++;
                _logger.LogError("Node registry {Path} changed but does not load, the previous registry stays in force: {Reason}", _path, e.Message);
                return false;
            }
        }

        Reloaded?.Invoke(Current);
        return true;
    }

    /// <inheritdoc/>
    public void Dispose() => _poll.Dispose();

    private DateTime WriteTimeUtc() => File.Exists(_path) ? File.GetLastWriteTimeUtc(_path) : DateTime.MinValue;
}
