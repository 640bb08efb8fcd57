using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jidoka.Bridge.Audit;
using Jidoka.Bridge.Hosting;
using Jidoka.Bridge.Storage;
using Jidoka.Bridge.Storage.Sqlite;
using Jidoka.Bridge.TestKit;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.Bridge.Tests;

/// <summary>The bridge process is killed mid-stream and restarted; no event the node sent may be lost or stored twice.</summary>
public sealed class CrashRecoveryTests
{
    private const string Node = "press-11";

    [Fact]
    public async Task Killing_the_bridge_mid_stream_loses_and_duplicates_no_event()
    {
        using var dir = new TempDir();
        string file = dir.File("bridge.db");
        await using var broker = new EmbeddedBroker(new BrokerOptions { ListenAddress = "127.0.0.1", Port = 0 });
        await broker.StartAsync();
        await using var node = new TestNode("cell-a", Node);
        await node.ConnectAsync(broker.Port);
        await node.PublishStatusAsync();

        BridgeProcess first = BridgeProcess.Start(broker.Port, file, "bridge-kill");
        await using BridgeProcess firstOwner = first;
        await Eventually.UntilAsync(() => node.HostOnline, "first bridge online\n" + first.Output);

        // The node streams events (every 25th a trip) and frames until told to stop.
        var sent = new List<ulong>();
        using var stop = new CancellationTokenSource();
        Task producer = Task.Run(async () =>
        {
            ulong id = 1;
            while (!stop.IsCancellationRequested)
            {
                EventMessage message = id % 25 == 0 ? Messages.Trip(Node, id, 1, id * 10_000) : Messages.NearMiss(Node, id, 1, id * 10_000);
                await node.SendEventAsync(message);
                lock (sent)
                {
                    sent.Add(id);
                }

                await node.PublishFrameAsync(Messages.Frame(Node, 1, (uint)id, id * 10_000), qos: 0);
                id++;
                await Task.Delay(1);
            }
        });
        int Sent()
        {
            lock (sent)
            {
                return sent.Count;
            }
        }

        await Eventually.UntilAsync(() => sent.Count(node.IsAcked) >= 100, "100 events acknowledged by the first bridge");
        await first.KillAsync();
        int atKill = Sent();
        await Eventually.UntilAsync(() => Sent() >= atKill + 100, "100 more events sent while no bridge runs");
        Assert.True(node.UnackedCount >= 100, "events sent while the bridge was down stay journaled on the node");

        await using BridgeProcess second = BridgeProcess.Start(broker.Port, file, "bridge-kill");
        await Eventually.UntilAsync(() => node.HostOnline, "second bridge online\n" + second.Output);
        int atRestart = Sent();
        await Eventually.UntilAsync(() => Sent() >= atRestart + 100, "100 more events sent to the second bridge");
        await stop.CancelAsync();
        await producer;
        await Eventually.UntilAsync(() => node.UnackedCount == 0, "every event acknowledged\n" + second.Output);
        await second.KillAsync();

        List<ulong> expected;
        lock (sent)
        {
            expected = sent.ToList();
        }

        long rows = Db.Scalar(file, "SELECT COUNT(*) FROM events WHERE node_id = $n", ("$n", Node));
        long distinct = Db.Scalar(file, "SELECT COUNT(DISTINCT event_id) FROM events WHERE node_id = $n", ("$n", Node));
        Assert.Equal(expected.Count, rows);
        Assert.Equal(expected.Count, distinct);
        Assert.True(node.Replays >= 2, "the node replayed after the restart");
        int trips = expected.Count(id => id % 25 == 0);
        Assert.Equal(trips, Db.Scalar(file, "SELECT COUNT(*) FROM cases WHERE node_id = $n", ("$n", Node)));
        Assert.Equal(trips, Db.Scalar(file, "SELECT COUNT(DISTINCT trip_event_id) FROM cases WHERE node_id = $n", ("$n", Node)));

        await using var store = new SqliteBridgeStore(new SqliteStoreOptions { DataFile = file });
        await store.InitializeAsync(default);
        HashSet<ulong> stored = (await store.QueryEventsAsync(new EventQuery(Node, Limit: 100_000), default)).Select(e => e.EventId).ToHashSet();
        Assert.True(stored.SetEquals(expected));
        AuditVerification audit = await AuditVerifier.VerifyAsync(store, default);
        Assert.True(audit.IsIntact, string.Join("; ", audit.Findings));
        IReadOnlyList<AuditRecord> log = await store.ReadAuditAsync(0, 100_000, default);
        Assert.Equal(expected.Count, log.Count(r => r.Entry.Kind == AuditKinds.Event));
        AuditRecord secondStart = log.Where(r => r.Entry.Kind == AuditKinds.BridgeStart).Last();
        Assert.Contains("previousRunEndedWithoutStop=1", secondStart.Entry.Details, StringComparison.Ordinal);
    }
}
