using System.Threading;
using System.Threading.Tasks;

namespace Jidoka.Bridge.Messaging;

/// <summary>
/// Where the bridge's outgoing messages go: the MQTT connection in the service, a simulated network in
/// the HIL rig's virtual-time mode, a list in unit tests.
/// </summary>
public interface IMessagePublisher
{
    /// <summary>True while messages can be delivered (the MQTT client is connected).</summary>
    bool IsConnected { get; }

    /// <summary>Publishes <paramref name="message"/>; throws when it cannot be handed to the transport.</summary>
    Task PublishAsync(OutboundMessage message, CancellationToken cancellationToken);
}
