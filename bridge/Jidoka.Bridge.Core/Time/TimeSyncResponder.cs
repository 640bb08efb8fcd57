using System;
using Jidoka.Bridge.Messaging;
using Jidoka.Protocol;

namespace Jidoka.Bridge.Time;

/// <summary>
/// Answers a node's time-sync request with t1 echoed, t2 = when the request reached the bridge and
/// t3 = when the answer leaves, both from the injected clock (the HIL rig's virtual time in its
/// deterministic mode). The node computes its offset and round trip from these, as NTP does.
/// </summary>
public sealed class TimeSyncResponder
{
    private readonly TimeProvider _clock;

    /// <summary>Creates a responder on <paramref name="clock"/>.</summary>
    public TimeSyncResponder(TimeProvider clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>
    /// Decodes <paramref name="message"/> and builds the response for <paramref name="cellId"/>'s node.
    /// Returns the decoder's verdict; <paramref name="response"/> is set only when it is accepted and
    /// the request's node id matches the topic.
    /// </summary>
    public DecodeResult TryRespond(InboundMessage message, string cellId, string topicNodeId, out OutboundMessage? response)
    {
        ArgumentNullException.ThrowIfNull(message);
        response = null;
        var request = new TimeSyncRequestMessage();
        DecodeResult result = TryReadRequest(message.Payload, topicNodeId, request);
        if (!result.IsAccepted)
        {
            return result;
        }

        long t2 = UnixTime.ToUnixUs(message.ReceivedAt);
        long t3 = Math.Max(t2, UnixTime.ToUnixUs(_clock.GetUtcNow()));
        var answer = new TimeSyncResponseMessage
        {
            NodeId = request.NodeId,
            RequestId = request.RequestId,
            T1NodeMonoUs = request.T1NodeMonoUs,
            T2ReceiveUnixUs = t2,
            T3TransmitUnixUs = t3,
        };
        byte[] buffer = new byte[TimeSyncResponseMessage.EncodedSize];
        EncodeResult encoded = answer.TryEncode(buffer, 0);
        if (!encoded.IsWritten)
        {
            // Only a clock before 1970 gets here (t2 must be positive); answer nothing rather than nonsense.
            return DecodeResult.Reject(RejectReason.ImpossibleValue, "t2ReceiveUnixUs");
        }

        response = new OutboundMessage(Topics.ForNode(cellId, request.NodeId, TopicKind.TimeResponse), buffer, Topics.Qos(TopicKind.TimeResponse), false);
        return result;
    }

    /// <summary>
    /// Decodes a time-sync request into <paramref name="request"/> and checks that it names the topic's
    /// node: the verdict the responder answers by and the ingest engine counts by.
    /// </summary>
    public static DecodeResult TryReadRequest(byte[] payload, string topicNodeId, TimeSyncRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(request);
        DecodeResult result = request.TryDecode(payload, 0, payload.Length);
        if (result.IsAccepted && !string.Equals(request.NodeId, topicNodeId, StringComparison.Ordinal))
        {
            return DecodeResult.Reject(RejectReason.ImpossibleValue, "nodeId");
        }

        return result;
    }
}
