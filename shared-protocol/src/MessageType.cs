namespace Jidoka.Protocol
{
    /// <summary>Byte 1 of every binary message: which layout follows.</summary>
    public enum MessageType : byte
    {
        /// <summary>Not a message type; never on the wire.</summary>
        None = 0,

        /// <summary>Batched samples, node to bridge.</summary>
        Frame = 1,

        /// <summary>A journaled event (trip, reset, near-miss...), node to bridge.</summary>
        Event = 2,

        /// <summary>Acknowledgement of stored events, bridge to node.</summary>
        EventAck = 3,

        /// <summary>A command, bridge to node.</summary>
        Command = 4,

        /// <summary>The node's answer to a command, node to bridge.</summary>
        CommandResult = 5,

        /// <summary>Time-sync request carrying t1, node to bridge.</summary>
        TimeSyncRequest = 6,

        /// <summary>Time-sync response carrying t1, t2 and t3, bridge to node.</summary>
        TimeSyncResponse = 7,

        /// <summary>The bridge's retained online/offline state.</summary>
        HostState = 8,
    }
}
