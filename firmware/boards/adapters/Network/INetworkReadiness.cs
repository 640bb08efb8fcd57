namespace Jidoka.Boards.Adapters.Network
{
    /// <summary>
    /// Whether the board's network (Wi-Fi or Ethernet) has an address. The MQTT connector waits on it
    /// before trying the broker, so a dead link does not burn the back-off. Each app implements it over
    /// its target's network helper.
    /// </summary>
    public interface INetworkReadiness
    {
        /// <summary>Starts the target's network helper (background thread; never blocks). False when it could not start.</summary>
        bool Start();

        /// <summary>Waits up to <paramref name="timeoutMs"/> for an address; true when the network is up.</summary>
        bool WaitReady(int timeoutMs);
    }
}
