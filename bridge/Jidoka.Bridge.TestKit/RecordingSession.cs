using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Pump;

namespace Jidoka.Bridge.TestKit;

/// <summary>
/// A broker session that keeps what the pump asks of it, in order, for tests of the pump's own
/// decisions (ordering, what is published when). The MQTTnet session is tested against a real broker
/// (TestBridge), the simulated one by the HIL sweep.
/// </summary>
public sealed class RecordingSession : IBrokerSession
{
    public List<string> Operations { get; } = new();

    public List<OutboundMessage> Published { get; } = new();

    public List<TopicSubscription> Subscribed { get; } = new();

    public IBrokerSessionHandler? Handler { get; private set; }

    public bool IsConnected { get; set; } = true;

    public void Attach(IBrokerSessionHandler handler) => Handler = handler;

    public Task SubscribeAsync(IReadOnlyList<TopicSubscription> subscriptions, CancellationToken cancellationToken)
    {
        Subscribed.AddRange(subscriptions);
        Operations.Add("subscribe");
        return Task.CompletedTask;
    }

    public Task PublishAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        Published.Add(message);
        Operations.Add("publish " + message.Topic);
        return Task.CompletedTask;
    }
}
