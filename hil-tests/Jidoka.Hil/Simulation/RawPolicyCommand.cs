using System;
using Jidoka.Protocol;

namespace Jidoka.Hil.Simulation;

/// <summary>
/// A policy command as a tool that skips the bridge's checks would publish it straight on the wire, so the
/// node has to defend itself. Both HIL modes send it: the deterministic one through a simulated client,
/// the real-time one through an MQTTnet client on Mosquitto.
/// </summary>
public static class RawPolicyCommand
{
    /// <summary>The command's topic for node <paramref name="nodeId"/> of cell <paramref name="cellId"/>.</summary>
    public static string Topic(string cellId, string nodeId) => Topics.ForNode(cellId, nodeId, TopicKind.Command);

    /// <summary>Encodes an apply-policy command; throws when the protocol itself cannot carry it (a scenario error).</summary>
    public static byte[] Encode(string nodeId, PolicyRecord policy, string operatorId, bool changeover, uint commandId, long issuedUnixMs)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var command = new CommandMessage
        {
            CommandType = CommandType.ApplyPolicy,
            Flags = changeover ? CommandFlags.Changeover : (byte)0,
            NodeId = nodeId,
            CommandId = commandId,
            IssuedUnixMs = issuedUnixMs,
            OperatorId = operatorId,
        };
        command.Policy.CopyFrom(policy);
        byte[] buffer = new byte[ProtocolLimits.MaxMessageBytes];
        EncodeResult encoded = command.TryEncode(buffer, 0);
        if (!encoded.IsWritten)
        {
            throw new InvalidOperationException($"the raw policy command does not encode: {encoded.Status} ({encoded.Field})");
        }

        return buffer.AsSpan(0, encoded.BytesWritten).ToArray();
    }
}
