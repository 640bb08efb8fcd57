using System;
using System.Collections.Generic;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Jidoka.Protocol;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Ingest;

/// <summary>
/// The sessions of every node the engine follows: admits new nodes up to Bridge:Ingest:MaxNodes,
/// follows a node's cell from its topics, and counts rejections (logged once per node and reason).
/// </summary>
internal sealed class NodeSessions
{
    private readonly Dictionary<string, NodeSession> _sessions = new(StringComparer.Ordinal);
    private readonly HashSet<(string NodeId, RejectReason Reason)> _warned = new();
    private readonly IngestOptions _options;
    private readonly long _reorderWindowUs;
    private readonly ILogger _logger;

    public NodeSessions(IngestOptions options, ILogger logger)
    {
        _options = options;
        _reorderWindowUs = options.ReorderWindowMs * 1000L;
        _logger = logger;
    }

    /// <summary>Every session.</summary>
    public IEnumerable<NodeSession> All => _sessions.Values;

    /// <summary>The session of a node known to be followed.</summary>
    public NodeSession this[string nodeId] => _sessions[nodeId];

    /// <summary>Forgets every session (before a reload from the store).</summary>
    public void Clear() => _sessions.Clear();

    /// <summary>Follows a stored node.</summary>
    public void Restore(NodeRecord node) => _sessions[node.NodeId] = NewSession(node);

    /// <summary>
    /// The session for <paramref name="nodeId"/>, created for a new node; false when the bridge already
    /// follows as many nodes as it may (a flood of made-up node ids must not grow it without limit).
    /// </summary>
    public bool TryAdmit(string nodeId, string cellId, long receivedUs, out NodeSession session)
    {
        if (_sessions.TryGetValue(nodeId, out NodeSession? known))
        {
            if (!string.Equals(known.CellId, cellId, StringComparison.Ordinal))
            {
                known.Update(n => n with { CellId = cellId });
            }

            session = known;
            return true;
        }

        if (_sessions.Count >= _options.MaxNodes)
        {
            if (_warned.Add((nodeId, RejectReason.None)))
            {
                _logger.LogWarning("Ignored node {Node}: the bridge already follows {Max} nodes (Bridge:Ingest:MaxNodes).", nodeId, _options.MaxNodes);
            }

            session = null!;
            return false;
        }

        session = NewSession(new NodeRecord { NodeId = nodeId, CellId = cellId, FirstSeenUnixUs = receivedUs, LastSeenUnixUs = receivedUs });
        session.Dirty = true;
        _sessions[nodeId] = session;
        _logger.LogInformation("New node {Node} in cell {Cell}.", nodeId, cellId);
        return true;
    }

    /// <summary>Counts a rejected message against its node; the first of each reason per node is logged.</summary>
    public void Reject(NodeSession session, TopicKind kind, DecodeResult verdict)
    {
        session.Reject(verdict.Reason);
        if (_warned.Add((session.NodeId, verdict.Reason)))
        {
            _logger.LogWarning("Rejected a {Kind} from node {Node}: {Verdict}. Further rejections for this reason are counted, not logged.", Topics.Suffix(kind), session.NodeId, verdict.ToString());
        }
    }

    private NodeSession NewSession(NodeRecord record) =>
        new(record, _options.ReorderWindowFrames, _reorderWindowUs, _options.RecentEventIdsPerNode);
}
