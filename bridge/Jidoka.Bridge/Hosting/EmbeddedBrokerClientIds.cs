using System;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Jidoka.Bridge.Hosting;

/// <summary>
/// Client ids for clients that connect without one, as MQTT allows: MQTT 5 (3.1.2.4) lets the server
/// assign one, MQTT 3.1.1 (3.1.3-6) requires the server to accept a zero-length id with a clean session.
/// Without this, the documented <c>mosquitto_sub -h HOST -v -t 'jidoka/v1/+/+/status'</c> (which sends an
/// empty id) is refused by the embedded broker. A persistent session needs an id to find it by, so an
/// empty id without a clean session stays refused, with the reason code the standard names.
/// </summary>
public static class EmbeddedBrokerClientIds
{
    /// <summary>Prefix of assigned ids (and what the broker logs show for such a client).</summary>
    public const string Prefix = "auto-";

    // MQTTnet 5 applies AssignedClientIdentifier to MQTT 5 clients only and refuses an empty id from a 3.1.1
    // client after this handler ran; the id is therefore written into the CONNECT packet itself, which the
    // event arguments hold privately. Checked by the mosquitto_sub tests (3.1.1 and 5): an MQTTnet upgrade
    // that renames the field makes 3.1.1 clients refused again, and those tests fail.
    private static readonly FieldInfo? ConnectPacketField = typeof(ValidatingConnectionEventArgs).GetField("_connectPacket", BindingFlags.Instance | BindingFlags.NonPublic);

    private static long _assigned;

    /// <summary>Client ids assigned since the process started.</summary>
    public static long Assigned => Interlocked.Read(ref _assigned);

    /// <summary>The connection validation handler.</summary>
    public static Task AssignWhenEmptyAsync(ValidatingConnectionEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!string.IsNullOrEmpty(e.ClientId))
        {
            return Task.CompletedTask;
        }

        if (e.CleanSession != true)
        {
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
            return Task.CompletedTask;
        }

        string id = Prefix + Guid.NewGuid().ToString("N");
        e.AssignedClientIdentifier = id;
        if (e.ProtocolVersion != MqttProtocolVersion.V500 && ConnectPacketField?.GetValue(e) is MqttConnectPacket connect)
        {
            connect.ClientId = id;
        }

        Interlocked.Increment(ref _assigned);
        return Task.CompletedTask;
    }
}
