namespace Jidoka.BoardConfigs.Model;

/// <summary>How the node reaches the MQTT broker. Site settings (SSID, broker address) are never in a board file.</summary>
public sealed record NetworkConfig
{
    /// <summary>Wi-Fi, Ethernet or the simulated network.</summary>
    public required NetworkKind Kind { get; init; }

    /// <summary>Wi-Fi only: "stored-on-device" (credentials live in the device's network configuration).</summary>
    public string? Credentials { get; init; }

    /// <summary>Ethernet only: the PHY.</summary>
    public string? Phy { get; init; }

    /// <summary>DHCP or a static address configured on the device.</summary>
    public NetworkAddressing? Addressing { get; init; }
}

/// <summary>Kinds of network link; reservations in the target facts can depend on it.</summary>
public enum NetworkKind
{
    /// <summary>Wi-Fi station.</summary>
    Wifi,

    /// <summary>Wired Ethernet.</summary>
    Ethernet,

    /// <summary>The simulated board's in-process network.</summary>
    Simulated,
}

/// <summary>How the node gets its address.</summary>
public enum NetworkAddressing
{
    /// <summary>DHCP.</summary>
    Dhcp,

    /// <summary>A static address set in the device's network configuration.</summary>
    StaticOnDevice,
}
