namespace Jidoka.Protocol.Vectors
{
    /// <summary>Creates an empty message by the name golden vectors use in their "message:" line.</summary>
    public static class MessageFactory
    {
        /// <summary>The names this factory knows, in protocol order.</summary>
        public static readonly string[] Names =
        {
            "frame", "event", "event-ack", "command", "command-result", "time-sync-request", "time-sync-response", "host-state", "status",
        };

        /// <summary>A new empty message of kind <paramref name="name"/>, or null when the name is unknown.</summary>
        public static IWireMessage? Create(string name) => name switch
        {
            "frame" => new FrameMessage(),
            "event" => new EventMessage(),
            "event-ack" => new EventAckMessage(),
            "command" => new CommandMessage(),
            "command-result" => new CommandResultMessage(),
            "time-sync-request" => new TimeSyncRequestMessage(),
            "time-sync-response" => new TimeSyncResponseMessage(),
            "host-state" => new HostStateMessage(),
            "status" => new StatusMessage(),
            _ => null,
        };
    }
}
