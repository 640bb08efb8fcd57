using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge;
using Jidoka.Bridge.Audit;
using Jidoka.Bridge.Commands;
using Jidoka.Bridge.Ingest;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.Storage.Sqlite;
using Jidoka.Protocol;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Nodes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jidoka.Hil.Deterministic;

/// <summary>
/// The bridge's logic on the simulated network, in virtual time: the real <see cref="IngestEngine"/>
/// (sessions, cases, audit) over the real SQLite store in a file, the real
/// <see cref="NodeCommandService"/>, and one <see cref="SimClient"/> doing what the service's MQTT
/// connection does: subscribe to every node topic, then announce the bridge online (retained, with a new
/// session start and the offline state as its will), hand what arrives to the engine in batches, and
/// publish the engine's acks and time-sync answers only after the batch committed. Everything runs as
/// callbacks of the cell's scheduler on the caller's thread; SQLite completes synchronously, so a batch
/// takes no virtual time beyond <see cref="BatchDelayUs"/>.
/// </summary>
public sealed class VirtualBridge : IDisposable
{
    /// <summary>The bridge's host id (its retained state is <c>jidoka/v1/_host/hil-bridge/state</c>).</summary>
    public const string HostId = "hil-bridge";

    private readonly SimulatedCell _cell;
    private readonly BridgeOptions _options;
    private readonly List<InboundMessage> _pending = new();
    private SqliteBridgeStore? _store;
    private IngestEngine? _engine;
    private NodeDirectory? _directory;
    private NodeCommandService? _commands;
    private long _session;
    private int _generation;
    private bool _drainScheduled;

    /// <summary>Creates the bridge (not running) with its SQLite file at <paramref name="dataFile"/>.</summary>
    public VirtualBridge(SimulatedCell cell, string dataFile, BridgeOptions? options = null)
    {
        _cell = cell ?? throw new ArgumentNullException(nameof(cell));
        DataFile = dataFile ?? throw new ArgumentNullException(nameof(dataFile));
        _options = options ?? new BridgeOptions { HostId = HostId };
        Client = cell.CreateBridgeClient("jidoka-" + HostId);
        Client.MessageReceived += OnMessage;
        Client.Connected += OnConnected;
    }

    /// <summary>Delay from the first message of a batch to the batch being processed, µs (the ingest worker picking it up).</summary>
    public ulong BatchDelayUs { get; init; } = 1000;

    /// <summary>The SQLite file.</summary>
    public string DataFile { get; }

    /// <summary>The bridge's network client.</summary>
    public SimClient Client { get; }

    /// <summary>True while the bridge process "runs".</summary>
    public bool IsRunning => _engine != null;

    /// <summary>Starts so far (1 after the first start, +1 per restart).</summary>
    public int Starts { get; private set; }

    /// <summary>Messages received by the running bridges.</summary>
    public long MessagesReceived { get; private set; }

    /// <summary>Messages a killed bridge had received but not committed (the nodes resend what matters).</summary>
    public long MessagesLostInKill { get; private set; }

    /// <summary>Batches committed.</summary>
    public long BatchesCommitted { get; private set; }

    /// <summary>Messages waiting for the next batch.</summary>
    public int Pending => _pending.Count;

    /// <summary>The running engine.</summary>
    public IngestEngine Engine => _engine ?? throw new InvalidOperationException("the bridge is not running");

    /// <summary>The running store.</summary>
    public IBridgeStore Store => _store ?? throw new InvalidOperationException("the bridge is not running");

    /// <summary>The running command service.</summary>
    public NodeCommandService Commands => _commands ?? throw new InvalidOperationException("the bridge is not running");

    /// <summary>Node states as the running bridge sees them.</summary>
    public NodeDirectory Directory => _directory ?? throw new InvalidOperationException("the bridge is not running");

    /// <summary>
    /// Starts the bridge as its service does: store, audit "bridge-start" (noting an unclean end of the
    /// previous run), engine state from the store, then the MQTT connection.
    /// </summary>
    public void Start()
    {
        if (_engine != null)
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
        _store = store;
        _directory = directory;
        _engine = engine;
        _commands = new NodeCommandService(store, directory, new Publisher(this), tracker, _cell.TimeProvider, NullLogger<NodeCommandService>.Instance);
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
        if (_engine == null)
        {
            return;
        }

        Client.Kill();
        MessagesLostInKill += _pending.Count;
        _pending.Clear();
        _drainScheduled = false;
        _generation++;
        _engine = null;
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

    private void OnConnected()
    {
        // Subscribe first, then announce once the subscriptions are in place (the service awaits its
        // SUBACK): a node that replays on seeing the announcement must find the bridge listening.
        long session = Math.Max(_session + 1, _cell.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        _session = session;
        Client.Will = HostStatePublisher.Will(_options.HostId, session);
        foreach (TopicKind kind in new[] { TopicKind.Frame, TopicKind.Event, TopicKind.Status, TopicKind.CommandResult, TopicKind.TimeRequest })
        {
            Client.Subscribe(Topics.AllNodes(kind), Topics.Qos(kind));
        }

        int generation = _generation;
        ulong settle = Math.Max(Client.Faults.LatencyMaxUs, Client.Faults.LatencyMinUs) + 1000;
        _cell.Scheduler.At(_cell.Scheduler.NowUs + settle, () =>
        {
            if (generation == _generation && Client.IsConnected)
            {
                HostStatePublisher.Publish(Client, _options.HostId, true, session);
            }
        });
    }

    private void OnMessage(SimMessage message)
    {
        if (_engine == null)
        {
            return;
        }

        MessagesReceived++;
        _pending.Add(new InboundMessage(message.Topic, message.Payload, _cell.TimeProvider.GetUtcNow()));
        if (!_drainScheduled)
        {
            _drainScheduled = true;
            int generation = _generation;
            _cell.Scheduler.At(_cell.Scheduler.NowUs + BatchDelayUs, () => Drain(generation));
        }
    }

    private void Drain(int generation)
    {
        if (generation != _generation || _engine == null)
        {
            return;
        }

        int take = Math.Min(_pending.Count, _options.Ingest.MaxBatchMessages);
        var batch = _pending.GetRange(0, take);
        _pending.RemoveRange(0, take);
        BatchResult result = _engine.ProcessAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
        BatchesCommitted++;
        foreach (OutboundMessage outbound in result.Outbound)
        {
            Client.Publish(outbound.Topic, outbound.Payload, outbound.Payload.Length, outbound.Qos, outbound.Retain);
        }

        if (_pending.Count > 0)
        {
            _cell.Scheduler.At(_cell.Scheduler.NowUs + BatchDelayUs, () => Drain(generation));
        }
        else
        {
            _drainScheduled = false;
        }
    }

    private sealed class Publisher : IMessagePublisher
    {
        private readonly VirtualBridge _bridge;

        public Publisher(VirtualBridge bridge) => _bridge = bridge;

        public bool IsConnected => _bridge.Client.IsConnected;

        public Task PublishAsync(OutboundMessage message, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(message);
            return _bridge.Client.Publish(message.Topic, message.Payload, message.Payload.Length, message.Qos, message.Retain)
                ? Task.CompletedTask
                : Task.FromException(new InvalidOperationException("not connected to the broker"));
        }
    }
}
