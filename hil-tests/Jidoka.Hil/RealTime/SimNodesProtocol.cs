using System.Collections.Generic;
using System.Text.Json;
using Jidoka.Hil.Measurements;

namespace Jidoka.Hil.RealTime;

/// <summary>
/// The line protocol between the real-time runner and the simulated-nodes process
/// (<c>Jidoka.Hil.SimNodes</c>): one JSON <see cref="SimNodesRequest"/> per line on its standard input,
/// one JSON <see cref="SimNodesReply"/> per line on its standard output, in order. Logs go to standard error.
/// </summary>
public static class SimNodesProtocol
{
    /// <summary>Serializer settings both sides use.</summary>
    public static JsonSerializerOptions Json { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true };
}

/// <summary>
/// A request: <c>status</c>, <c>step</c> (apply timeline step <see cref="Index"/> now), <c>policy</c> (node
/// <see cref="Node"/>'s active policy, as a base for a push), <c>truth</c> or <c>quit</c>.
/// </summary>
public sealed class SimNodesRequest
{
    /// <summary>Command name.</summary>
    public string Cmd { get; set; } = "";

    /// <summary>Timeline step index (step).</summary>
    public int Index { get; set; }

    /// <summary>Node id (policy).</summary>
    public string? Node { get; set; }
}

/// <summary>An answer.</summary>
public sealed class SimNodesReply
{
    /// <summary>False when the request failed (see <see cref="Error"/>).</summary>
    public bool Ok { get; set; } = true;

    /// <summary>What went wrong.</summary>
    public string? Error { get; set; }

    /// <summary>Per-node state (status).</summary>
    public List<SimNodeStatus>? Nodes { get; set; }

    /// <summary>Per-node truth (truth).</summary>
    public List<NodeTruth>? Truth { get; set; }

    /// <summary>The node's active policy record, hex of its <see cref="Jidoka.Protocol.PolicyRecord.SizeBytes"/> wire bytes (policy).</summary>
    public string? Policy { get; set; }
}

/// <summary>One node's state for the runner's waits.</summary>
public sealed class SimNodeStatus
{
    /// <summary>Node id.</summary>
    public string NodeId { get; set; } = "";

    /// <summary>Powered.</summary>
    public bool Powered { get; set; }

    /// <summary>Trip state name.</summary>
    public string State { get; set; } = "";

    /// <summary>Sees a bridge online.</summary>
    public bool HostOnline { get; set; }

    /// <summary>Unacknowledged events in the journal.</summary>
    public int Journal { get; set; }
}
