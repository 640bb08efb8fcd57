using System;
using System.Collections.Generic;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Identity;

/// <summary>
/// Who may publish and subscribe to what, written once and used twice: by the embedded broker on
/// every publish and subscribe, and to generate an external Mosquitto's acl_file, so the two brokers
/// cannot drift apart (docs/security.md).
/// </summary>
/// <remarks>
/// A node publishes only its own frame, event, status, cmdres and timereq topics and subscribes only to
/// its own ack, cmd and timeresp topics and to its configured bridge's host state. Only the bridge
/// publishes acks, commands, time answers and its own host state. Technicians read status and host
/// state and publish nothing.
/// </remarks>
public sealed class TopicAccessPolicy
{
    private static readonly TopicKind[] NodePublishes = { TopicKind.Frame, TopicKind.Event, TopicKind.Status, TopicKind.CommandResult, TopicKind.TimeRequest };
    private static readonly TopicKind[] NodeReceives = { TopicKind.Ack, TopicKind.Command, TopicKind.TimeResponse };

    private readonly string _bridgeHostId;

    /// <summary>A policy for a cell served by bridge <paramref name="bridgeHostId"/>.</summary>
    public TopicAccessPolicy(string bridgeHostId)
    {
        if (!Identifiers.IsValidId(bridgeHostId))
        {
            throw new ArgumentException($"bridge host id '{bridgeHostId}' is not a valid id.", nameof(bridgeHostId));
        }

        _bridgeHostId = bridgeHostId;
    }

    /// <summary>The topic patterns (MQTT filters) <paramref name="client"/> may publish to.</summary>
    public IReadOnlyList<string> PublishPatterns(ClientIdentity client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Role switch
        {
            ClientRole.Node => Array.ConvertAll(NodePublishes, k => Topics.ForNode(client.CellId, client.NodeId, k)),
            ClientRole.Bridge => new List<string>(Array.ConvertAll(NodeReceives, Topics.AllNodes)) { Topics.HostState(_bridgeHostId) },
            _ => Array.Empty<string>(),
        };
    }

    /// <summary>The topic patterns (MQTT filters) <paramref name="client"/> may subscribe within.</summary>
    public IReadOnlyList<string> SubscribePatterns(ClientIdentity client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Role switch
        {
            ClientRole.Node => new List<string>(Array.ConvertAll(NodeReceives, k => Topics.ForNode(client.CellId, client.NodeId, k))) { Topics.HostState(_bridgeHostId) },
            ClientRole.Bridge => new List<string>(Array.ConvertAll(NodePublishes, Topics.AllNodes)) { Topics.HostState(_bridgeHostId) },
            _ => new[] { Topics.AllNodes(TopicKind.Status), Topics.Root + "/" + Topics.HostLevel + "/+/" + Topics.Suffix(TopicKind.HostState) },
        };
    }

    /// <summary>Decides one publish (a topic name) or subscription (a filter) by <paramref name="client"/>.</summary>
    public TopicAccessDecision Decide(ClientIdentity client, MqttAccess access, string topic)
    {
        ArgumentNullException.ThrowIfNull(client);
        string reason;
        bool wellFormed = access == MqttAccess.Publish ? TopicFilter.IsValidName(topic, out reason) : TopicFilter.IsValidFilter(topic, out reason);
        if (!wellFormed)
        {
            return TopicAccessDecision.Deny(reason);
        }

        IReadOnlyList<string> patterns = access == MqttAccess.Publish ? PublishPatterns(client) : SubscribePatterns(client);
        foreach (string pattern in patterns)
        {
            if (TopicFilter.IsCoveredBy(topic, pattern))
            {
                return TopicAccessDecision.Allow;
            }
        }

        string verb = access == MqttAccess.Publish ? "publish to" : "subscribe to";
        return TopicAccessDecision.Deny($"{DescribeRole(client)} may not {verb} '{topic}'");
    }

    private static string DescribeRole(ClientIdentity client) => client.Role switch
    {
        ClientRole.Node => $"node {client.CellId}/{client.NodeId}",
        ClientRole.Bridge => $"bridge user {client.UserName}",
        _ => $"technician {client.UserName} (read-only)",
    };
}
