namespace Jidoka.Node.Hardware
{
    /// <summary>
    /// The MQTT client as the core needs it. Boards map it to nanoFramework M2Mqtt, the simulator to
    /// MQTTnet. Connecting, the last will (see <see cref="Comms.LastWill"/>) and reconnecting with
    /// back-off are the board's job; the core watches <see cref="IsConnected"/> and
    /// <see cref="SessionCount"/>, subscribes again after every new session, and is told of incoming messages through <see cref="Comms.MessageInbox.TryPost"/>,
    /// which the board calls from its receive handler.
    /// </summary>
    /// <remarks>Called only from the communication side, never from the trip loop.</remarks>
    public interface IMqttLink
    {
        /// <summary>True while the client holds a session with the broker.</summary>
        bool IsConnected { get; }

        /// <summary>
        /// Sessions established since boot: +1 on every successful connect. The core polls the link once
        /// per communication round, so a drop and reconnect between two rounds would leave
        /// <see cref="IsConnected"/> true both times; a changed count is how the core still sees the new
        /// session and subscribes again (a clean session has forgotten the subscriptions).
        /// </summary>
        uint SessionCount { get; }

        /// <summary>
        /// Publishes the first <paramref name="length"/> bytes of <paramref name="payload"/>. False when
        /// the client could not hand it to the broker (disconnected, queue full). M2Mqtt wants an
        /// exact-size array, so a board may copy here; the core never reuses a buffer until this returns.
        /// </summary>
        bool Publish(string topic, byte[] payload, int length, int qos, bool retain);

        /// <summary>Subscribes to <paramref name="topicFilter"/>. False when the broker could not be asked.</summary>
        bool Subscribe(string topicFilter, int qos);
    }
}
