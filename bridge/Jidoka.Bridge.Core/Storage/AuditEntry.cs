namespace Jidoka.Bridge.Storage;

/// <summary>The content of an audit entry, before the store chains it. Every field is covered by the hash.</summary>
public sealed record AuditEntry
{
    /// <summary>When it was recorded, Unix µs (bridge clock).</summary>
    public required long RecordedUnixUs { get; init; }

    /// <summary>What happened, one of <see cref="Audit.AuditKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Node concerned, empty for bridge-wide entries.</summary>
    public required string NodeId { get; init; }

    /// <summary>Who did it: operator id for commands, "node" for node events, "bridge" for the bridge.</summary>
    public required string Actor { get; init; }

    /// <summary>What it is about, for example "event/9000000001", "command/12", "policy/7".</summary>
    public required string Subject { get; init; }

    /// <summary>Canonical "key=value;key=value" details, including a SHA-256 of any evidence bytes.</summary>
    public required string Details { get; init; }
}
