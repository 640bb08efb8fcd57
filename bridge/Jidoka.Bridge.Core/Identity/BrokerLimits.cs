using Jidoka.Protocol;

namespace Jidoka.Bridge.Identity;

/// <summary>
/// Packet and queue bounds for both brokers, derived from the protocol's own bounds so that no
/// legitimate message is refused and nothing much larger is ever buffered (a 100 MB retained publish
/// once took the bridge from 157 MB to 745 MB).
/// </summary>
public static class BrokerLimits
{
    /// <summary>
    /// Largest MQTT packet accepted, bytes: the largest protocol message, plus the longest topic the
    /// broker accepts, plus 1 KiB for the fixed header, packet id and MQTT 5 properties.
    /// </summary>
    public const int PacketBytesMax = ProtocolLimits.MaxMessageBytes + TopicFilter.TopicBytesMax + 1024;

    /// <summary>Default bound of what the broker queues for one slow client, bytes (16 MiB: minutes of one node's frames).</summary>
    public const long QueuedBytesPerClientDefault = 16L * 1024 * 1024;
}
