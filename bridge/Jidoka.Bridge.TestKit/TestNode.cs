using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Protocol;
using MQTTnet;
using MQTTnet.Protocol;

namespace Jidoka.Bridge.TestKit;

/// <summary>
/// Plays a node over real MQTT with the protocol encoders: publishes status (with the offline last
/// will), frames and events; keeps every event journaled until the bridge acknowledges it and replays
/// the unacknowledged ones (flagged replayed) whenever the bridge announces a new session, as the real
/// node does; answers commands.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly ConcurrentDictionary<ulong, EventMessage> _unacked = new();
    private readonly ConcurrentDictionary<ulong, int> _acks = new();
    private long _hostSession;
    private int _replays;
    private bool _dropped;

    public TestNode(string cellId, string nodeId, uint bootId = 1)
    {
        CellId = cellId;
        NodeId = nodeId;
        BootId = bootId;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    public string CellId { get; }

    public string NodeId { get; }

    public uint BootId { get; set; }

    /// <summary>Called on the receive thread for each acknowledged event id, before it is dropped from the journal.</summary>
    public Action<ulong>? OnAck { get; set; }

    /// <summary>Whether the node answers commands by itself (applied; a reset also journals a reset event).</summary>
    public bool AnswerCommands { get; set; } = true;

    public ConcurrentQueue<CommandMessage> Commands { get; } = new();

    public ConcurrentQueue<TimeSyncResponseMessage> TimeResponses { get; } = new();

    public int UnackedCount => _unacked.Count;

    public int Replays => Volatile.Read(ref _replays);

    public bool HostOnline { get; private set; }

    public ulong LastTripEventId { get; set; }

    public ulong NextEventId { get; set; } = 1000;

    public int AckCount(ulong eventId) => _acks.TryGetValue(eventId, out int count) ? count : 0;

    public bool IsAcked(ulong eventId) => _acks.ContainsKey(eventId);

    public bool IsConnected => _client.IsConnected;

    public async Task ConnectAsync(int port, string host = "127.0.0.1")
    {
        byte[] will = OfflineStatus();
        MqttClientOptions options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId("node-" + NodeId + "-" + Guid.NewGuid().ToString("N")[..6])
            .WithCleanSession(true)
            .WithWillTopic(Topic(TopicKind.Status))
            .WithWillPayload(will)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _client.ConnectAsync(options, CancellationToken.None);
        MqttClientSubscribeOptions subscriptions = new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(Topic(TopicKind.Ack), MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(Topic(TopicKind.Command), MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(Topic(TopicKind.TimeResponse), MqttQualityOfServiceLevel.AtMostOnce)
            .WithTopicFilter(Topics.Root + "/" + Topics.HostLevel + "/+/state", MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _client.SubscribeAsync(subscriptions, CancellationToken.None);
    }

    public async Task DisconnectAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // The broker went away first (test teardown disposes it before the node): the client had not
                // noticed yet, and there is no one left to say goodbye to.
            }
        }
    }

    /// <summary>Drops the connection without an MQTT DISCONNECT, as a node losing power or its network does: the broker then publishes the last will.</summary>
    public void Drop()
    {
        _dropped = true;
        _client.Dispose();
    }

    public string Topic(TopicKind kind) => Topics.ForNode(CellId, NodeId, kind);

    public Task PublishStatusAsync(TripState trip = TripState.Armed, TripRule cause = TripRule.None, ResponseClass response = ResponseClass.None)
    {
        var status = new StatusMessage
        {
            CellId = CellId,
            NodeId = NodeId,
            Online = true,
            FirmwareVersion = "1.0.0",
            Board = "esp32-test",
            UptimeSeconds = 5,
            BootId = BootId,
            PolicyId = Messages.PolicyId,
            PolicyHash = Messages.PolicyHash,
            ForceCalibrationId = 12,
            ForceCalibrationVersion = 3,
            VisionCalibrationId = 2,
            VisionCalibrationVersion = 1,
            TripState = trip,
            TripCause = cause,
            Response = response,
            LoopPeriodUs = 1000,
            HostOnline = HostOnline,
            TimeQuality = TimeQuality.Unsynced,
        };
        return PublishRawAsync(TopicKind.Status, Messages.Encode(status), retain: true);
    }

    public Task PublishFrameAsync(FrameMessage frame, int qos = 1) => PublishRawAsync(TopicKind.Frame, Messages.Encode(frame), qos: qos);

    /// <summary>Journals <paramref name="message"/> until acknowledged and publishes it.</summary>
    public async Task SendEventAsync(EventMessage message)
    {
        var copy = new EventMessage();
        copy.CopyFrom(message);
        _unacked[copy.EventId] = copy;
        if (copy.Type == EventType.Trip)
        {
            LastTripEventId = copy.EventId;
        }

        if (_client.IsConnected)
        {
            await PublishRawAsync(TopicKind.Event, Messages.Encode(copy));
        }
    }

    public async Task PublishRawAsync(TopicKind kind, byte[] payload, int qos = 1, bool retain = false)
    {
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(Topic(kind))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(qos == 0 ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        await _client.PublishAsync(message, CancellationToken.None);
    }

    /// <summary>Resends every unacknowledged event, flagged replayed.</summary>
    public async Task ReplayUnackedAsync()
    {
        Interlocked.Increment(ref _replays);
        foreach (EventMessage pending in _unacked.Values.OrderBy(e => e.EventId).ToList())
        {
            pending.Flags |= EventMessage.Replayed;
            if (!_client.IsConnected)
            {
                return;
            }

            await PublishRawAsync(TopicKind.Event, Messages.Encode(pending));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_dropped)
        {
            return;
        }

        _dropped = true;
        await DisconnectAsync();
        _client.Dispose();
    }

    private byte[] OfflineStatus() => Messages.Encode(new StatusMessage { CellId = CellId, NodeId = NodeId, Online = false });

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        byte[] payload = e.ApplicationMessage.Payload.ToArray();
        if (!Topics.TryParse(e.ApplicationMessage.Topic, out _, out _, out TopicKind kind))
        {
            return Task.CompletedTask;
        }

        switch (kind)
        {
            case TopicKind.Ack:
                var ack = new EventAckMessage();
                if (ack.TryDecode(payload, 0, payload.Length).IsAccepted)
                {
                    for (int i = 0; i < ack.Count; i++)
                    {
                        OnAck?.Invoke(ack.EventIds[i]);
                        _acks.AddOrUpdate(ack.EventIds[i], 1, (_, n) => n + 1);
                        _unacked.TryRemove(ack.EventIds[i], out _);
                    }
                }

                break;
            case TopicKind.TimeResponse:
                var response = new TimeSyncResponseMessage();
                if (response.TryDecode(payload, 0, payload.Length).IsAccepted)
                {
                    TimeResponses.Enqueue(response);
                }

                break;
            case TopicKind.HostState:
                var state = new HostStateMessage();
                if (state.TryDecode(payload, 0, payload.Length).IsAccepted)
                {
                    HostOnline = state.Online;
                    if (state.Online && Interlocked.Exchange(ref _hostSession, state.SessionStartUnixMs) != state.SessionStartUnixMs)
                    {
                        // Publishing QoS 1 from inside the receive handler would wait on this very loop.
                        _ = Task.Run(ReplayUnackedAsync);
                    }
                }

                break;
            case TopicKind.Command:
                var command = new CommandMessage();
                if (command.TryDecode(payload, 0, payload.Length).IsAccepted)
                {
                    Commands.Enqueue(command);
                    if (AnswerCommands)
                    {
                        _ = Task.Run(() => AnswerAsync(command));
                    }
                }

                break;
        }

        return Task.CompletedTask;
    }

    private async Task AnswerAsync(CommandMessage command)
    {
        ulong resultEvent = 0;
        if (command.CommandType == CommandType.Reset)
        {
            resultEvent = NextEventId++;
            await SendEventAsync(Messages.Reset(NodeId, resultEvent, BootId, 50_000_000, LastTripEventId, command.OperatorId));
        }

        var result = new CommandResultMessage
        {
            CommandType = command.CommandType,
            Outcome = CommandOutcome.Applied,
            NodeId = NodeId,
            CommandId = command.CommandId,
            EventId = resultEvent,
        };
        await PublishRawAsync(TopicKind.CommandResult, Messages.Encode(result));
    }
}
