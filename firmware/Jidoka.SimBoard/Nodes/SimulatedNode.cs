using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Node;
using Jidoka.Node.Config;
using Jidoka.Node.Hardware;
using Jidoka.Node.Runtime;
using Jidoka.Node.Store;
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
/// </remarks>
public sealed class SimulatedNode : IDisposable
{
    private readonly VirtualScheduler? _virtual;
    private readonly SimNetwork? _network;
    private readonly MqttNetLinkOptions? _mqttOptions;
    private readonly SimRandom _random;
    private readonly SimRandom _edgeRandom;
    private readonly IForceSource _forceDriver;
    private readonly FaultInjectingForceSource _forceSource;
    private readonly List<BootRecord> _boots = new();
    private readonly object _sync = new();
    private NodeCore? _core;
    private NodeCore? _lastCore;
    private LoopScheduler? _loop;
    private NodeRuntime? _runtime;
    private Task _stopping = Task.CompletedTask;
    private IMqttLink _link;
    private int _generation;
    private bool _disposed;

    private SimulatedNode(SimulatedBoardOptions options, ISimScheduler scheduler, IBoardTime time, VirtualScheduler? virtualScheduler, SimNetwork? network, MqttNetLinkOptions? mqtt, SimRandom random, string storeDirectory)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Scheduler = scheduler;
        Time = time;
        _virtual = virtualScheduler;
        _network = network;
        _mqttOptions = mqtt;
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _edgeRandom = random.Fork("edge-latency");
        Config = SimulatedBoardConfig.Create(options, realTime: virtualScheduler == null);
        StoreDirectory = storeDirectory;

        Force = new ForceInput();
        LoadCellInput cellInput = new(options.LoadCell, Force);
        if (options.ForceFrontEnd == ForceFrontEndKind.Hx711)
        {
            Hx711 = new SimulatedHx711(cellInput, () => Time.PhysicalUs, options.Hx711SamplesPerSecond, options.Hx711NoiseCountsRms, SimRandom.Derive(random.Seed, "hx711-noise"));
            Hx711Bus = new SimulatedHx711Bus(Hx711, time, options.Hx711SpiClockHz, options.Hx711TransferOverheadUs);
            _forceDriver = new Hx711ForceSource(Hx711Bus);
        }
        else
        {
            Adc = new SimulatedAdc(cellInput, time, options.Adc, SimRandom.Derive(random.Seed, "adc-noise"));
            _forceDriver = new AdcForceSource(Adc);
        }

        _forceSource = new FaultInjectingForceSource(this);
        ulong phase = (ulong)random.Fork("vision-phase").NextLong((long)options.VisionFramePeriodUs);
        Vision = new SimulatedVisionLink(time, VisionProfile.Nominal(options.VisionNominalScore), options.VisionFramePeriodUs, phase, options.VisionLatencyUs);
        Interlocks = new InterlockBank(scheduler, random.Fork("interlocks"));
        ResetButton = new SimulatedPin("reset", false, scheduler, random.Fork("reset-button"));
        StopOutput = new SimulatedOutput("stop", time);
        Andon = new SimulatedOutput("andon", time);
        Watchdog = new SimulatedWatchdog(scheduler, time, options.WatchdogTimeoutUs);
        Watchdog.Expired += OnWatchdogExpired;
        Store = new FileSlotStore(storeDirectory, StoreLayout.SlotsRequired(Config.JournalCapacity), options.StoreSlotSizeBytes, random.Fork("store"));
        Store.PowerCut += _ => PowerOff();
        for (int i = 0; i < Interlocks.Pins.Length; i++)
        {
            int channel = i;
            Interlocks.Pins[i].Changed += pin => OnPinChanged(channel, !pin.Read());
        }

        if (network != null)
        {
            SimClient client = network.CreateClient(options.NodeId, Will(), () => Time.PhysicalUs);
            SimLink = new SimMqttLink(client);
            _link = SimLink;
        }
        else
        {
            _link = NewMqttNetLink();
        }
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
        return new SimulatedNode(options, scheduler, time, scheduler, network, null, random, storeDirectory);
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

        return new SimulatedNode(options, scheduler, time, null, null, mqtt, random, storeDirectory);
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
    public ForceInput Force { get; }

    /// <summary>The HX711, when the board has one.</summary>
    public SimulatedHx711? Hx711 { get; }

    /// <summary>The HX711's SPI bus, when the board has one.</summary>
    public SimulatedHx711Bus? Hx711Bus { get; }

    /// <summary>The MCU ADC, when the board uses it.</summary>
    public SimulatedAdc? Adc { get; }

    /// <summary>The vision system and its link: set its <see cref="SimulatedVisionLink.Profile"/>.</summary>
    public SimulatedVisionLink Vision { get; }

    /// <summary>The six interlock channel pins.</summary>
    public InterlockBank Interlocks { get; }

    /// <summary>The local reset button.</summary>
    public SimulatedPin ResetButton { get; }

    /// <summary>The stop output (de-energize to trip), with its recorded transitions.</summary>
    public SimulatedOutput StopOutput { get; }

    /// <summary>The andon light.</summary>
    public SimulatedOutput Andon { get; }

    /// <summary>The external watchdog.</summary>
    public SimulatedWatchdog Watchdog { get; }

    /// <summary>The file-backed store.</summary>
    public FileSlotStore Store { get; }

    /// <summary>The simulated-network link (virtual mode), else null.</summary>
    public SimMqttLink? SimLink { get; }

    /// <summary>The MQTTnet link of the current boot (real-time mode), else null.</summary>
    public MqttNetLink? MqttLink => _link as MqttNetLink;

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

    /// <summary>
    /// Powers the board on and boots the core: the monotonic counter restarts at
    /// <see cref="SimulatedBoardOptions.BootMonoUs"/>, the store is mounted, the stop output starts
    /// de-energized, the watchdog is armed, the link starts connecting and the loop starts.
    /// </summary>
    public void PowerOn(ResetCause cause = ResetCause.PowerOn, bool watchdogReset = false)
    {
        _stopping.Wait();
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_core != null)
            {
                throw new InvalidOperationException("already powered");
            }

            int generation = ++_generation;
            LoopHung = false;
            _forceSource.Reset();
            Time.PowerOn(Options.BootMonoUs);
            Store.PowerOn();
            StopOutput.SetPowered(true);
            Andon.SetPowered(true);
            StopOutput.SetForcedOff(false);
            Vision.PowerOn();
            Hx711?.PowerOn();
            if (_mqttOptions != null)
            {
                _link = NewMqttNetLink();
            }

            var hardware = new NodeHardware(Time, Interlocks.Pins, ResetButton, StopOutput, Andon, _forceSource, Vision, Watchdog, Store, new TappedLink(this, _link), null);
            var core = new NodeCore(Config, hardware);
            SetReceiver(core);
            _core = core;
            _lastCore = core;
            _boots.Add(new BootRecord(Time.PhysicalUs, cause, watchdogReset));
            core.Boot((uint)cause, watchdogReset);
            if (generation != _generation)
            {
                // A torn write during boot cut the power again.
                return;
            }

            Watchdog.Arm();
            if (_virtual != null)
            {
                _loop = new LoopScheduler(core, Time, Time);
                SimLink!.Client.Start();
                _virtual.At(Time.PhysicalUs, () => LoopStep(generation));
                _virtual.At(Time.PhysicalUs, () => CommsRound(generation));
            }
            else
            {
                ((MqttNetLink)_link).Start();
                _runtime = new NodeRuntime(core, Time, Time, (int)Math.Max(1, Options.CommsPeriodUs / 1000));
                _runtime.Start();
            }
        }
    }

    /// <summary>
    /// Cuts the power: the outputs drop at once, RAM (the core) is gone, the store stops mid-whatever, the
    /// MQTT connection vanishes without a DISCONNECT (the broker publishes the will). Safe to call from any
    /// thread, including the node's own (a torn write cuts power from the communication thread).
    /// </summary>
    public void PowerOff() => Cut(countAsPowerLoss: true);

    private void Cut(bool countAsPowerLoss)
    {
        NodeRuntime? runtime;
        lock (_sync)
        {
            if (_core == null)
            {
                return;
            }

            _generation++;
            if (countAsPowerLoss)
            {
                PowerLosses++;
            }

            StopOutput.SetPowered(false);
            Andon.SetPowered(false);
            Watchdog.Disarm();
            Store.PowerOff();
            SimLink?.Client.Kill();
            (_link as MqttNetLink)?.Abort();
            _core = null;
            _loop = null;
            runtime = _runtime;
            _runtime = null;
            _forceSource.ReleaseHang();
        }

        if (runtime != null)
        {
            // The caller may be one of the runtime's threads; stop them from elsewhere.
            _stopping = Task.Run(runtime.Stop);
        }
    }

    /// <summary>Power loss now, power back after <paramref name="offUs"/> (a brown-out or an unplugged cable).</summary>
    public void PowerCycle(ulong offUs, ResetCause cause = ResetCause.PowerOn)
    {
        PowerOff();
        Scheduler.At(Scheduler.NowUs + offUs, () => PowerOn(cause));
    }

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

    /// <inheritdoc/>
    public void Dispose()
    {
        PowerOff();
        _stopping.Wait();
        lock (_sync)
        {
            _disposed = true;
        }

        Store.Dispose();
        (_link as MqttNetLink)?.Abort();
    }

    internal void OnStepRead()
    {
        // Runs on the loop thread at the start of each step (the force read is the step's first act).
        if (!LoopHung)
        {
            return;
        }

        if (_virtual == null)
        {
            _forceSource.WaitWhileHung();
        }
    }

    private SimWill Will() => new(Jidoka.Node.Comms.LastWill.Topic(Options.CellId, Options.NodeId), Jidoka.Node.Comms.LastWill.Payload(Options.CellId, Options.NodeId), Jidoka.Node.Comms.LastWill.Qos, Jidoka.Node.Comms.LastWill.Retain);

    private MqttNetLink NewMqttNetLink()
    {
        SimWill will = Will();
        MqttNetLinkOptions o = _mqttOptions! with
        {
            ClientId = _mqttOptions!.ClientId.Length == 0 ? Options.NodeId : _mqttOptions.ClientId,
            WillTopic = will.Topic,
            WillPayload = will.Payload,
            WillQos = will.Qos,
            WillRetain = will.Retain,
        };
        return new MqttNetLink(o, _random.Fork("mqtt-backoff:" + _boots.Count));
    }

    private void SetReceiver(NodeCore core)
    {
        Action<string, byte[], int> post = (topic, payload, length) => core.Inbox.TryPost(topic, payload, 0, length);
        if (SimLink != null)
        {
            SimLink.Receiver = post;
        }
        else
        {
            ((MqttNetLink)_link).Receiver = post;
        }
    }

    private void LoopStep(int generation)
    {
        LoopScheduler? loop;
        lock (_sync)
        {
            if (generation != _generation || _loop == null || LoopHung)
            {
                // Off, rebooted, or the loop thread is stuck: no step, no kick; the watchdog will notice.
                return;
            }

            loop = _loop;
        }

        loop.RunOne();
        if (generation == _generation && ((VirtualBoardTime)Time).TakeWakeRequest(out ulong at))
        {
            _virtual!.At(at, () => LoopStep(generation));
        }
    }

    private void CommsRound(int generation)
    {
        NodeCore? core;
        lock (_sync)
        {
            if (generation != _generation || _core == null)
            {
                return;
            }

            core = _core;
        }

        core.ServiceComms();
        if (generation == _generation)
        {
            _virtual!.At(Time.PhysicalUs + Options.CommsPeriodUs, () => CommsRound(generation));
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

    private void OnWatchdogExpired()
    {
        // The supervisor cuts the stop output in hardware first, then pulls the MCU's reset line.
        StopOutput.SetForcedOff(true);
        WatchdogResets++;
        Cut(countAsPowerLoss: false);
        Scheduler.At(Scheduler.NowUs, () => PowerOn(ResetCause.External, watchdogReset: true));
    }

    /// <summary>The board's MQTT link as the core sees it, reporting every accepted publish to <see cref="Published"/>.</summary>
    private sealed class TappedLink : IMqttLink
    {
        private readonly SimulatedNode _node;
        private readonly IMqttLink _inner;

        public TappedLink(SimulatedNode node, IMqttLink inner)
        {
            _node = node;
            _inner = inner;
        }

        public bool IsConnected => _inner.IsConnected;

        public uint SessionCount => _inner.SessionCount;

        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
        {
            bool accepted = _inner.Publish(topic, payload, length, qos, retain);
            if (accepted)
            {
                _node.Published?.Invoke(topic, payload, length);
            }

            return accepted;
        }

        public bool Subscribe(string topicFilter, int qos) => _inner.Subscribe(topicFilter, qos);
    }

    /// <summary>
    /// The force driver as the core sees it, with the CPU faults injected at the start of the step's first
    /// read: stalls (charged time) and hangs.
    /// </summary>
    private sealed class FaultInjectingForceSource : IForceSource
    {
        private readonly SimulatedNode _node;
        private readonly object _sync = new();
        private readonly ManualResetEventSlim _release = new(true);
        private ulong _stallUs;
        private int _stallSteps;

        public FaultInjectingForceSource(SimulatedNode node) => _node = node;

        public SensorReadStatus TryReadCounts(out int counts)
        {
            _node.OnStepRead();
            ulong stall = 0;
            lock (_sync)
            {
                if (_stallSteps > 0)
                {
                    _stallSteps--;
                    stall = _stallUs;
                }
            }

            if (stall > 0)
            {
                _node.Time.Consume(stall);
            }

            return _node._forceDriver.TryReadCounts(out counts);
        }

        public void SetStall(ulong stallUs, int steps)
        {
            lock (_sync)
            {
                _stallUs = stallUs;
                _stallSteps = steps;
            }
        }

        public void Reset()
        {
            SetStall(0, 0);
            _release.Set();
        }

        public void WaitWhileHung()
        {
            _release.Reset();
            while (_node.LoopHung && !_release.IsSet)
            {
                _release.Wait(TimeSpan.FromMilliseconds(50));
            }
        }

        public void ReleaseHang() => _release.Set();
    }
}
