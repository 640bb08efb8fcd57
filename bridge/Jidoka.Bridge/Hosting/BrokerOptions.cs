using System;

namespace Jidoka.Bridge.Hosting;

/// <summary>Which broker the bridge uses (section "Bridge:Broker" of appsettings).</summary>
public sealed class BrokerOptions
{
    /// <summary>"Embedded" (default): run an MQTTnet broker in this process. "External": connect to <see cref="Host"/>.</summary>
    public string Mode { get; set; } = "Embedded";

    /// <summary>
    /// Embedded: address to listen on. A specific address (127.0.0.1, ::1, an interface's address) binds only
    /// that address; 0.0.0.0 or :: listens on every interface over IPv4 and IPv6 (<see cref="BrokerListenAddresses"/>).
    /// </summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>Embedded: TCP port to listen on (0 picks a free port at start, for tests). External: the broker's port.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>External: broker host name or address.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>External: connect with TLS.</summary>
    public bool UseTls { get; set; }

    /// <summary>External with TLS: accept a certificate that does not validate (a test broker's self-signed one). Never in production.</summary>
    public bool AllowUntrustedCertificates { get; set; }

    /// <summary>External: user name, empty for none.</summary>
    public string Username { get; set; } = "";

    /// <summary>External: password, empty for none. Pass it by environment (Bridge__Broker__Password), not in a file.</summary>
    public string Password { get; set; } = "";

    /// <summary>Embedded: most messages the broker queues per client before it drops the oldest.</summary>
    public int MaxPendingMessagesPerClient { get; set; } = 250000;

    /// <summary>QoS the bridge subscribes to frames with: 0 follows the node's choice down, 1 keeps QoS-1 frames at QoS 1.</summary>
    public int FrameSubscriptionQos { get; set; } = 1;

    /// <summary>True for the embedded broker.</summary>
    public bool IsEmbedded => string.Equals(Mode, "Embedded", StringComparison.OrdinalIgnoreCase);

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (!IsEmbedded && !string.Equals(Mode, "External", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Bridge:Broker:Mode '{Mode}' must be Embedded or External.");
        }

        if (Port < 0 || Port > 65535 || (!IsEmbedded && Port == 0))
        {
            throw new ArgumentException($"Bridge:Broker:Port {Port} is not a usable port.");
        }

        if (FrameSubscriptionQos is < 0 or > 1)
        {
            throw new ArgumentException("Bridge:Broker:FrameSubscriptionQos must be 0 or 1.");
        }

        if (MaxPendingMessagesPerClient < 1000)
        {
            throw new ArgumentException("Bridge:Broker:MaxPendingMessagesPerClient must be at least 1000.");
        }
    }
}
