namespace Jidoka.Bridge.Audit;

/// <summary>The kinds of audit entry. Stable strings: they are hashed into the chain.</summary>
public static class AuditKinds
{
    /// <summary>A node event was stored (trip, reset, near-miss...).</summary>
    public const string Event = "event";

    /// <summary>A command was sent to a node, with the operator who issued it.</summary>
    public const string Command = "command";

    /// <summary>A stored command could not be published (the broker connection failed).</summary>
    public const string CommandUndelivered = "command-undelivered";

    /// <summary>A node answered a command.</summary>
    public const string CommandResult = "command-result";

    /// <summary>A policy version was stored.</summary>
    public const string PolicyStored = "policy-stored";

    /// <summary>A calibration version was stored.</summary>
    public const string CalibrationStored = "calibration-stored";

    /// <summary>The bridge started.</summary>
    public const string BridgeStart = "bridge-start";

    /// <summary>The bridge stopped cleanly.</summary>
    public const string BridgeStop = "bridge-stop";

    /// <summary>An HTTP request refused for want of a token (401) or of the role (403).</summary>
    public const string HttpRefused = "http-refused";

    /// <summary>The broker refused a connect, publish or subscribe (authentication or topic rules).</summary>
    public const string BrokerRefused = "broker-refused";

    /// <summary>A node refused a command (bad tag, replayed, stale, unsigned, or any other rejection reason).</summary>
    public const string CommandRefused = "command-refused";

    /// <summary>An event arrived under a stored event's identity with different bytes; kept aside, not acked.</summary>
    public const string EventConflict = "event-conflict";

    /// <summary>A node came back with a store epoch never seen before: its store was wiped or replaced.</summary>
    public const string StoreReset = "store-reset";

    /// <summary>Something other than this bridge overwrote its retained host state; the bridge re-asserted it.</summary>
    public const string HostStateOverwritten = "host-state-overwritten";
}
