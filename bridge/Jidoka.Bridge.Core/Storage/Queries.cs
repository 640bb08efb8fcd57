using Jidoka.Protocol;

namespace Jidoka.Bridge.Storage;

/// <summary>Frames of one node in a wall-clock range, oldest first.</summary>
/// <param name="NodeId">Node.</param>
/// <param name="FromUnixUs">Inclusive start (frame end at or after it).</param>
/// <param name="ToUnixUs">Inclusive end (frame start at or before it).</param>
/// <param name="Limit">Most frames to return.</param>
public sealed record FrameQuery(string NodeId, long FromUnixUs, long ToUnixUs, int Limit = 10000);

/// <summary>Events, newest first, optionally filtered.</summary>
/// <param name="NodeId">Only this node, or null for all.</param>
/// <param name="Type">Only this type, or null for all.</param>
/// <param name="FromUnixUs">Only at or after this wall time, or null.</param>
/// <param name="ToUnixUs">Only at or before this wall time, or null.</param>
/// <param name="Limit">Most events to return.</param>
public sealed record EventQuery(string? NodeId = null, EventType? Type = null, long? FromUnixUs = null, long? ToUnixUs = null, int Limit = 1000);

/// <summary>Cases, newest first, optionally filtered.</summary>
/// <param name="NodeId">Only this node, or null.</param>
/// <param name="Rule">Only this cause, or null.</param>
/// <param name="FromUnixUs">Only trips at or after this wall time, or null.</param>
/// <param name="ToUnixUs">Only trips at or before this wall time, or null.</param>
/// <param name="Status">Only this status, or null.</param>
/// <param name="Limit">Most cases to return.</param>
public sealed record CaseQuery(string? NodeId = null, TripRule? Rule = null, long? FromUnixUs = null, long? ToUnixUs = null, CaseStatus? Status = null, int Limit = 1000);

/// <summary>The last entry the store recorded as the head of the audit chain.</summary>
/// <param name="Seq">Its sequence.</param>
/// <param name="Hash">Its hash, lowercase hex.</param>
public sealed record AuditHead(long Seq, string Hash);
