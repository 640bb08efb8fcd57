namespace Jidoka.Boards.Logic.Profile
{
    /// <summary>How the node reaches the MQTT broker.</summary>
    public enum NetworkLinkKind : byte
    {
        /// <summary>Wi-Fi station, credentials stored on the device.</summary>
        Wifi = 0,

        /// <summary>Wired Ethernet.</summary>
        Ethernet = 1,

        /// <summary>The simulated board's in-process network.</summary>
        Simulated = 2,
    }
}
