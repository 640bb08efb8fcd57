namespace Jidoka.Bridge.TwinFeed.Stream;

/// <summary>One message of the live stream, serialized once for every subscriber.</summary>
/// <param name="Id">Position in the bridge's stream since start (the SSE "id:"), 1, 2, 3...</param>
/// <param name="Type">The SSE "event:" name (Contracts.StreamMessageTypes).</param>
/// <param name="NodeId">Node the message concerns, for filtering.</param>
/// <param name="CellId">Cell of that node, for filtering.</param>
/// <param name="Json">The data, compact JSON on one line.</param>
public sealed record FeedMessage(long Id, string Type, string NodeId, string CellId, string Json);
