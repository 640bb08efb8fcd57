using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Jidoka.Bridge.Commands;
using Jidoka.Bridge.Ingest;
using Jidoka.Bridge.Messaging;
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
/// The ingest engine without MQTT, on a virtual clock: how the HIL rig's deterministic mode drives it.
/// </summary>
public sealed class EngineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_failed_commit_acknowledges_nothing_and_the_resend_is_stored_once()
    {
        using var dir = new TempDir();
        await using var sqlite = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = dir.File("engine.db") });
        await sqlite.InitializeAsync(default);
        FailingStore store = FailingStore.Wrap(sqlite);
        var clock = new FakeTimeProvider(Start);
        IngestEngine engine = NewEngine((IBridgeStore)store, clock);
        await engine.LoadAsync(default);
        InboundMessage[] batch = { Event(Messages.Trip("press-12", 9, 1, 5_000_000), clock), Event(Messages.NearMiss("press-12", 8, 1, 4_000_000), clock) };

        store.FailNextWrite = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.ProcessAsync(batch, default));
        Assert.Null(await sqlite.GetEventAsync("press-12", 9, default));

        var committed = new List<BatchCommitted>();
        engine.Committed += committed.Add;
        clock.Advance(TimeSpan.FromSeconds(1));
        BatchResult retried = await engine.ProcessAsync(batch, default);
        BatchCommitted change = Assert.Single(committed);
        Assert.Equal(new ulong[] { 9, 8 }, change.Events.Select(e => e.EventId));
        Assert.Equal(9UL, Assert.Single(change.Cases).TripEventId);
        Assert.Equal(2, retried.EventsStored);
        Assert.Equal(2, retried.EventsAcknowledged);
        OutboundMessage ack = Assert.Single(retried.Outbound);
        Assert.Equal(Topics.ForNode("cell-a", "press-12", TopicKind.Ack), ack.Topic);
        var decoded = new EventAckMessage();
        Assert.True(decoded.TryDecode(ack.Payload, 0, ack.Payload.Length).IsAccepted);
        Assert.Equal(new ulong[] { 9, 8 }, decoded.EventIds.Take(decoded.Count));
        Assert.Single(await sqlite.QueryCasesAsync(new CaseQuery("press-12"), default));

        BatchResult again = await engine.ProcessAsync(batch, default);
        Assert.Equal(0, again.EventsStored);
        Assert.Equal(2, again.EventsAcknowledged);
        Assert.Equal(2, (await sqlite.GetNodeAsync("press-12", default))!.Counters.EventsDuplicate);
    }

    [Fact]
    public async Task Time_sync_answers_in_a_batch_use_the_virtual_clock()
    {
        using var dir = new TempDir();
        await using var sqlite = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = dir.File("engine.db") });
        await sqlite.InitializeAsync(default);
        var clock = new FakeTimeProvider(Start);
        IngestEngine engine = NewEngine(sqlite, clock);
        await engine.LoadAsync(default);
        var request = new TimeSyncRequestMessage { NodeId = "press-12", RequestId = 4, T1NodeMonoUs = 77 };
        var message = new InboundMessage(Topics.ForNode("cell-a", "press-12", TopicKind.TimeRequest), Messages.Encode(request), clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMilliseconds(3));

        BatchResult result = await engine.ProcessAsync(new[] { message }, default);
        var response = new TimeSyncResponseMessage();
        OutboundMessage outbound = Assert.Single(result.Outbound);
        Assert.True(response.TryDecode(outbound.Payload, 0, outbound.Payload.Length).IsAccepted);
        Assert.Equal(UnixTime.ToUnixUs(Start), response.T2ReceiveUnixUs);
        Assert.Equal(UnixTime.ToUnixUs(Start) + 3000, response.T3TransmitUnixUs);
        Assert.Equal(77UL, response.T1NodeMonoUs);

        // Already answered on the transport's fast path: recorded, not answered twice.
        BatchResult answered = await engine.ProcessAsync(new[] { message with { TimeSyncAnswered = true } }, default);
        Assert.Empty(answered.Outbound);
    }

    private static IngestEngine NewEngine(IBridgeStore store, TimeProvider clock) =>
        new(store, new BridgeOptions(), clock, new NodeDirectory(TimeSpan.FromSeconds(30)), new CommandTracker(), NullLogger<IngestEngine>.Instance);

    private static InboundMessage Event(EventMessage message, TimeProvider clock) =>
        new(Topics.ForNode("cell-a", message.NodeId, TopicKind.Event), Messages.Encode(message), clock.GetUtcNow());

    /// <summary>A store whose next write fails, as a full or failing disk would; everything else goes to the real store.</summary>
    public class FailingStore : DispatchProxy
    {
        public IBridgeStore Inner { get; private set; } = null!;

        public bool FailNextWrite { get; set; }

        public static FailingStore Wrap(IBridgeStore inner)
        {
            IBridgeStore proxy = Create<IBridgeStore, FailingStore>();
            var failing = (FailingStore)proxy;
            failing.Inner = inner;
            return failing;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IBridgeStore.WriteAsync) && FailNextWrite)
            {
                FailNextWrite = false;
                return Task.FromException<WriteOutcome>(new InvalidOperationException("disk full"));
            }

            return targetMethod.Invoke(Inner, args);
        }
    }
}
