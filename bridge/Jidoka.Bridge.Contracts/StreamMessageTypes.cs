namespace Jidoka.Bridge.Contracts;

/// <summary>The "event:" names of the live Server-Sent Events stream (GET /api/v1/stream).</summary>
public static class StreamMessageTypes
{
    /// <summary>A node's state changed (data: <see cref="NodeView"/>); also sent for every node on connect.</summary>
    public const string Node = "node";

    /// <summary>A node event was stored (data: <see cref="EventView"/>).</summary>
    public const string Event = "event";

    /// <summary>A case was opened or updated (data: <see cref="CaseSummaryView"/>).</summary>
    public const string Case = "case";

    /// <summary>The client fell too far behind and messages were lost; the stream ends, reconnect and re-read /api/v1/nodes.</summary>
    public const string Overflow = "overflow";

    /// <summary>
    /// Sent first to a client that asked to resume (Last-Event-ID) from a point the bridge no longer holds
    /// (data: <c>{"reason":…,"lastEventId":…}</c>): messages were missed, the snapshot that follows is the state now.
    /// </summary>
    public const string Resync = "resync";
}
