using System;
using System.Linq;
using System.Threading.Tasks;
using Jidoka.Bridge.Commands;
using Jidoka.Bridge.Ingest;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Pump;
using Jidoka.Bridge.Sessions;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.Storage.Sqlite;
using Jidoka.Bridge.TestKit;
using Jidoka.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>
/// The bridge pump's own decisions, on a virtual clock and a real SQLite file: subscribe before
/// announcing, session starts that only grow, time sync answered on arrival and only there, acks only
/// after the commit, refused encodes never published.
/// </summary>
public sealed class PumpTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_connect_subscribes_to_every_node_topic_before_announcing_the_new_session()
    {
        await using Rig rig = await Rig.StartAsync(new BridgeOptions { HostId = "bridge-p" }, new BridgePumpOptions { FrameSubscriptionQos = 0 });
        OutboundMessage will = rig.Pump.BeginSession();
        await rig.Pump.OnConnectedAsync(default);

        Assert.Equal(new[] { "subscribe", "publish " + Topics.HostState("bridge-p") }, rig.Session.Operations);
        Assert.Equal(
            new[] { TopicKind.Frame, TopicKind.Event, TopicKind.Status, TopicKind.CommandResult, TopicKind.TimeRequest }.Select(k => Topics.AllNodes(k)),
            rig.Session.Subscribed.Select(s => s.Filter));
        Assert.Equal(0, rig.Session.Subscribed[0].Qos);
        OutboundMessage online = Assert.Single(rig.Session.Published);
        Assert.True(online.Retain);
        HostStateMessage onlineState = DecodeHostState(online);
        HostStateMessage willState = DecodeHostState(will);
        Assert.True(onlineState.Online);
        Assert.False(willState.Online);
        Assert.True(will.Retain);
        Assert.Equal(Start.ToUnixTimeMilliseconds(), onlineState.SessionStartUnixMs);
        Assert.Equal(onlineState.SessionStartUnixMs, willState.SessionStartUnixMs);

        // A reconnect within the same millisecond is still a new session: nodes replay only on a start they have not seen.
        rig.Pump.BeginSession();
        Assert.Equal(Start.ToUnixTimeMilliseconds() + 1, rig.Pump.SessionStartUnixMs);
    }

    [Fact]
    public async Task A_time_request_is_answered_on_arrival_and_not_again_by_its_batch()
    {
        await using Rig rig = await Rig.StartAsync();
        var request = new TimeSyncRequestMessage { NodeId = "press-21", RequestId = 9, T1NodeMonoUs = 1234 };
        DateTimeOffset arrived = rig.Clock.GetUtcNow();
        rig.Clock.Advance(TimeSpan.FromMilliseconds(2));
        await rig.Pump.OnReceivedAsync(new InboundMessage(Topics.ForNode("cell-a", "press-21", TopicKind.TimeRequest), Messages.Encode(request), arrived));

        OutboundMessage answer = Assert.Single(rig.Session.Published);
        Assert.Equal(Topics.ForNode("cell-a", "press-21", TopicKind.TimeResponse), answer.Topic);
        var response = new TimeSyncResponseMessage();
        Assert.True(response.TryDecode(answer.Payload, 0, answer.Payload.Length).IsAccepted);
        Assert.Equal(1234UL, response.T1NodeMonoUs);
        Assert.Equal(UnixTime.ToUnixUs(arrived), response.T2ReceiveUnixUs);
        Assert.Equal(UnixTime.ToUnixUs(arrived) + 2000, response.T3TransmitUnixUs);

        rig.Clock.Advance(TimeSpan.FromMilliseconds(5));
        BatchResult? batch = await rig.Pump.ProcessNextBatchAsync(default);
        Assert.NotNull(batch);
        Assert.Empty(batch!.Outbound);
        Assert.Single(rig.Session.Published);
        Assert.Equal(1, rig.Pump.TimeSyncAnswers);
    }

    [Fact]
    public async Task Acks_go_out_only_after_the_commit_and_a_failed_commit_acks_nothing()
    {
        await using Rig rig = await Rig.StartAsync(failingStore: true);
        InboundMessage trip = new(Topics.ForNode("cell-a", "press-22", TopicKind.Event), Messages.Encode(Messages.Trip("press-22", 40, 1, 3_000_000)), rig.Clock.GetUtcNow());
        await rig.Pump.OnReceivedAsync(trip);
        Assert.Equal(1, rig.Pump.Pending);
        Assert.Empty(rig.Session.Published);

        rig.Failing!.FailNextWrite = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => rig.Pump.ProcessNextBatchAsync(default));
        Assert.Empty(rig.Session.Published);
        Assert.Equal(0, rig.Pump.BatchesCommitted);

        // The node resends what was not acknowledged.
        await rig.Pump.OnReceivedAsync(trip);
        await rig.Pump.ProcessNextBatchAsync(default);
        OutboundMessage ack = Assert.Single(rig.Session.Published);
        Assert.Equal(Topics.ForNode("cell-a", "press-22", TopicKind.Ack), ack.Topic);
        Assert.NotNull(await rig.Sqlite.GetEventAsync("press-22", 40, default));
    }

    [Fact]
    public async Task A_host_state_that_does_not_encode_is_counted_and_never_published()
    {
        // Bridge:HostId is validated at start-up; this pump is given one that skipped validation.
        await using Rig rig = await Rig.StartAsync(new BridgeOptions { HostId = "Not A Host Id!" });
        Assert.Throws<InvalidOperationException>(() => rig.Pump.BeginSession());
        Assert.Equal(1, rig.Pump.Engine.Totals.EncodesRefused);
        await Assert.ThrowsAsync<InvalidOperationException>(() => rig.Pump.OnConnectedAsync(default));
        Assert.False(await rig.Pump.AnnounceOfflineAsync());
        Assert.Empty(rig.Session.Published);
        Assert.Equal(3, rig.Pump.Engine.Totals.EncodesRefused);
    }

    [Fact]
    public void An_ack_that_does_not_encode_is_counted_and_not_published()
    {
        var totals = new IngestTotals();
        var encoder = new AckEncoder(totals, NullLogger.Instance);
        var outbound = new System.Collections.Generic.List<OutboundMessage>();
        ulong[] ids = Enumerable.Range(1, ProtocolLimits.MaxAckIdsPerMessage + 1).Select(i => (ulong)i).ToArray();

        Assert.Equal(0, encoder.Encode("cell-a", "Not A Node Id!", ids, outbound));
        Assert.Empty(outbound);
        Assert.Equal(2, totals.EncodesRefused);

        Assert.Equal(ids.Length, encoder.Encode("cell-a", "press-23", ids, outbound));
        Assert.Equal(2, outbound.Count);
        var ack = new EventAckMessage();
        Assert.True(ack.TryDecode(outbound[1].Payload, 0, outbound[1].Payload.Length).IsAccepted);
        Assert.Equal((ulong)ids.Length, ack.EventIds[0]);
        Assert.Equal(2, totals.EncodesRefused);
    }

    [Fact]
    public async Task A_clean_stop_announces_the_bridge_offline_after_the_receiving_side_closed()
    {
        // An external broker, so it outlives the bridge; a clean DISCONNECT fires no will, so only the
        // pump's own announcement can tell the node the bridge left.
        using var dir = new TempDir();
        await using var broker = new Jidoka.Bridge.Hosting.EmbeddedBroker(new Jidoka.Bridge.Hosting.BrokerOptions { ListenAddress = "127.0.0.1", Port = 0 });
        await broker.StartAsync();
        await using TestBridge bridge = await TestBridge.StartAsync(dir.File("bridge.db"), new System.Collections.Generic.Dictionary<string, string?>
        {
            ["Bridge:Broker:Mode"] = "External",
            ["Bridge:Broker:Host"] = "127.0.0.1",
            ["Bridge:Broker:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await using var node = new TestNode("cell-a", "press-24");
        await node.ConnectAsync(broker.Port);
        await Eventually.UntilAsync(() => node.HostOnline, "bridge online");

        await bridge.StopAsync();
        await Eventually.UntilAsync(() => !node.HostOnline, "bridge announced offline");
    }

    private static HostStateMessage DecodeHostState(OutboundMessage message)
    {
        var state = new HostStateMessage();
        Assert.True(state.TryDecode(message.Payload, 0, message.Payload.Length).IsAccepted);
        return state;
    }

    private sealed class Rig : IAsyncDisposable
    {
        private readonly TempDir _dir;

        private Rig(TempDir dir, SqliteBridgeStore sqlite, EngineTests.FailingStore? failing, FakeTimeProvider clock, RecordingSession session, BridgePump pump)
        {
            _dir = dir;
            Sqlite = sqlite;
            Failing = failing;
            Clock = clock;
            Session = session;
            Pump = pump;
        }

        public SqliteBridgeStore Sqlite { get; }

        public EngineTests.FailingStore? Failing { get; }

        public FakeTimeProvider Clock { get; }

        public RecordingSession Session { get; }

        public BridgePump Pump { get; }

        public static async Task<Rig> StartAsync(BridgeOptions? options = null, BridgePumpOptions? pumpOptions = null, bool failingStore = false)
        {
            var dir = new TempDir();
            var sqlite = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = dir.File("pump.db") });
            await sqlite.InitializeAsync(default);
            EngineTests.FailingStore? failing = failingStore ? EngineTests.FailingStore.Wrap(sqlite) : null;
            IBridgeStore store = failing != null ? (IBridgeStore)failing : sqlite;
            var clock = new FakeTimeProvider(Start);
            options ??= new BridgeOptions { HostId = "bridge-p" };
            var engine = new IngestEngine(store, options, clock, new NodeDirectory(TimeSpan.FromSeconds(30)), new CommandTracker(), NullLogger<IngestEngine>.Instance);
            await engine.LoadAsync(default);
            var session = new RecordingSession();
            var pump = new BridgePump(session, engine, options, pumpOptions ?? new BridgePumpOptions(), clock, NullLogger<BridgePump>.Instance);
            Assert.Same(pump, session.Handler);
            return new Rig(dir, sqlite, failing, clock, session, pump);
        }

        public async ValueTask DisposeAsync()
        {
            await Sqlite.DisposeAsync();
            _dir.Dispose();
        }
    }
}
