using System;
using Jidoka.Protocol;

namespace Jidoka.SimBoard.Network;

/// <summary>
/// Encodes the bridge's retained host state (<see cref="HostStateMessage"/>) for a simulated endpoint:
/// nodes hold frames and events until they see one online, as Sparkplug's primary-host STATE. The
/// bridge's own logic publishes this in the full rig; tests and demo runs without a bridge use this.
/// </summary>
public static class HostStatePublisher
{
    /// <summary>The encoded host state.</summary>
    public static byte[] Encode(string hostId, bool online, long sessionStartUnixMs)
    {
        var state = new HostStateMessage { HostId = hostId, Online = online, SessionStartUnixMs = sessionStartUnixMs };
        byte[] buffer = new byte[HostStateMessage.EncodedSize];
        EncodeResult result = state.TryEncode(buffer, 0);
        if (!result.IsWritten)
        {
            throw new ArgumentException("host state does not encode: " + result.Field, nameof(hostId));
        }

        return buffer;
    }

    /// <summary>The offline host state as a last will for <paramref name="hostId"/>'s connection.</summary>
    public static SimWill Will(string hostId, long sessionStartUnixMs) =>
        new(Topics.HostState(hostId), Encode(hostId, false, sessionStartUnixMs), Topics.Qos(TopicKind.HostState), true);

    /// <summary>Publishes the host state, retained, through <paramref name="client"/>.</summary>
    public static bool Publish(SimClient client, string hostId, bool online, long sessionStartUnixMs)
    {
        ArgumentNullException.ThrowIfNull(client);
        byte[] payload = Encode(hostId, online, sessionStartUnixMs);
        return client.Publish(Topics.HostState(hostId), payload, payload.Length, Topics.Qos(TopicKind.HostState), true);
    }
}
