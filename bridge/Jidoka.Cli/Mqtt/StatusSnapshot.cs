using Jidoka.Protocol;

namespace Jidoka.Cli.Mqtt;

/// <summary>One node's status as read from the broker.</summary>
/// <param name="Topic">Where it was published.</param>
/// <param name="Status">The decoded status (a fresh instance owned by this snapshot).</param>
/// <param name="Retained">True when the broker delivered its stored (retained) copy; false for a status published while listening.</param>
/// <param name="Json">The status document as published (for --json).</param>
public sealed record StatusSnapshot(string Topic, StatusMessage Status, bool Retained, string Json = "");
