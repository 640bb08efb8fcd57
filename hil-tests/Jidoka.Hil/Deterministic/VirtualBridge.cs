using System;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge;
using Jidoka.Bridge.Audit;
using Jidoka.Bridge.Commands;
using Jidoka.Bridge.Ingest;
using Jidoka.Bridge.Pump;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.Storage.Sqlite;
using Jidoka.Protocol;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Nodes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jidoka.Hil.Deterministic;

/// <summary>
/// The bridge on the simulated network, in virtual time: the service's own <see cref="BridgePump"/>
/// (subscribe, announce, queue, batch, acks after the commit, time sync) over a
/// <see cref="SimBrokerSession"/>, feeding the real <see cref="IngestEngine"/> over the real SQLite store
/// in a file, and the real <see cref="NodeCommandService"/>. This class is only wiring: it builds those
/// parts on start, drops them on a kill, and runs the pump's next batch <see cref="BatchDelayUs"/> after a
/// message is queued (the ingest worker picking it up). Everything runs as callbacks of the cell's
/// scheduler on the caller's thread; SQLite completes synchronously, so a batch takes no virtual time.
/// </summary>
public sealed class VirtualBridge : IDisposable
{
    /// <summary>The bridge's host id (its retained state is <c>jidoka/v1/_host/hil-bridge/state</c>).</summary>
    public const string HostId = "hil-bridge";

    private readonly SimulatedCell _cell;
    private readonly BridgeOptions _options;
    private SqliteBridgeStore? _store;
    private SimBrokerSession? _session;
    private BridgePump? _pump;
    private NodeDirectory? _directory;
    private NodeCommandService? _commands;
    private int _generation;
    private bool _drainScheduled;

    /// <summary>Creates the bridge (not running) with its SQLite file at <paramref name="dataFile"/>.</summary>
    public VirtualBridge(SimulatedCell cell, string dataFile, BridgeOptions? options = null)
    {
        _cell = cell ?? throw new ArgumentNullException(nameof(cell));
        DataFile = dataFile ?? throw new ArgumentNullException(nameof(dataFile));
        _options = options ?? new BridgeOptions { HostId = HostId };
        Client = cell.CreateBridgeClient("jidoka-" + HostId);
    }

    /// <summary>Delay from the first message of a batch to the batch being processed, µs (the ingest worker picking it up).</summary>
    public ulong BatchDelayUs { get; init; } = 1000;

    /// <summary>
    /// The pump's transport settings here: frames subscribed at QoS 0 (what the nodes publish them with),
    /// and an unbounded queue (the simulated broker applies no back-pressure).
    /// </summary>
    public static BridgePumpOptions PumpOptions { get; } = new() { FrameSubscriptionQos = Topics.Qos(TopicKind.Frame), QueueCapacity = 0 };

    /// <summary>The SQLite file.</summary>
    public string DataFile { get; }

    /// <summary>The bridge's network client.</summary>
    public SimClient Client { get; }

    /// <summary>True while the bridge process "runs".</summary>
    public bool IsRunning => _pump != null;

    /// <summary>Starts so far (1 after the first start, +1 per restart).</summary>
    public int Starts { get; private set; }

    /// <summary>Messages received by the running bridges.</summary>
    public long MessagesReceived { get; private set; }

    /// <summary>Messages a killed bridge had received but not committed (the nodes resend what matters).</summary>
    public long MessagesLostInKill { get; private set; }

    /// <summary>Batches committed, over every run.</summary>
    public long BatchesCommitted { get; private set; }

    /// <summary>Messages waiting for the next batch.</summary>
    public int Pending => _pump?.Pending ?? 0;

    /// <summary>The running bridge's pump: the type the service runs (<c>BridgeRuntime.Pump</c>).</summary>
    public BridgePump Pump => _pump ?? throw new InvalidOperationException("the bridge is not running");

    /// <summary>The running engine.</summary>
    public IngestEngine Engine => Pump.Engine;

    /// <summary>The running store.</summary>
    public IBridgeStore Store => _store ?? throw new InvalidOperationException("the bridge is not running");

    /// <summary>The running command service.</summary>
    public NodeCommandService Commands => _commands ?? throw new InvalidOperationException("the bridge is not running");

    /// <summary>Node states as the running bridge sees them.</summary>
    public NodeDirectory Directory => _directory ?? throw new InvalidOperationException("the bridge is not running");

    /// <summary>
    /// Starts the bridge as its service does: store, audit "bridge-start", engine state from the store,
    /// the pump on its session, then the connection (the pump subscribes and announces on connect).
    /// </summary>
    public void Start()
    {
        if (_pump != null)
        {
            throw new InvalidOperationException("already running");
        }

        var store = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = DataFile, DurableCommits = false });
        Wait(store.InitializeAsync(CancellationToken.None));
        Wait(BridgeLifecycleAudit.RecordStartAsync(store, _options.HostId, "broker=simulated;store=" + store.Location, _cell.TimeProvider, CancellationToken.None));
        var directory = new NodeDirectory(TimeSpan.FromSeconds(_options.Ingest.NodeSilenceSeconds));
        var tracker = new CommandTracker();
        var engine = new IngestEngine(store, _options, _cell.TimeProvider, directory, tracker, NullLogger<IngestEngine>.Instance);
        Wait(engine.LoadAsync(CancellationToken.None));
        var session = new SimBrokerSession(Client, _cell.Scheduler, _cell.TimeProvider);
        session.MessageQueued += OnQueued;
        _store = store;
        _directory = directory;
        _session = session;
        _pump = new BridgePump(session, engine, _options, PumpOptions, _cell.TimeProvider, NullLogger<BridgePump>.Instance);
        _commands = new NodeCommandService(store, directory, session, tracker, _cell.TimeProvider, NullLogger<NodeCommandService>.Instance);
        _generation++;
        Starts++;
        Client.Start();
    }

    /// <summary>
    /// The bridge process dies (killed, crashed): its connection vanishes without DISCONNECT, whatever it
    /// received and had not committed is gone, the store is closed. Nothing is acknowledged that was not stored.
    /// </summary>
    public void Kill()
    {
        if (_pump == null)
        {
            return;
        }

        Client.Kill();
        _session!.Detach();
        MessagesLostInKill += _pump.Pending;
        _drainScheduled = false;
        _generation++;
        _pump = null;
        _session = null;
        _commands = null;
        _directory = null;
        SqliteBridgeStore store = _store!;
        _store = null;
        store.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Kills the bridge now and starts a new one on the same file after <paramref name="offUs"/>.</summary>
    public void Restart(ulong offUs)
    {
        Kill();
        _cell.Scheduler.At(_cell.Scheduler.NowUs + offUs, Start);
    }

    /// <summary>Runs a store query of the running bridge (SQLite completes synchronously).</summary>
    public T Query<T>(Func<IBridgeStore, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query(Store).GetAwaiter().GetResult();
    }

    /// <summary>Runs a command-service call of the running bridge.</summary>
    public CommandRequestResult Command(Func<NodeCommandService, Task<CommandRequestResult>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call(Commands).GetAwaiter().GetResult();
    }

    /// <inheritdoc/>
    public void Dispose() => Kill();

    private static void Wait(Task task) => task.GetAwaiter().GetResult();

    private void OnQueued()
    {
        MessagesReceived++;
        if (!_drainScheduled)
        {
            _drainScheduled = true;
            int generation = _generation;
            _cell.Scheduler.At(_cell.Scheduler.NowUs + BatchDelayUs, () => Drain(generation));
        }
    }

    private void Drain(int generation)
    {
        if (generation != _generation || _pump == null)
        {
            return;
        }

        if (_session!.Fault is Exception fault)
        {
            throw new InvalidOperationException("The simulated bridge session failed (subscribe, announce, or a call off the scheduler thread).", fault);
        }

        if (_pump.ProcessNextBatchAsync(CancellationToken.None).GetAwaiter().GetResult() != null)
        {
            BatchesCommitted++;
        }

        if (_pump.Pending > 0)
        {
            _cell.Scheduler.At(_cell.Scheduler.NowUs + BatchDelayUs, () => Drain(generation));
        }
        else
        {
            _drainScheduled = false;
        }
    }
}
