using Jidoka.Protocol;

namespace Jidoka.Bridge.Storage;

/// <summary>A command the bridge sent to a node and, once it answered, the node's result.</summary>
public sealed record CommandRecord
{
    /// <summary>Command id, unique per bridge.</summary>
    public required uint CommandId { get; init; }

    /// <summary>Target node.</summary>
    public required string NodeId { get; init; }

    /// <summary>Command type.</summary>
    public required CommandType Type { get; init; }

    /// <summary>Operator who issued it (required for state-changing commands).</summary>
    public required string OperatorId { get; init; }

    /// <summary>When it was issued, Unix µs.</summary>
    public required long IssuedUnixUs { get; init; }

    /// <summary>Policy id for apply-policy, (calibration id &lt;&lt; 16 | version) for set-calibration, else 0.</summary>
    public required uint Argument { get; init; }

    /// <summary>The encoded command as published.</summary>
    public required byte[] Encoded { get; init; }

    /// <summary>The node's outcome, <see cref="CommandOutcome.None"/> while unanswered.</summary>
    public CommandOutcome Outcome { get; init; }

    /// <summary>Why the node rejected it.</summary>
    public CommandReason Reason { get; init; }

    /// <summary>The node's detail code (policy or calibration problem).</summary>
    public byte Detail { get; init; }

    /// <summary>The node's journal event for the outcome, 0 for none.</summary>
    public ulong ResultEventId { get; init; }

    /// <summary>When the result arrived, Unix µs; 0 while unanswered.</summary>
    public long ResultUnixUs { get; init; }
}
