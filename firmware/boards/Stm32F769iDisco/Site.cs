namespace Jidoka.Boards.Stm32F769iDisco
{
    /// <summary>
    /// Settings of the site this build is for: they are not in the board file, which describes the board,
    /// not the plant. Edit before building; one build serves every node of a cell, because each node's id
    /// comes from its MCU's factory unique id. The Ethernet interface uses DHCP unless a static address is
    /// stored on the device (Device Explorer's network configuration).
    /// </summary>
    internal static class Site
    {
        /// <summary>Cell id, the second topic level (lowercase letters, digits, '-', '_').</summary>
        public const string CellId = "cell-01";

        /// <summary>Node id prefix; the id is this, '-', and six hex digits of the unique id's CRC-32 (at most 9 characters).</summary>
        public const string NodeIdPrefix = "f769";

        /// <summary>
        /// MQTT broker IPv4 address on the cell network (a documentation-range placeholder: set yours). Not a
        /// host name: the node does not resolve names (lwIP applies no search domain), and the boot refuses one.
        /// </summary>
        public const string BrokerHost = "192.0.2.10";

        /// <summary>MQTT broker port (plain TCP).</summary>
        public const int BrokerPort = 1883;
    }
}
