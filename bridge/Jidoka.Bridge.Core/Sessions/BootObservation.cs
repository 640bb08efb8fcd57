namespace Jidoka.Bridge.Sessions;

/// <summary>How a boot id carried by a message relates to the node's current session.</summary>
public enum BootObservation
{
    /// <summary>The current boot.</summary>
    Current = 1,

    /// <summary>The first boot id seen for this node.</summary>
    FirstBoot = 2,

    /// <summary>A higher boot id: the node rebooted.</summary>
    Rebooted = 3,

    /// <summary>A lower boot id: data from before a reboot, arriving late (historical).</summary>
    EarlierBoot = 4,
}
