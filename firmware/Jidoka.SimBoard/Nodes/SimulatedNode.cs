using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Jidoka.Node;
using Jidoka.Node.Config;
using Jidoka.Node.Runtime;
using Jidoka.SimBoard.Io;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Physics;
using Jidoka.SimBoard.Sensors;
using Jidoka.SimBoard.Storage;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Nodes;

/// <summary>
/// One node on a simulated board: the real node core over simulated pins, outputs, force front end,
/// vision link, watchdog, file store and MQTT link, with the board's power and reset behaviour. The
/// physical parts (pins, force input, store file, outputs and their recorded transitions) outlive boots;
/// the core is RAM and is rebuilt at every power-on or watchdog reset.
/// </summary>
/// <remarks>
/// <para>Virtual time (<see cref="CreateVirtual"/>): the loop runs through the core's own
/// <see cref="LoopScheduler"/>, one scheduler callback per step at the wake-up time it asked for, and the
/// communication side every <see cref="SimulatedBoardOptions.CommsPeriodUs"/>; everything is a callback of
/// one <see cref="VirtualScheduler"/>, so a run is deterministic.</para>
/// <para>Real time (<see cref="CreateRealTime"/>): the core's <see cref="NodeRuntime"/> runs its two
/// threads on the host clock, talking to a real broker through MQTTnet.</para>
/// <para>The jobs live apart: the physical parts in <c>BoardParts</c>, power and resets in
/// SimulatedNode.Power.cs, each execution mode in <c>VirtualTimeDrive</c> / <c>RealTimeDrive</c>, CPU
/// fault injection in <c>LoopFaultSource</c>, the publish tap in <c>TappedLink</c>.</para>
/// </remarks>
public sealed partial class SimulatedNode : IDisposable
{
    private readonly SimRandom _edgeRandom;
    private readonly BoardParts _board;
    private readonly LoopFaultSource _forceSource;
    private readonly NodeDrive _drive;
    private readonly List<BootRecord> _boots = new();
    private readonly object _sync = new();
    private NodeCore? _core;
    private NodeCore? _lastCore;
    private Task _stopping = Task.CompletedTask;
    private int _generation;
    private bool _disposed;

    private SimulatedNode(SimulatedBoardOptions options, ISimScheduler scheduler, IBoardTime time, SimRandom random, string storeDirectory, Func<SimulatedNode, LoopFaultSource, NodeDrive> drive)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Scheduler = scheduler;
        Time = time;
        ArgumentNullException.ThrowIfNull(random);
        _edgeRandom = random.Fork("edge-latency");
        Config = SimulatedBoardConfig.Create(options, realTime: time is not VirtualBoardTime);
        StoreDirectory = storeDirectory;
        _board = new BoardParts(options, Config, scheduler, time, random, storeDirectory);
        _forceSource = new LoopFaultSource(this, _board.ForceDriver, time);
        Watchdog.Expired += OnWatchdogExpired;
        Store.PowerCut += _ => PowerOff();
        for (int i = 0; i < Interlocks.Pins.Length; i++)
        {
            int channel = i;
            Interlocks.Pins[i].Changed += pin => OnPinChanged(channel, !pin.Read());
        }

        _drive = drive(this, _forceSource);
    }

    /// <summary>
    /// A node in virtual time on <paramref name="scheduler"/> and <paramref name="network"/>, with its store
    /// in <paramref name="storeDirectory"/>. Powered off until <see cref="PowerOn"/>.
    /// </summary>
    public static SimulatedNode CreateVirtual(SimulatedBoardOptions options, VirtualScheduler scheduler, SimNetwork network, SimRandom random, string storeDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(random);
        int drift = options.ClockDriftPpm ?? (int)random.Fork("drift").NextRange(-30, 30);
        var time = new VirtualBoardTime(scheduler, drift);
        return new SimulatedNode(options, scheduler, time, random, storeDirectory, (node, _) => new VirtualTimeDrive(node, scheduler, time, network));
    }

    /// <summary>
    /// A node in real time on <paramref name="scheduler"/>'s clock, connecting to a real broker with
    /// <paramref name="mqtt"/> (client id, will and host filled in from the node when left empty).
    /// </summary>
    public static SimulatedNode CreateRealTime(SimulatedBoardOptions options, RealTimeScheduler scheduler, MqttNetLinkOptions mqtt, SimRandom random, string storeDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(mqtt);
        ArgumentNullException.ThrowIfNull(random);
        int drift = options.ClockDriftPpm ?? (int)random.Fork("drift").NextRange(-30, 30);
        var time = new RealTimeBoardTime(scheduler, drift);
        if (options.HostPacingInRealTime && options.WatchdogTimeoutUs < SimulatedBoardConfig.HostWatchdogTimeoutUs)
        {
            options = options with { WatchdogTimeoutUs = SimulatedBoardConfig.HostWatchdogTimeoutUs };
        }

        return new SimulatedNode(options, scheduler, time, random, storeDirectory, (node, faults) => new RealTimeDrive(node, mqtt, random, time, faults));
    }

    /// <summary>The board's options.</summary>
    public SimulatedBoardOptions Options { get; }

    /// <summary>The node configuration (simulated board defaults plus <see cref="SimulatedBoardOptions.Configure"/>).</summary>
    public NodeConfig Config { get; }

    /// <summary>Node id.</summary>
    public string NodeId => Options.NodeId;

    /// <summary>Simulation time and deferred work.</summary>
    public ISimScheduler Scheduler { get; }

    /// <summary>The board's time (monotonic counter, CPU time).</summary>
    public IBoardTime Time { get; }

    /// <summary>Where the store file lives.</summary>
    public string StoreDirectory { get; }

    /// <summary>The force on the load cell: set its <see cref="ForceInput.Profile"/>.</summary>
    public ForceInput Force => _board.Force;

    /// <summary>The HX711, when the board has one.</summary>
    public SimulatedHx711? Hx711 => _board.Hx711;

    /// <summary>The HX711's SPI bus, when the board has one.</summary>
    public SimulatedHx711Bus? Hx711Bus => _board.Hx711Bus;

    /// <summary>The MCU ADC, when the board uses it.</summary>
    public SimulatedAdc? Adc => _board.Adc;

    /// <summary>The vision system and its link: set its <see cref="SimulatedVisionLink.Profile"/>.</summary>
    public SimulatedVisionLink Vision => _board.Vision;

    /// <summary>The six interlock channel pins.</summary>
    public InterlockBank Interlocks => _board.Interlocks;

    /// <summary>The local reset button.</summary>
    public SimulatedPin ResetButton => _board.ResetButton;

    /// <summary>The stop output (de-energize to trip), with its recorded transitions.</summary>
    public SimulatedOutput StopOutput => _board.StopOutput;

    /// <summary>The andon light.</summary>
    public SimulatedOutput Andon => _board.Andon;

    /// <summary>The external watchdog.</summary>
    public SimulatedWatchdog Watchdog => _board.Watchdog;

    /// <summary>The file-backed store.</summary>
    public FileSlotStore Store => _board.Store;

    /// <summary>The simulated-network link (virtual mode), else null.</summary>
    public SimMqttLink? SimLink => (_drive as VirtualTimeDrive)?.Link;

    /// <summary>The MQTTnet link of the current boot (real-time mode), else null.</summary>
    public MqttNetLink? MqttLink => (_drive as RealTimeDrive)?.Link;

    /// <summary>The running core; null while the board is off.</summary>
    public NodeCore? Core
    {
        get
        {
            lock (_sync)
            {
                return _core;
            }
        }
    }

    /// <summary>
    /// The core of the latest boot, kept after a power cut for post-mortem inspection (what RAM held at
    /// the cut: events journaled but not yet written, for example); null before the first power-on.
    /// Never drive it: it is dead hardware state.
    /// </summary>
    public NodeCore? LastCore
    {
        get
        {
            lock (_sync)
            {
                return _lastCore;
            }
        }
    }

    /// <summary>
    /// Raised after the node's MQTT client accepted a publish (topic, payload, length): the ground truth
    /// of what the node handed to the network, for a rig that counts what the bridge must have. Raised on
    /// the communication side (the scheduler's thread in virtual time, the node's comms thread in real
    /// time); the payload buffer is the core's and is reused after the handler returns, so copy it.
    /// </summary>
    public event Action<string, byte[], int>? Published;

    /// <summary>True while the board has power.</summary>
    public bool IsPowered => Core != null;

    /// <summary>Every boot, oldest first.</summary>
    public IReadOnlyList<BootRecord> Boots
    {
        get
        {
            lock (_sync)
            {
                return _boots.ToArray();
            }
        }
    }

    /// <summary>Times the board lost power (injected, torn writes, resets), since creation.</summary>
    public int PowerLosses { get; private set; }

    /// <summary>Resets by the external watchdog, since creation.</summary>
    public int WatchdogResets { get; private set; }

    /// <summary>Fault injection: while true the loop is stuck (a deadlocked driver): no steps, no kicks, until the watchdog resets the board.</summary>
    public bool LoopHung { get; private set; }

    /// <summary>Fault injection: the loop thread hangs (<see cref="LoopHung"/>) until the watchdog resets the board.</summary>
    public void HangLoop()
    {
        lock (_sync)
        {
            LoopHung = true;
        }
    }

    /// <summary>
    /// Fault injection: each of the next <paramref name="steps"/> loop steps takes <paramref name="stallUs"/>
    /// longer (a garbage-collector pause or a slow bus inside the step), charged to the board's CPU
    /// between the step's start and end, so the core sees the overrun.
    /// </summary>
    public void InjectLoopStall(ulong stallUs, int steps) => _forceSource.SetStall(stallUs, steps);

    /// <summary>The first stop-output transition to de-energized at or after <paramref name="physicalUs"/>.</summary>
    public bool TryFindStopOff(ulong physicalUs, out OutputTransition transition) => StopOutput.TryFindTransition(false, physicalUs, out transition);

    /// <summary>The node's lock (the drives take it too).</summary>
    internal object Sync => _sync;

    /// <summary>Boot generation: changes at every power-on and cut, so callbacks of an earlier boot do nothing. Read under <see cref="Sync"/> or racily, as the original single class did.</summary>
    internal int Generation => _generation;

    /// <summary>The running core, for a caller already holding <see cref="Sync"/>.</summary>
    internal NodeCore? CoreUnlocked => _core;

    /// <summary>Boots so far, for a caller already holding <see cref="Sync"/>.</summary>
    internal int BootCountUnlocked => _boots.Count;

    internal void OnStepRead()
    {
        // Runs on the loop thread at the start of each step (the force read is the step's first act).
        if (LoopHung)
        {
            _drive.OnLoopHung();
        }
    }

    private void OnPinChanged(int channel, bool contactOpened)
    {
        int generation;
        ulong latency;
        lock (_sync)
        {
            if (_core == null)
            {
                return;
            }

            generation = _generation;

            // Under the lock: in real time, edges come from the test thread and the timer thread.
            latency = (ulong)_edgeRandom.NextRange((long)Options.InterlockEdgeLatencyMinUs, (long)Math.Max(Options.InterlockEdgeLatencyMinUs, Options.InterlockEdgeLatencyMaxUs));
        }

        Scheduler.At(Scheduler.NowUs + latency, () =>
        {
            NodeCore? core;
            lock (_sync)
            {
                core = generation == _generation ? _core : null;
            }

            core?.OnInterlockEdge(channel, contactOpened);
        });
    }
}
