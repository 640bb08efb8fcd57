using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Messaging;

namespace Jidoka.Bridge.Pump;

/// <summary>What an <see cref="IBrokerSession"/> calls back into: the <see cref="BridgePump"/>.</summary>
public interface IBrokerSessionHandler
{
    /// <summary>
    /// Starts a new bridge session (a new session start, later than every earlier one) and returns the
    /// retained offline host state the connection must leave as its last will.
    /// </summary>
    OutboundMessage BeginSession();

    /// <summary>After a (re)connect: subscribe, then announce the bridge online. Throws when either fails.</summary>
    Task OnConnectedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// One message from the broker. The returned task completes once the message is queued; a session
    /// waits for it before taking the next message (back-pressure to the broker when the queue is full).
    /// </summary>
    ValueTask OnReceivedAsync(InboundMessage message);
}
