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

    /// <summary>Collects statuses from <paramref name="host"/>:<paramref name="port"/>.</summary>
    public static async Task<StatusCollection> ReadAsync(string host, int port, TimeSpan settle, TimeSpan connectTimeout, CancellationToken cancellationToken)
    {
        using IMqttClient client = new MqttClientFactory().CreateMqttClient();
        var latest = new ConcurrentDictionary<string, StatusSnapshot>(StringComparer.Ordinal);
        var rejected = new ConcurrentQueue<RejectedStatus>();
        long lastArrival = Stopwatch.GetTimestamp();
        client.ApplicationMessageReceivedAsync += e =>
        {
            Interlocked.Exchange(ref lastArrival, Stopwatch.GetTimestamp());
            Accept(e.ApplicationMessage, latest, rejected);
            return Task.CompletedTask;
        };

        MqttClientOptions options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId("jidoka-cli-" + Guid.NewGuid().ToString("N")[..8])
            .WithCleanSession(true)
            .WithTimeout(connectTimeout)
            .Build();
        try
        {
            using var connectCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectCancel.CancelAfter(connectTimeout);
            await client.ConnectAsync(options, connectCancel.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or System.Net.Sockets.SocketException && !cancellationToken.IsCancellationRequested)
        {
            throw new CliError(ExitCodes.Unreachable, $"cannot reach the MQTT broker at {host}:{port}: {Reason(ex)}. (--host, --port)", ex);
        }

        MqttClientSubscribeOptions subscribe = new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(Topics.AllNodes(TopicKind.Status), MqttQualityOfServiceLevel.AtLeastOnce)
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
            rejected.ToList());
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

        latest[nodeId] = new StatusSnapshot(message.Topic, status, message.Retain);
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
