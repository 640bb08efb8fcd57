using System;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;

namespace Jidoka.Hil.RealTime;

/// <summary>
/// A separate MQTT client on the rig's broker that publishes bytes straight onto a topic, past the bridge,
/// as a misconfigured or hostile tool on the plant network could: the node has to refuse what is wrong.
/// </summary>
public static class MqttWireTool
{
    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>, publishes <paramref name="payload"/> at QoS 1, disconnects.</summary>
    public static async Task PublishAsync(int port, string topic, byte[] payload, CancellationToken cancellationToken)
    {
        using IMqttClient client = new MqttClientFactory().CreateMqttClient();
        MqttClientOptions options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("hil-wire-tool-" + Guid.NewGuid().ToString("N")[..8])
            .WithTimeout(TimeSpan.FromSeconds(5))
            .Build();
        await client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        MqttClientPublishResult result = await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"the broker did not accept the raw publish on {topic}: {result.ReasonCode}");
        }

        await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken).ConfigureAwait(false);
    }
}
