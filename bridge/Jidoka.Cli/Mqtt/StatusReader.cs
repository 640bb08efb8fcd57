using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Protocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace Jidoka.Cli.Mqtt;

/// <summary>
/// Reads node status straight from an MQTT broker, as a technician with only MQTT access would: it
/// subscribes to jidoka/v1/+/+/status, takes the retained messages the broker hands every new
/// subscriber (plus any status published meanwhile), and stops once none arrived for a settle time.
/// </summary>
public static class StatusReader
{
    /// <summary>Longest time spent listening, however busy the broker is.</summary>
    public static readonly TimeSpan MaxListen = TimeSpan.FromSeconds(10);

    /// <summary>Collects node statuses and bridge host states from <paramref name="broker"/>.</summary>
    public static async Task<StatusCollection> ReadAsync(BrokerEndpoint broker, TimeSpan settle, TimeSpan connectTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broker);
        using IMqttClient client = new MqttClientFactory().CreateMqttClient();
        var latest = new ConcurrentDictionary<string, StatusSnapshot>(StringComparer.Ordinal);
        var rejected = new ConcurrentQueue<RejectedStatus>();
        var hosts = new ConcurrentDictionary<string, HostStateMessage>(StringComparer.Ordinal);
        long lastArrival = Stopwatch.GetTimestamp();
        client.ApplicationMessageReceivedAsync += e =>
        {
            Interlocked.Exchange(ref lastArrival, Stopwatch.GetTimestamp());
            if (!HostStates.TryAccept(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), hosts, rejected))
            {
                Accept(e.ApplicationMessage, latest, rejected);
            }

            return Task.CompletedTask;
        };

        MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId("jidoka-cli-" + Guid.NewGuid().ToString("N")[..8])
            .WithCleanSession(true)
            .WithTimeout(connectTimeout);
        if (!string.IsNullOrEmpty(broker.Username))
        {
            builder = builder.WithCredentials(broker.Username, broker.Password ?? "");
        }

        if (broker.UseTls)
        {
            builder = builder.WithTlsOptions(tls => tls
                .UseTls()
                .WithAllowUntrustedCertificates(broker.AllowUntrustedCertificates)
                .WithIgnoreCertificateChainErrors(broker.AllowUntrustedCertificates)
                .WithCertificateValidationHandler(broker.AllowUntrustedCertificates ? _ => true : null));
        }

        MqttClientOptions options = builder.Build();
        try
        {
            using var connectCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectCancel.CancelAfter(connectTimeout);
            MqttClientConnectResult connected = await client.ConnectAsync(options, connectCancel.Token).ConfigureAwait(false);
            if (connected.ResultCode is MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized)
            {
                throw new CliError(ExitCodes.Denied, $"the MQTT broker at {broker} refused the credentials ({connected.ResultCode}): check --username and the password ($JIDOKA_MQTT_PASSWORD).");
            }

            if (connected.ResultCode != MqttClientConnectResultCode.Success || !client.IsConnected)
            {
                throw new CliError(ExitCodes.Unreachable, $"the MQTT broker at {broker} refused the connection ({connected.ResultCode}).");
            }
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException ex) when (ex.Message.Contains("BadUserNameOrPassword", StringComparison.Ordinal) || ex.Message.Contains("NotAuthorized", StringComparison.Ordinal))
        {
            // MQTTnet 5 carries the CONNACK reason only in the message text.
            throw new CliError(ExitCodes.Denied, $"the MQTT broker at {broker} refused the credentials: check --username and the password ($JIDOKA_MQTT_PASSWORD).", ex);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or System.Net.Sockets.SocketException && !cancellationToken.IsCancellationRequested)
        {
            throw new CliError(ExitCodes.Unreachable, $"cannot reach the MQTT broker at {broker}: {Reason(ex)}. (--host, --port, --tls)", ex);
        }

        MqttClientSubscribeOptions subscribe = new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(Topics.AllNodes(TopicKind.Status), MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(Topics.HostState("+"), MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await client.SubscribeAsync(subscribe, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref lastArrival, Stopwatch.GetTimestamp());
        long started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(Interlocked.Read(ref lastArrival)) < settle && Stopwatch.GetElapsedTime(started) < MaxListen)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        }

        await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None).ConfigureAwait(false);
        return new StatusCollection(
            latest.Values.OrderBy(s => s.Status.CellId, StringComparer.Ordinal).ThenBy(s => s.Status.NodeId, StringComparer.Ordinal).ToList(),
            rejected.ToList(),
            hosts.Values.OrderBy(h => h.HostId, StringComparer.Ordinal).ToList());
    }

    private static void Accept(MqttApplicationMessage message, ConcurrentDictionary<string, StatusSnapshot> latest, ConcurrentQueue<RejectedStatus> rejected)
    {
        byte[] payload = message.Payload.ToArray();
        var status = new StatusMessage();
        DecodeResult result = status.TryDecode(payload, 0, payload.Length);
        if (!result.IsAccepted)
        {
            rejected.Enqueue(new RejectedStatus(message.Topic, result.ToString()));
            return;
        }

        if (!Topics.TryParse(message.Topic, out string cellId, out string nodeId, out TopicKind kind) || kind != TopicKind.Status
            || cellId != status.CellId || nodeId != status.NodeId)
        {
            rejected.Enqueue(new RejectedStatus(message.Topic, $"the status names {status.CellId}/{status.NodeId}, not this topic's node"));
            return;
        }

        latest[nodeId] = new StatusSnapshot(message.Topic, status, message.Retain, System.Text.Encoding.UTF8.GetString(payload));
    }

    private static string Reason(Exception ex)
    {
        Exception inner = ex;
        while (inner.InnerException != null)
        {
            inner = inner.InnerException;
        }

        return ex is OperationCanceledException ? "no answer in time" : inner.Message.TrimEnd('.');
    }
}
