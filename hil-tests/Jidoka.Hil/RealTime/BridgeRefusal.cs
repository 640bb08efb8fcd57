namespace Jidoka.Hil.RealTime;

/// <summary>Why the bridge refused a command: the problem type (or <c>unreachable</c>, <c>timeout</c>) and what it said.</summary>
public sealed record BridgeRefusal(string Reason, string Message);
