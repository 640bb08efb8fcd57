namespace Jidoka.Bridge.Identity;

/// <summary>What an authenticated MQTT client is, which decides the topics it may use (docs/security.md).</summary>
public enum ClientRole
{
    /// <summary>A sensor node: publishes only its own frames, events, status, command results and time requests.</summary>
    Node,

    /// <summary>The bridge: the only client that publishes acks, commands, time answers and its own host state.</summary>
    Bridge,

    /// <summary>A maintenance technician: reads node status and host state, publishes nothing.</summary>
    Technician,
}
