using Xunit;

namespace Jidoka.Protocol.Tests;

public sealed class TopicsTests
{
    [Theory]
    [InlineData(TopicKind.Frame, "jidoka/v1/cell-a/press-01/frame")]
    [InlineData(TopicKind.Event, "jidoka/v1/cell-a/press-01/event")]
    [InlineData(TopicKind.Ack, "jidoka/v1/cell-a/press-01/ack")]
    [InlineData(TopicKind.Status, "jidoka/v1/cell-a/press-01/status")]
    [InlineData(TopicKind.Command, "jidoka/v1/cell-a/press-01/cmd")]
    [InlineData(TopicKind.CommandResult, "jidoka/v1/cell-a/press-01/cmdres")]
    [InlineData(TopicKind.TimeRequest, "jidoka/v1/cell-a/press-01/timereq")]
    [InlineData(TopicKind.TimeResponse, "jidoka/v1/cell-a/press-01/timeresp")]
    public void Node_topics_build_and_parse_back(TopicKind kind, string expected)
    {
        string topic = Topics.ForNode("cell-a", "press-01", kind);
        Assert.Equal(expected, topic);
        Assert.True(Topics.TryParse(topic, out string cell, out string node, out TopicKind parsed));
        Assert.Equal(("cell-a", "press-01", kind), (cell, node, parsed));
    }

    [Fact]
    public void Host_state_topic_builds_and_parses_back()
    {
        Assert.Equal("jidoka/v1/_host/bridge-a/state", Topics.HostState("bridge-a"));
        Assert.True(Topics.TryParse("jidoka/v1/_host/bridge-a/state", out string cell, out string host, out TopicKind kind));
        Assert.Equal(("_host", "bridge-a", TopicKind.HostState), (cell, host, kind));
    }

    [Theory]
    [InlineData("jidoka/v2/cell-a/press-01/frame")]
    [InlineData("jidoka/v1/cell-a/press-01")]
    [InlineData("jidoka/v1/cell-a/press-01/frame/extra")]
    [InlineData("jidoka/v1/cell-a/press-01/unknown")]
    [InlineData("jidoka/v1/Cell-A/press-01/frame")]
    [InlineData("jidoka/v1/cell-a//frame")]
    [InlineData("jidoka/v1/cell-a/+/frame")]
    [InlineData("jidoka/v1/cell-a/press-01/state")]
    [InlineData("jidoka/v1/_host/bridge-a/frame")]
    [InlineData("jidoka/v1/cell-a/press-01-is-far-too-long/frame")]
    [InlineData("")]
    public void Foreign_or_malformed_topics_are_refused(string topic)
    {
        Assert.False(Topics.TryParse(topic, out _, out _, out TopicKind kind));
        Assert.Equal(TopicKind.None, kind);
    }

    [Fact]
    public void Subscription_filter_covers_every_node()
    {
        Assert.Equal("jidoka/v1/+/+/event", Topics.AllNodes(TopicKind.Event));
    }

    [Theory]
    [InlineData(TopicKind.Frame, 0, false)]
    [InlineData(TopicKind.Event, 1, false)]
    [InlineData(TopicKind.Ack, 1, false)]
    [InlineData(TopicKind.Status, 1, true)]
    [InlineData(TopicKind.Command, 1, false)]
    [InlineData(TopicKind.CommandResult, 1, false)]
    [InlineData(TopicKind.TimeRequest, 0, false)]
    [InlineData(TopicKind.TimeResponse, 0, false)]
    [InlineData(TopicKind.HostState, 1, true)]
    public void Qos_and_retain_follow_the_topic_table(TopicKind kind, int qos, bool retained)
    {
        Assert.Equal(qos, Topics.Qos(kind));
        Assert.Equal(retained, Topics.Retained(kind));
    }
}
