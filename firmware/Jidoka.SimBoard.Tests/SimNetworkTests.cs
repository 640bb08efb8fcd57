using System.Collections.Generic;
using System.Linq;
using Jidoka.SimBoard.Network;
using Jidoka.SimBoard.Time;
using Xunit;

namespace Jidoka.SimBoard.Tests;

public sealed class SimNetworkTests
{
    private const ulong Ms = 1000;

    private static (VirtualScheduler S, SimNetwork Net) Make(SimNetworkOptions? options = null)
    {
        var s = new VirtualScheduler();
        return (s, new SimNetwork(s, new SimRandom(5), options));
    }

    [Theory]
    [InlineData("a/+/c", "a/b/c", true)]
    [InlineData("a/#", "a/b/c", true)]
    [InlineData("a/#", "a", true)]
    [InlineData("a/+", "a/b/c", false)]
    [InlineData("jidoka/v1/_host/+/state", "jidoka/v1/_host/bridge-1/state", true)]
    [InlineData("a/b", "a/c", false)]
    public void Topic_filters_match_as_mqtt_does(string filter, string topic, bool matches) => Assert.Equal(matches, TopicFilter.Matches(filter, topic));

    [Fact]
    public void Retained_messages_reach_late_subscribers_and_a_partitioned_client_leaves_its_will()
    {
        var (s, net) = Make();
        SimClient node = net.CreateClient("node", new SimWill("st/node", new byte[] { 0 }, 1, true));
        SimClient watcher = net.CreateClient("watcher", null);
        var got = new List<SimMessage>();
        watcher.MessageReceived += got.Add;
        node.Start();
        s.RunFor(50 * Ms);
        Assert.True(node.IsConnected);
        Assert.True(node.Publish("st/node", new byte[] { 1 }, 1, 1, true));
        s.RunFor(50 * Ms);

        watcher.Start();
        s.RunFor(20 * Ms);
        watcher.Subscribe("st/#", 1);
        s.RunFor(20 * Ms);
        SimMessage retained = Assert.Single(got);
        Assert.True(retained.Retain);
        Assert.Equal(1, retained.Payload[0]);

        node.SetPartitioned(true);
        Assert.False(node.Publish("x", new byte[1], 1, 0, false) && false);
        s.RunFor(5_000 * Ms);
        Assert.False(node.IsConnected);
        Assert.Single(got);
        s.RunFor(3_000 * Ms);
        Assert.Equal(2, got.Count);
        Assert.Equal(0, got[1].Payload[0]);
        Assert.Equal(SimNetwork.BrokerId, got[1].FromClientId);
        Assert.Equal(1, net.Counters.WillsPublished);

        node.SetPartitioned(false);
        s.RunFor(10_000 * Ms);
        Assert.True(node.IsConnected);
        Assert.Equal(2, node.ConnectCount);
    }

    [Fact]
    public void Injected_loss_duplication_and_corruption_are_counted_and_order_is_kept_without_reordering()
    {
        var (s, net) = Make();
        SimClient sender = net.CreateClient("sender", null, faults: new LinkFaults { LossQos0 = 0.2, Duplicate = 0.1, Corrupt = 0.1 });
        SimClient receiver = net.CreateClient("receiver", null);
        var got = new List<SimMessage>();
        receiver.MessageReceived += got.Add;
        sender.Start();
        receiver.Start();
        s.RunFor(50 * Ms);
        receiver.Subscribe("t", 0);
        s.RunFor(20 * Ms);
        for (int i = 0; i < 1000; i++)
        {
            sender.Publish("t", new byte[] { (byte)(i >> 8), (byte)i }, 2, 0, false);
            s.RunFor(100);
        }

        s.RunFor(100 * Ms);
        Assert.InRange(net.Counters.Lost, 120, 280);
        Assert.InRange(net.Counters.Duplicated, 40, 130);
        Assert.InRange(net.Counters.Corrupted, 40, 130);
        Assert.Equal(1000 - net.Counters.Lost + net.Counters.Duplicated, got.Count);
        var clean = got.Where(m => !m.Corrupted).Select(m => (m.Payload[0] << 8) | m.Payload[1]).ToList();
        for (int i = 1; i < clean.Count; i++)
        {
            Assert.True(clean[i] >= clean[i - 1], "in order");
        }
    }

    [Fact]
    public void A_broker_outage_drops_every_connection_and_clients_come_back_after_it()
    {
        var (s, net) = Make();
        SimClient a = net.CreateClient("a", new SimWill("w/a", new byte[] { 9 }, 1, true));
        a.Start();
        s.RunFor(50 * Ms);
        net.StopBroker();
        s.RunFor(10 * Ms);
        Assert.False(a.IsConnected);
        Assert.False(a.Publish("x", new byte[1], 1, 0, false));
        s.RunFor(2_000 * Ms);
        Assert.False(a.IsConnected);
        net.StartBroker();
        s.RunFor(10_000 * Ms);
        Assert.True(a.IsConnected);
        Assert.Equal(0, net.Counters.WillsPublished);
    }
}
