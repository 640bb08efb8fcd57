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
}
