using System;
using Jidoka.Node;
using Jidoka.Node.Comms;
using Jidoka.Node.Hardware;
using Jidoka.Node.Runtime;
using Jidoka.SimBoard.Network;

namespace Jidoka.SimBoard.Nodes;

/// <summary>
/// How a simulated node's core is run and reaches the network, one subclass per execution mode:
/// <see cref="VirtualTimeDrive"/> (scheduler callbacks, simulated network) and <see cref="RealTimeDrive"/>
/// (the core's own threads, MQTTnet). <see cref="SimulatedNode"/> calls these under its lock.
/// </summary>
internal abstract class NodeDrive
{
    /// <summary>The link the core of the next boot publishes through.</summary>
    public abstract IMqttLink LinkForBoot();

    /// <summary>Routes what the link receives into <paramref name="core"/>'s inbox.</summary>
    public abstract void SetReceiver(NodeCore core);

    /// <summary>Starts the link and the loop of a booted <paramref name="core"/> (boot <paramref name="generation"/>).</summary>
    public abstract void Start(NodeCore core, int generation);

    /// <summary>Power is gone: the link vanishes without a DISCONNECT and the loop stops; returns the runtime whose threads still need stopping.</summary>
    public abstract NodeRuntime? Cut();

    /// <summary>The step's first read found the loop hung (fault injection).</summary>
    public abstract void OnLoopHung();

    /// <summary>Releases the network link for good.</summary>
    public abstract void Dispose();

    /// <summary>The node's last will, as its MQTT client registers it.</summary>
    protected static SimWill Will(SimulatedBoardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SimWill(LastWill.Topic(options.CellId, options.NodeId), LastWill.Payload(options.CellId, options.NodeId), LastWill.Qos, LastWill.Retain);
    }
}
