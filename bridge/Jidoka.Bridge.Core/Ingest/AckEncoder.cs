using System;
using System.Collections.Generic;
using Jidoka.Bridge.Messaging;
using Jidoka.Bridge.Sessions;
using Jidoka.Protocol;
using Microsoft.Extensions.Logging;

namespace Jidoka.Bridge.Ingest;

/// <summary>
/// Encodes the acks a committed batch owes a node, at most <see cref="ProtocolLimits.MaxAckIdsPerMessage"/>
/// ids per message. An ack the encoder refuses is not published (a buffer of zeros would be a message no
/// node can use): it is counted in <see cref="IngestTotals.EncodesRefused"/> and logged, and the node
/// resends the events, so nothing is lost.
/// </summary>
public sealed class AckEncoder
{
    private readonly IngestTotals _totals;
    private readonly ILogger _logger;

    /// <summary>Creates an encoder counting refusals in <paramref name="totals"/>.</summary>
    public AckEncoder(IngestTotals totals, ILogger logger)
    {
        _totals = totals ?? throw new ArgumentNullException(nameof(totals));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Appends the acks for <paramref name="ids"/> to <paramref name="outbound"/>; returns how many ids they carry.</summary>
    public int Encode(string cellId, string nodeId, IReadOnlyList<ulong> ids, List<OutboundMessage> outbound)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(outbound);
        string topic = Topics.ForNode(cellId, nodeId, TopicKind.Ack);
        int acked = 0;
        for (int start = 0; start < ids.Count; start += ProtocolLimits.MaxAckIdsPerMessage)
        {
            var ack = new EventAckMessage { NodeId = nodeId, Count = Math.Min(ProtocolLimits.MaxAckIdsPerMessage, ids.Count - start) };
            for (int i = 0; i < ack.Count; i++)
            {
                ack.EventIds[i] = ids[start + i];
            }

            byte[] buffer = new byte[EventAckMessage.EncodedSize(ack.Count)];
            EncodeResult encoded = ack.TryEncode(buffer, 0);
            if (!encoded.IsWritten)
            {
                _totals.CountEncodeRefused();
                _logger.LogError("An ack of {Count} events for node {Node} does not encode ({Field}); not published, the node will resend.", ack.Count, nodeId, encoded.Field);
                continue;
            }

            outbound.Add(new OutboundMessage(topic, buffer, Topics.Qos(TopicKind.Ack), false));
            acked += ack.Count;
        }

        return acked;
    }

    /// <summary>Acks for every node of a committed batch; returns the ids acknowledged.</summary>
    internal int EncodeAll(Dictionary<NodeSession, List<ulong>> acks, List<OutboundMessage> outbound)
    {
        int acked = 0;
        foreach (KeyValuePair<NodeSession, List<ulong>> pair in acks)
        {
            acked += Encode(pair.Key.CellId, pair.Key.NodeId, pair.Value, outbound);
        }

        return acked;
    }
}
