using System;
using Jidoka.Node;
using Jidoka.Node.Hardware;
using Jidoka.Node.Runtime;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Nodes;

/// <summary>
/// Real time: the core's <see cref="NodeRuntime"/> runs its two threads on the host clock, talking to a
/// real broker through a new MQTTnet client every boot.
/// </summary>
internal sealed class RealTimeDrive : NodeDrive
{
    private readonly SimulatedNode _node;
    private readonly MqttNetLinkOptions _options;
    private readonly SimRandom _random;
    private readonly IBoardTime _time;
    private readonly LoopFaultSource _faults;
    private NodeRuntime? _runtime;

    public RealTimeDrive(SimulatedNode node, MqttNetLinkOptions options, SimRandom random, IBoardTime time, LoopFaultSource faults)
    {
        _node = node;
        _options = options;
        _random = random;
        _time = time;
        _faults = faults;
        Link = NewLink(0);
    }

    /// <summary>The MQTTnet link of the current boot.</summary>
    public MqttNetLink Link { get; private set; }

    public override IMqttLink LinkForBoot()
    {
        Link = NewLink(_node.BootCountUnlocked);
        return Link;
    }

    public override void SetReceiver(NodeCore core) => Link.Receiver = (topic, payload, length) => core.Inbox.TryPost(topic, payload, 0, length);

    public override void Start(NodeCore core, int generation)
    {
        Link.Start();
        _runtime = new NodeRuntime(core, _time, _time, (int)Math.Max(1, _node.Options.CommsPeriodUs / 1000));
        _runtime.Start();
    }

    public override NodeRuntime? Cut()
    {
        Link.Abort();
        NodeRuntime? runtime = _runtime;
        _runtime = null;
        return runtime;
    }

    // The loop thread itself is stuck inside the step's first read until the watchdog resets the board.
    public override void OnLoopHung() => _faults.WaitWhileHung();

    public override void Dispose() => Link.Abort();

    private MqttNetLink NewLink(int boots)
    {
        SimWill will = Will(_node.Options);
        MqttNetLinkOptions o = _options with
        {
            ClientId = _options.ClientId.Length == 0 ? _node.Options.NodeId : _options.ClientId,
            WillTopic = will.Topic,
            WillPayload = will.Payload,
            WillQos = will.Qos,
            WillRetain = will.Retain,
        };
        return new MqttNetLink(o, _random.Fork("mqtt-backoff:" + boots));
    }
}
