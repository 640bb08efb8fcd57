using Jidoka.Protocol;

namespace Jidoka.Bridge.Storage;

/// <summary>A node's answer to a command, to be written onto the stored command.</summary>
public sealed record CommandResultUpdate
{
    /// <summary>Command answered.</summary>
    public required uint CommandId { get; init; }

    /// <summary>Answering node.</summary>
    public required string NodeId { get; init; }

    /// <summary>Outcome.</summary>
    public required CommandOutcome Outcome { get; init; }

    /// <summary>Rejection reason.</summary>
    public required CommandReason Reason { get; init; }

    /// <summary>Detail code.</summary>
    public required byte Detail { get; init; }

    /// <summary>The node's journal event, 0 for none.</summary>
    public required ulong EventId { get; init; }

    /// <summary>When the bridge received it, Unix µs.</summary>
    public required long ReceivedUnixUs { get; init; }
}
