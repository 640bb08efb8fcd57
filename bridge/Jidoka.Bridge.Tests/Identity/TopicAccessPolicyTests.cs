using Jidoka.Bridge.Identity;
using Xunit;

namespace Jidoka.Bridge.Tests.Identity;

/// <summary>The broker's topic rules: what each role may publish and subscribe to, wildcards included.</summary>
public sealed class TopicAccessPolicyTests
{
    private readonly TopicAccessPolicy _policy = new("bridge-1");
    private readonly ClientIdentity _press1 = ClientIdentity.ForNode("cell-a", "press-1");
    private readonly ClientIdentity _bridge = ClientIdentity.ForBridge("bridge-1");
    private readonly ClientIdentity _tech = ClientIdentity.ForTechnician("tech.anna");

    [Theory]
    [InlineData("jidoka/v1/cell-a/press-1/frame")]
    [InlineData("jidoka/v1/cell-a/press-1/event")]
    [InlineData("jidoka/v1/cell-a/press-1/status")]
    [InlineData("jidoka/v1/cell-a/press-1/cmdres")]
    [InlineData("jidoka/v1/cell-a/press-1/timereq")]
    public void A_node_publishes_its_own_uplink_topics(string topic) =>
        Assert.True(_policy.Decide(_press1, MqttAccess.Publish, topic).Allowed);

    [Theory]
    [InlineData("jidoka/v1/cell-a/press-2/event")] // another node
    [InlineData("jidoka/v1/cell-b/press-1/event")] // same id, another cell
    [InlineData("jidoka/v1/cell-a/press-1/cmd")] // a command to itself
    [InlineData("jidoka/v1/cell-a/press-2/ack")] // an ack to another node
    [InlineData("jidoka/v1/cell-a/press-1/ack")] // an ack to itself
    [InlineData("jidoka/v1/_host/bridge-1/state")] // the bridge's state
    [InlineData("jidoka/v1/cell-a/+/event")] // a wildcard in a topic name
    [InlineData("jidoka/v1/cell-a/press-1/#")]
    [InlineData("")]
    [InlineData("$SYS/broker/uptime")]
    public void A_node_may_not_publish_anything_else(string topic)
    {
        TopicAccessDecision decision = _policy.Decide(_press1, MqttAccess.Publish, topic);
        Assert.False(decision.Allowed);
        Assert.NotEmpty(decision.Reason);
    }

    [Theory]
    [InlineData("jidoka/v1/cell-a/press-1/ack", true)]
    [InlineData("jidoka/v1/cell-a/press-1/cmd", true)]
    [InlineData("jidoka/v1/cell-a/press-1/timeresp", true)]
    [InlineData("jidoka/v1/_host/bridge-1/state", true)]
    [InlineData("jidoka/v1/_host/bridge-2/state", false)] // only its configured bridge
    [InlineData("jidoka/v1/_host/+/state", false)]
    [InlineData("jidoka/v1/cell-a/press-2/cmd", false)]
    [InlineData("jidoka/v1/cell-a/+/cmd", false)] // widening with a wildcard
    [InlineData("jidoka/v1/cell-a/press-1/+", false)]
    [InlineData("jidoka/v1/#", false)]
    [InlineData("#", false)]
    [InlineData("jidoka/v1/cell-a/press-1/frame", false)] // its own uplink: nobody else's business either
    [InlineData("$share/g/jidoka/v1/cell-a/press-1/cmd", false)]
    public void A_node_subscribes_only_to_its_own_downlink_and_its_bridge(string filter, bool allowed) =>
        Assert.Equal(allowed, _policy.Decide(_press1, MqttAccess.Subscribe, filter).Allowed);

    [Theory]
    [InlineData("jidoka/v1/cell-a/press-1/ack", true)]
    [InlineData("jidoka/v1/cell-z/any-node/cmd", true)]
    [InlineData("jidoka/v1/cell-a/press-1/timeresp", true)]
    [InlineData("jidoka/v1/_host/bridge-1/state", true)]
    [InlineData("jidoka/v1/_host/bridge-2/state", false)] // not another bridge's state
    [InlineData("jidoka/v1/cell-a/press-1/event", false)] // never a node's evidence
    [InlineData("jidoka/v1/cell-a/press-1/status", false)]
    public void The_bridge_publishes_downlink_and_its_own_state_only(string topic, bool allowed) =>
        Assert.Equal(allowed, _policy.Decide(_bridge, MqttAccess.Publish, topic).Allowed);

    [Theory]
    [InlineData("jidoka/v1/+/+/event", true)]
    [InlineData("jidoka/v1/+/+/frame", true)]
    [InlineData("jidoka/v1/cell-a/press-1/status", true)]
    [InlineData("jidoka/v1/#", false)]
    [InlineData("jidoka/v1/+/+/cmd", false)]
    public void The_bridge_subscribes_to_node_uplink(string filter, bool allowed) =>
        Assert.Equal(allowed, _policy.Decide(_bridge, MqttAccess.Subscribe, filter).Allowed);

    [Theory]
    [InlineData("jidoka/v1/+/+/status", true)]
    [InlineData("jidoka/v1/cell-a/+/status", true)]
    [InlineData("jidoka/v1/cell-a/press-1/status", true)]
    [InlineData("jidoka/v1/_host/+/state", true)]
    [InlineData("jidoka/v1/+/+/event", false)]
    [InlineData("jidoka/v1/+/+/cmd", false)]
    [InlineData("jidoka/v1/#", false)]
    public void A_technician_reads_status_and_host_state(string filter, bool allowed) =>
        Assert.Equal(allowed, _policy.Decide(_tech, MqttAccess.Subscribe, filter).Allowed);

    [Theory]
    [InlineData("jidoka/v1/cell-a/press-1/cmd")]
    [InlineData("jidoka/v1/cell-a/press-1/status")]
    [InlineData("jidoka/v1/_host/bridge-1/state")]
    public void A_technician_publishes_nothing(string topic) =>
        Assert.False(_policy.Decide(_tech, MqttAccess.Publish, topic).Allowed);

    [Theory]
    [InlineData("a/b+/c")]
    [InlineData("a/#/c")]
    [InlineData("a/b#")]
    public void Malformed_filters_are_refused_with_a_reason(string filter)
    {
        TopicAccessDecision decision = _policy.Decide(_bridge, MqttAccess.Subscribe, filter);
        Assert.False(decision.Allowed);
        Assert.Contains("level", decision.Reason);
    }
}
