using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Protocol;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Nodes;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Xunit;

namespace Jidoka.SimBoard.Tests;

/// <summary>
/// A simulated node in real time against MQTTnet's in-process broker (a real TCP broker, as MQTTnet's own
/// tests use rather than a mocked client). Waits are bounded polls on counts; nothing asserts a duration.
/// </summary>
public sealed class MqttBrokerTests
{
    private const string Cell = "cell-sim";
    private const string Node = "press-01";

    [Fact]
    public async Task Node_publishes_status_with_a_will_streams_after_the_bridge_is_online_and_replays_unacked_events_after_reconnect()
    {
        int port = FreePort();
        MqttServer server = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder()
            .WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(port).Build());
        await server.StartAsync();
        try
        {
            var received = new ConcurrentQueue<(string Topic, byte[] Payload)>();
            using IMqttClient bridge = new MqttClientFactory().CreateMqttClient();
            bridge.ApplicationMessageReceivedAsync += e =>
            {
                received.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
                return Task.CompletedTask;
            };
            await bridge.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("test-bridge").WithCleanSession(true).Build());
            await bridge.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder().WithTopicFilter("jidoka/v1/" + Cell + "/#", MqttQualityOfServiceLevel.AtLeastOnce).Build());

            var mqtt = new MqttNetLinkOptions { Host = "127.0.0.1", Port = port, ReconnectBase = TimeSpan.FromMilliseconds(50), ReconnectCap = TimeSpan.FromMilliseconds(500) };
            using var cell = new RealTimeCell(7, mqtt);
            SimulatedNode node = cell.AddNode(new SimulatedBoardOptions { CellId = Cell, NodeId = Node, CommsPeriodUs = 2000 });
            node.PowerOn();

            string statusTopic = Topics.ForNode(Cell, Node, TopicKind.Status);
            Assert.True(await Eventually(() => Decode<StatusMessage>(received, TopicKind.Status).Any(s => s.Online)), "online status");
            MqttApplicationMessage retainedStatus = await server.GetRetainedMessageAsync(statusTopic);
            Assert.NotNull(retainedStatus);
            var status = new StatusMessage();
            Assert.True(status.TryDecode(retainedStatus.Payload.ToArray(), 0, (int)retainedStatus.Payload.Length).IsAccepted);
            Assert.True(status.Online);

            // No bridge online yet: the node keeps frames and events to itself.
            Assert.True(await Eventually(() => node.Core!.State != TripState.Booting), "the loop ran and left booting");
            Assert.Empty(Decode<EventMessage>(received, TopicKind.Event));
            Assert.Empty(Decode<FrameMessage>(received, TopicKind.Frame));

            byte[] online = HostStatePublisher.Encode("bridge-1", true, 1_767_225_600_000);
            await bridge.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(Topics.HostState("bridge-1")).WithPayload(online)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(true).Build());
            Assert.True(await Eventually(() => Decode<EventMessage>(received, TopicKind.Event).Any(e => e.Type == EventType.Boot)), "boot event");
            Assert.True(await Eventually(() => Decode<FrameMessage>(received, TopicKind.Frame).Count >= 3), "frames");

            node.Interlocks.Open(InputChannel.Guard);
            // On a shared host a preempted step can overrun and trip first; either way a trip is recorded and published.
            Assert.True(await Eventually(() => Decode<EventMessage>(received, TopicKind.Event).Any(e => e.Type == EventType.Trip)), "trip event");
            Assert.False(node.StopOutput.Energized);
            ulong[] sent = Decode<EventMessage>(received, TopicKind.Event).Select(e => e.EventId).Distinct().ToArray();

            // The broker drops the node's connection; nothing was acknowledged, so everything comes again, flagged replayed.
            int before = Decode<EventMessage>(received, TopicKind.Event).Count;
            await server.DisconnectClientAsync(Node, new MqttServerClientDisconnectOptionsBuilder().Build());
            Assert.True(await Eventually(() => node.Core!.Comms.Reconnects >= 1), "reconnected");
            Assert.True(await Eventually(() =>
            {
                var again = Decode<EventMessage>(received, TopicKind.Event).Skip(before).ToList();
                return sent.All(id => again.Any(e => e.EventId == id && (e.Flags & EventMessage.Replayed) != 0));
            }), "unacknowledged events replayed");
            Assert.False(node.StopOutput.Energized);
            Assert.Equal(TripState.Tripped, node.Core!.State);

            // Power loss: the connection vanishes without DISCONNECT and the broker publishes the will.
            node.PowerOff();
            Assert.True(await Eventually(() => Decode<StatusMessage>(received, TopicKind.Status).LastOrDefault()?.Online == false), "last will");
            retainedStatus = await server.GetRetainedMessageAsync(statusTopic);
            Assert.True(status.TryDecode(retainedStatus.Payload.ToArray(), 0, (int)retainedStatus.Payload.Length).IsAccepted);
            Assert.False(status.Online);
        }
        finally
        {
            await server.StopAsync(new MqttServerStopOptionsBuilder().Build());
            server.Dispose();
        }
    }

    private static List<T> Decode<T>(ConcurrentQueue<(string Topic, byte[] Payload)> received, TopicKind kind) where T : IWireMessage, new()
    {
        var list = new List<T>();
        foreach (var (topic, payload) in received.ToArray())
        {
            if (Topics.TryParse(topic, out _, out _, out TopicKind k) && k == kind)
            {
                var m = new T();
                if (m.TryDecode(payload, 0, payload.Length).IsAccepted)
                {
                    list.Add(m);
                }
            }
        }

        return list;
    }

    private static async Task<bool> Eventually(Func<bool> condition, int timeoutMs = 15_000)
    {
        var watch = Stopwatch.StartNew();
        while (watch.ElapsedMilliseconds < timeoutMs)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return condition();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
