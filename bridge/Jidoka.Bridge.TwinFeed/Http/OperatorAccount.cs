using System.Collections.Generic;

namespace Jidoka.Bridge.TwinFeed.Http;

/// <summary>
/// One person allowed to send commands through the twin feed (an element of "Bridge:Http:Operators").
/// The bridge stores only the SHA-256 of the token, so the settings file does not hold a usable secret.
/// </summary>
public sealed class OperatorAccount
{
    /// <summary>The operator id the node and the audit log record for this person's commands ("op-7").</summary>
    public string Id { get; set; } = "";

    /// <summary>SHA-256 of the person's bearer token, 64 hex digits (<c>printf %s TOKEN | sha256sum</c>).</summary>
    public string TokenSha256 { get; set; } = "";

    /// <summary>Commands the person may send: <c>reset</c>, <c>policy</c>.</summary>
    public List<string> Commands { get; set; } = new();
}
