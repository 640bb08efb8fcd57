using System.Collections.Concurrent;
using System.Globalization;
using Jidoka.Protocol;

namespace Jidoka.Cli.Mqtt;

/// <summary>
/// The bridges' retained host state (jidoka/v1/_host/{hostId}/state): a binary message that
/// mosquitto_sub prints as bytes, decoded here into what it says (which bridge, online or not, since when).
/// </summary>
public static class HostStates
{
    /// <summary>Takes <paramref name="payload"/> when <paramref name="topic"/> is a host state topic; false for any other topic.</summary>
    public static bool TryAccept(string topic, byte[] payload, ConcurrentDictionary<string, HostStateMessage> hosts, ConcurrentQueue<RejectedStatus> rejected)
    {
        System.ArgumentNullException.ThrowIfNull(payload);
        System.ArgumentNullException.ThrowIfNull(hosts);
        System.ArgumentNullException.ThrowIfNull(rejected);
        if (!Topics.TryParse(topic, out _, out string hostId, out TopicKind kind) || kind != TopicKind.HostState)
        {
            return false;
        }

        var state = new HostStateMessage();
        DecodeResult result = state.TryDecode(payload, 0, payload.Length);
        if (!result.IsAccepted || state.HostId != hostId)
        {
            rejected.Enqueue(new RejectedStatus(topic, result.IsAccepted ? $"the host state names {state.HostId}, not this topic's bridge" : result.ToString()));
            return true;
        }

        hosts[hostId] = state;
        return true;
    }

    /// <summary>One line for people: "Bridge bridge-1: online, session started 2026-01-01 10:00:00Z".</summary>
    public static string Describe(HostStateMessage state)
    {
        System.ArgumentNullException.ThrowIfNull(state);
        string since = System.DateTimeOffset.FromUnixTimeMilliseconds(state.SessionStartUnixMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return state.Online
            ? $"Bridge {state.HostId}: online, session started {since} (nodes send their events to it)."
            : $"Bridge {state.HostId}: OFFLINE (its last will; last session started {since}): nodes keep their events journaled until it is back.";
    }
}
