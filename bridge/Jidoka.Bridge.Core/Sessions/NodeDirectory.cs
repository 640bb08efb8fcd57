using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Jidoka.Bridge.Storage;

namespace Jidoka.Bridge.Sessions;

/// <summary>
/// The current state of every node, as last committed, readable from any thread: what the command
/// service checks before sending and what a twin feed serves. The ingest engine publishes into it
/// after each commit.
/// </summary>
public sealed class NodeDirectory
{
    private readonly ConcurrentDictionary<string, NodeRecord> _nodes = new(StringComparer.Ordinal);
    private readonly TimeSpan _silence;

    /// <summary>Creates a directory; a node without status counts as online while it sent something within <paramref name="silence"/>.</summary>
    public NodeDirectory(TimeSpan silence)
    {
        _silence = silence;
    }

    /// <summary>Raised after a node's state was committed and published (on the ingest thread; keep handlers short).</summary>
    public event Action<NodeRecord>? NodeChanged;

    /// <summary>Every node, by id.</summary>
    public IReadOnlyList<NodeRecord> Snapshot() => _nodes.Values.OrderBy(n => n.NodeId, StringComparer.Ordinal).ToList();

    /// <summary>One node, when known.</summary>
    public bool TryGet(string nodeId, out NodeRecord node)
    {
        if (_nodes.TryGetValue(nodeId, out NodeRecord? found))
        {
            node = found;
            return true;
        }

        node = null!;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="node"/> is online at <paramref name="now"/>: its retained status says so,
    /// or, for a node that never sent status, it was heard from recently.
    /// </summary>
    public bool IsOnline(NodeRecord node, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.HasStatus)
        {
            return node.Online;
        }

        long silenceUs = (long)_silence.TotalMicroseconds;
        return UnixTime.ToUnixUs(now) - node.LastSeenUnixUs <= silenceUs;
    }

    /// <summary>Publishes a committed node state.</summary>
    public void Publish(NodeRecord node)
    {
        ArgumentNullException.ThrowIfNull(node);
        _nodes[node.NodeId] = node;
        NodeChanged?.Invoke(node);
    }
}
