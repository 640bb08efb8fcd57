namespace Jidoka.Protocol
{
    /// <summary>The kinds of MQTT topic the protocol uses (docs/protocol.md §Topics).</summary>
    public enum TopicKind : byte
    {
        /// <summary>Not a protocol topic.</summary>
        None = 0,

        /// <summary>.../frame: binary frames, node to bridge, QoS 0 (1 by configuration), not retained.</summary>
        Frame = 1,

        /// <summary>.../event: binary events, node to bridge, QoS 1, not retained.</summary>
        Event = 2,

        /// <summary>.../ack: event acknowledgements, bridge to node, QoS 1, not retained.</summary>
        Ack = 3,

        /// <summary>.../status: JSON status, node, QoS 1, retained; last will = offline form.</summary>
        Status = 4,

        /// <summary>.../cmd: binary commands, bridge to node, QoS 1, not retained.</summary>
        Command = 5,

        /// <summary>.../cmdres: binary command results, node to bridge, QoS 1, not retained.</summary>
        CommandResult = 6,

        /// <summary>.../timereq: time-sync requests, node to bridge, QoS 0.</summary>
        TimeRequest = 7,

        /// <summary>.../timeresp: time-sync responses, bridge to node, QoS 0.</summary>
        TimeResponse = 8,

        /// <summary>jidoka/v1/_host/{hostId}/state: the bridge's online state, QoS 1, retained; last will = offline.</summary>
        HostState = 9,
    }
}
