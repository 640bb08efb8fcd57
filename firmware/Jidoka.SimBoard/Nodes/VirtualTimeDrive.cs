using Jidoka.Node;
using Jidoka.Node.Hardware;
using Jidoka.Node.Runtime;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Nodes;

/// <summary>
/// Virtual time: the loop runs through the core's own <see cref="LoopScheduler"/>, one scheduler callback
/// per step at the wake-up time it asked for, and the communication side every
/// <see cref="SimulatedBoardOptions.CommsPeriodUs"/>; everything is a callback of one
/// <see cref="VirtualScheduler"/>, so a run is deterministic.
/// </summary>
internal sealed class VirtualTimeDrive : NodeDrive
{
    private readonly SimulatedNode _node;
    private readonly VirtualScheduler _scheduler;
    private readonly VirtualBoardTime _time;
    private LoopScheduler? _loop;

    public VirtualTimeDrive(SimulatedNode node, VirtualScheduler scheduler, VirtualBoardTime time, SimNetwork network)
    {
        _node = node;
        _scheduler = scheduler;
        _time = time;
        SimClient client = network.CreateClient(node.Options.NodeId, Will(node.Options), () => time.PhysicalUs);
        Link = new SimMqttLink(client);
    }

    /// <summary>The node's link on the simulated network (one for the board's life, like its network chip).</summary>
    public SimMqttLink Link { get; }

    public override IMqttLink LinkForBoot() => Link;

    public override void SetReceiver(NodeCore core) => Link.Receiver = (topic, payload, length) => core.Inbox.TryPost(topic, payload, 0, length);

    public override void Start(NodeCore core, int generation)
    {
        _loop = new LoopScheduler(core, _time, _time);
        Link.Client.Start();
        _scheduler.At(_time.PhysicalUs, () => LoopStep(generation));
        _scheduler.At(_time.PhysicalUs, () => CommsRound(generation));
    }

    public override NodeRuntime? Cut()
    {
        Link.Client.Kill();
        _loop = null;
        return null;
    }

    // A hung loop in virtual time simply takes no further steps (LoopStep checks LoopHung).
    public override void OnLoopHung()
    {
    }

    public override void Dispose()
    {
    }

    private void LoopStep(int generation)
    {
        LoopScheduler? loop;
        lock (_node.Sync)
        {
            if (generation != _node.Generation || _loop == null || _node.LoopHung)
            {
                // Off, rebooted, or the loop thread is stuck: no step, no kick; the watchdog will notice.
                return;
            }

            loop = _loop;
        }

        loop.RunOne();
        if (generation == _node.Generation && _time.TakeWakeRequest(out ulong at))
        {
            _scheduler.At(at, () => LoopStep(generation));
        }
    }

    private void CommsRound(int generation)
    {
        NodeCore? core;
        lock (_node.Sync)
        {
            core = generation == _node.Generation ? _node.CoreUnlocked : null;
            if (core == null)
            {
                return;
            }
        }

        core.ServiceComms();
        if (generation == _node.Generation)
        {
            _scheduler.At(_time.PhysicalUs + _node.Options.CommsPeriodUs, () => CommsRound(generation));
        }
    }
}
