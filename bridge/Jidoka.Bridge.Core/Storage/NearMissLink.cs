namespace Jidoka.Bridge.Storage;

/// <summary>Links a stored near-miss event to the case of the trip it preceded.</summary>
/// <param name="NodeId">Node of both.</param>
/// <param name="EventId">The near-miss event.</param>
/// <param name="CaseId">The case.</param>
public sealed record NearMissLink(string NodeId, ulong EventId, long CaseId);
