using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Messaging;

namespace Jidoka.Bridge.Pump;

/// <summary>
/// The bridge's connection to a broker as the <see cref="BridgePump"/> sees it: subscribe, publish, and
/// two callbacks into its <see cref="IBrokerSessionHandler"/> (a session began, a message arrived).
/// The service implements it over MQTTnet; the HIL rig's deterministic mode over its simulated network
/// in virtual time. Connecting, reconnecting and disconnecting are the implementation's business.
/// </summary>
public interface IBrokerSession : IMessagePublisher
{
    /// <summary>
    /// Gives the session its handler; call once, before the session connects. The session calls
    /// <see cref="IBrokerSessionHandler.BeginSession"/> before every (re)connect (its will),
    /// <see cref="IBrokerSessionHandler.OnConnectedAsync"/> after it, and
    /// <see cref="IBrokerSessionHandler.OnReceivedAsync"/> for every message.
    /// </summary>
    void Attach(IBrokerSessionHandler handler);

    /// <summary>Subscribes to <paramref name="subscriptions"/>; completes once the broker confirmed them (SUBACK).</summary>
    Task SubscribeAsync(IReadOnlyList<TopicSubscription> subscriptions, CancellationToken cancellationToken);
}
